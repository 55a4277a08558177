import { z } from 'zod';

/** What happened to a mail (in: created, appended, ignored, rejected; out: queued, sent, failed, bounced, skipped). */
export const MailAction = z.enum(['processing', 'created', 'appended', 'ignored', 'rejected', 'queued', 'sent', 'failed', 'bounced', 'skipped']);

/** One mail in or out, as agents see it in the mail log. */
export const MailLogEntryDto = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  messageIdHeader: z.string(),
  action: MailAction,
  reason: z.string().nullable(),
  sender: z.string().nullable(),
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  size: z.number().int(),
  ticketNumber: z.string().nullable(),
  /** Whether the raw mail is still kept (GET /mail/log/:id/raw). */
  rawKept: z.boolean(),
  createdAt: z.string(),
});
/** A mail log entry. */
export type MailLogEntryDto = z.infer<typeof MailLogEntryDto>;

/** Filters of the mail log. */
export const MailLogQuery = z.object({
  direction: z.enum(['in', 'out']).optional(),
  action: MailAction.optional(),
  ticket: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(40).optional().describe('created before this instant (ISO), for the next page'),
});

/** A page of the mail log, newest first. */
export const MailLogPage = z.object({ items: z.array(MailLogEntryDto) });
