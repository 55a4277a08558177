import { z } from 'zod';
import { Channel, Language, MessageKind, PendingReason, Priority, TicketState } from './enums.js';
import { TicketSla } from './sla.js';

/** A person as shown inside a ticket. */
export const PersonRef = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** How often the problem happens. */
export const Frequency = z.enum(['once', 'sometimes', 'always']);
/** How bad the problem is. */
export const Criticality = z.enum(['blocking', 'major', 'minor', 'question']);

/** One field of a product's request form (label: i18n key `intake:field.<key>`; options: `intake:option.<key>.<value>`). */
export const RequestField = z.object({
  key: z.string().min(1).max(40),
  type: z.enum(['text', 'longtext', 'choice', 'version', 'email', 'phone', 'licence', 'files']),
  required: z.boolean(),
  options: z.array(z.string().min(1).max(60)).max(50).optional(),
});
/** A request-form field. */
export type RequestField = z.infer<typeof RequestField>;

/** A product's request form. */
export const RequestFormDto = z.object({ productId: z.string(), fields: z.array(RequestField) });
/** A request form. */
export type RequestFormDto = z.infer<typeof RequestFormDto>;

/** Input to configure a product's request form (admins). */
export const PutRequestFormBody = z.object({ fields: z.array(RequestField).min(1).max(60) });

/** The standard request's fields (summary = subject, description = body). Absent fields may be completed later. */
export const StandardRequestObject = z.object({
  productId: z.string().min(1).max(64).optional().describe('Product id or code'),
  version: z.string().trim().max(60).optional().describe("One of the product's versions"),
  frequency: Frequency.optional(),
  criticality: Criticality.optional(),
  steps: z.string().trim().max(20_000).optional().describe('Steps to reproduce'),
  contactName: z.string().trim().max(200).optional(),
  contactEmail: z.string().trim().max(254).optional(),
  contactPhone: z.string().trim().max(40).optional(),
  licenceNumber: z.string().trim().max(64).optional(),
  extra: z.record(z.string().max(40), z.string().max(5_000)).optional().describe("Values of the product's own fields"),
});
/** The standard request. */
export type StandardRequestObject = z.infer<typeof StandardRequestObject>;

/** The standard request as JSON, or (multipart) as a field holding JSON text. */
export const StandardRequestInput = z.union([
  StandardRequestObject,
  z
    .string()
    .max(100_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'request must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(StandardRequestObject),
]);

/** The structured request of a ticket, fields in the fixed display order. */
export const TicketRequestDto = z.object({
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  fields: z.array(z.object({ key: z.string(), value: z.string() })),
  complete: z.boolean(),
  missing: z.array(z.string()).describe('Keys of the required fields still missing'),
  oneQuestion: z.boolean().describe('False when the request asks several distinct questions (agents may split it)'),
});
/** A ticket's structured request. */
export type TicketRequestDto = z.infer<typeof TicketRequestDto>;

/** A ticket as the API shows it. */
export const TicketDto = z.object({
  id: z.string(),
  number: z.string().describe('The number customers quote, e.g. GU-2027-000123'),
  subject: z.string(),
  state: TicketState,
  pendingReason: PendingReason.nullable(),
  priority: Priority,
  channel: Channel,
  language: Language,
  requester: PersonRef,
  organizationId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  groupId: z.string().nullable(),
  reopenCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  licenceNumber: z.string().nullable().describe('Licence number given with the request'),
  planCode: z.string().nullable().describe('Plan the entitlement resolved to (null: handled as standard)'),
  tier: z.enum(['premium', 'direct', 'contract', 'standard']).describe('Queue tier'),
  premium: z.boolean().describe('A paid premium request'),
  sla: TicketSla.optional().describe('Service levels: due dates, met/breached, remaining business minutes, paused'),
  request: TicketRequestDto.optional().describe('The structured request (standard request form), when one was filed'),
});
/** A ticket. */
export type TicketDto = z.infer<typeof TicketDto>;

/** Input to file a ticket (JSON, or the same fields as multipart form fields with files). */
export const CreateTicketBody = z.object({
  subject: z.string().trim().min(1).max(250),
  body: z.string().trim().min(1).max(100_000),
  language: Language.optional(),
  priority: Priority.optional(),
  requesterEmail: z.email().max(254).optional().describe('Agents only: the customer this request is for'),
  channel: Channel.optional().describe('Agents only: how the customer reached us (phone, fax, post, email, web)'),
  licenceNumber: z.string().trim().min(1).max(64).optional().describe('The licence the request is about; entitlements follow from it'),
  premium: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .describe('A premium request: spends one of the organization’s premium credits and ranks first'),
  kbSessionId: z.string().max(64).optional().describe('The sessionId of the article suggestions shown while the request was typed'),
  request: StandardRequestInput.optional().describe('The standard request (in multipart: a field holding JSON text)'),
});
/** Input to file a ticket. */
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

/** Input to change a ticket. */
export const UpdateTicketBody = z
  .object({
    state: TicketState.optional(),
    pendingReason: PendingReason.optional(),
    priority: Priority.optional(),
    assigneeId: z.string().nullable().optional(),
    groupId: z.string().nullable().optional(),
    subject: z.string().trim().min(1).max(250).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });
/** Input to change a ticket. */
export type UpdateTicketBody = z.infer<typeof UpdateTicketBody>;

/** Ticket list filters and cursor. */
export const ListTicketsQuery = z.object({
  state: TicketState.optional(),
  assignee: z.string().optional().describe('A user id, "me" or "none"'),
  requester: z.string().optional(),
  organization: z.string().optional(),
  q: z.string().max(500).optional().describe('Full-text search: number, subject, messages, requester name or e-mail (internal notes for agents only)'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  order: z.enum(['newest', 'oldest']).default('newest'),
});
/** Ticket list query. */
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;

/** One page of tickets. */
export const TicketPage = z.object({ items: z.array(TicketDto), nextCursor: z.string().nullable() });

/** An attachment as listed on a message. */
export const AttachmentDto = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
});

/** A message of a ticket's thread. */
export const MessageDto = z.object({
  id: z.string(),
  ticketId: z.string(),
  kind: MessageKind,
  internal: z.boolean(),
  channel: Channel,
  author: PersonRef.nullable(),
  bodyText: z.string(),
  bodyHtml: z.string(),
  attachments: z.array(AttachmentDto),
  createdAt: z.string(),
});
/** A message. */
export type MessageDto = z.infer<typeof MessageDto>;

/** Input to add a message (JSON, or multipart with files). */
export const CreateMessageBody = z.object({
  body: z.string().trim().min(1).max(100_000),
  internal: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .describe('Agents only: an internal note customers never see'),
  channel: Channel.optional().describe('Agents only: log a phone call, fax or letter'),
});
/** Input to add a message. */
export type CreateMessageBody = z.infer<typeof CreateMessageBody>;

/** One entry of a ticket's history. */
export const HistoryDto = z.object({
  id: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  actor: PersonRef.nullable(),
  createdAt: z.string(),
});
/** A history entry. */
export type HistoryDto = z.infer<typeof HistoryDto>;

/** Ticket id or number in a path. */
export const TicketRefParams = z.object({ id: z.string().min(1).max(64) });

/** "Not satisfied": reopen a solved ticket with a comment. */
export const ReopenTicketBody = z.object({
  comment: z.string().trim().min(1).max(100_000).describe('Why the answer did not solve the problem'),
  channel: Channel.optional().describe('Agents only: how the customer told us (phone, fax, post, email); default web/api'),
});
/** Input to reopen as not satisfied. */
export type ReopenTicketBody = z.infer<typeof ReopenTicketBody>;

/** The latest "not satisfied" reopen: the original question, the last answer and the comment together. */
export const ReopenContextDto = z.object({
  question: MessageDto,
  lastAnswer: MessageDto.nullable(),
  comment: MessageDto.nullable(),
});
/** A reopen context. */
export type ReopenContextDto = z.infer<typeof ReopenContextDto>;

/** Input to complete or correct a ticket's structured request. */
export const UpdateRequestBody = StandardRequestObject;

/** Input to split a ticket: the messages that move to a new ticket. */
export const SplitTicketBody = z.object({
  messageIds: z.array(z.string().min(1).max(64)).min(1).max(1000),
  subject: z.string().trim().min(1).max(250).optional().describe("Subject of the new ticket; the original's when absent"),
});
/** Input to split a ticket. */
export type SplitTicketBody = z.infer<typeof SplitTicketBody>;
