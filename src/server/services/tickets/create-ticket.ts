import { v7 as uuidv7 } from 'uuid';
import { formatTicketNumber, ticketNumberScope } from '../../../domain/ticket/ticket-number.js';
import { AppError, forbidden } from '../../errors/app-error.js';
import { insertAttachments } from '../../repositories/attachments.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { findTicket, insertTicket, nextTicketSequence, type TicketRow } from '../../repositories/tickets.repository.js';
import { findUserByEmail, type UserRow } from '../../repositories/users.repository.js';
import { isStaff, type Actor } from '../actor.js';
import { attachmentRows, checkUploadLimits, persistWithAttachments } from '../attachments/persist-with-attachments.js';
import type { UploadedFile } from '../attachments/uploaded-file.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { addUser } from '../users/add-user.js';
import { askForMissing, prepareRequest, STRICT_CHANNELS, storeRequest, type PreparedRequest } from '../intake/standard-request.js';
import type { StandardRequestObject } from '../../../contracts/tickets.js';
import { ticketHistory } from './history-entry.js';

/** A new request. */
export interface CreateTicketInput {
  actor: Actor;
  subject: string;
  /** The customer's description, as plain text. */
  body: string;
  /** Pre-rendered safe HTML of the body (e-mail); derived from `body` when absent. */
  bodyHtml?: string;
  language?: string | undefined;
  priority?: string | undefined;
  /** Staff only: the customer the request is for (created when unknown). */
  requesterEmail?: string | undefined;
  /** How the request came in; staff may log phone, fax, post or e-mail on a customer's behalf. */
  channel?: string | undefined;
  /** Channel used when the actor does not say (web for the portal session, api for tokens). */
  defaultChannel: 'web' | 'api' | 'email';
  files?: UploadedFile[];
  /** Licence number given with the request (entitlements resolve it in their hook). */
  licenceNumber?: string | undefined;
  /** A premium request: the entitlements hook spends a credit or refuses it. */
  premium?: boolean | undefined;
  /** The knowledge-base suggestion session the request was typed in (deflection). */
  kbSessionId?: string | undefined;
  /**
   * The standard request (intake). Web and API requests carrying it must be complete (422 otherwise);
   * on e-mail, phone, fax and post the request is always structured and accepted incomplete: the
   * ticket then waits for the customer, who is told what is missing.
   */
  request?: StandardRequestObject | undefined;
}

/** The requester: the customer acting, an existing user, or (not yet created) a new customer's address. */
async function findRequester(deps: ServiceDeps, input: CreateTicketInput): Promise<UserRow | Actor | { newEmail: string }> {
  const { actor } = input;
  if (!isStaff(actor)) {
    if (input.requesterEmail || input.channel) throw forbidden('agents_only_on_behalf');
    if (input.priority) throw forbidden('customers_cannot_set_priority');
    return actor;
  }
  if (!input.requesterEmail) {
    throw new AppError('validation_failed', {
      detailKey: 'validation_failed_detail',
      errors: [{ path: 'requesterEmail', message: 'required when an agent files a request on behalf of a customer' }],
    });
  }
  return (await findUserByEmail(deps.db, input.requesterEmail)) ?? { newEmail: input.requesterEmail };
}

/** Files a ticket with its first message (and files), numbered PREFIX-YEAR-NNNNNN. */
export async function createTicket(deps: ServiceDeps, input: CreateTicketInput): Promise<TicketRow> {
  const files = input.files ?? [];
  checkUploadLimits(deps, files);
  const found = await findRequester(deps, input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const year = now.getUTCFullYear();
  const scope = ticketNumberScope(deps.config.ticketPrefix, year);
  const ticketId = uuidv7();
  const messageId = uuidv7();
  const body = renderPlainText(input.body);
  const channel = input.channel ?? input.defaultChannel;
  const strict = STRICT_CHANNELS.has(channel);
  const licenceNumber = input.licenceNumber?.trim() || null;
  const prepared: PreparedRequest | null =
    input.request || !strict
      ? await prepareRequest(deps, {
          request: { ...(licenceNumber ? { licenceNumber } : {}), ...(input.request ?? {}) },
          subject: input.subject,
          body: input.body,
          attachmentCount: files.length,
          requester: 'newEmail' in found ? { name: '', email: found.newEmail } : { name: found.name, email: found.email },
          language: input.actor.language,
          strict,
        })
      : null;
  // A customer unknown so far is created only once the request passed its checks (nothing half-written).
  const requester = 'newEmail' in found ? await addUser(deps, { email: found.newEmail, role: 'customer', language: input.language, actorId: input.actor.id }) : found;
  // PostgreSQL: take the number in its own short statement so concurrent requests never wait on the
  // counter row for a whole transaction. SQLite has one writer anyway: taking it inside the
  // transaction saves a commit.
  const early = deps.dialect === 'postgres' ? await nextTicketSequence(deps.db, scope) : null;
  await persistWithAttachments(deps, files, async (trx, planned) => {
    const sequence = early ?? (await nextTicketSequence(trx, scope));
    const number = formatTicketNumber(deps.config.ticketPrefix, year, sequence);
    const language = input.language ?? requester.language;
    await insertTicket(trx, {
      id: ticketId,
      number,
      subject: input.subject.trim(),
      requesterId: requester.id,
      organizationId: requester.organizationId,
      assigneeId: null,
      groupId: null,
      state: 'new',
      pendingReason: null,
      priority: input.priority ?? 'normal',
      channel,
      language,
      reopenCount: 0,
      createdAt: at,
      updatedAt: at,
      firstResponseAt: null,
      lastCustomerMessageAt: at,
      lastAgentMessageAt: null,
      solvedAt: null,
      closedAt: null,
      licenceNumber: licenceNumber ?? prepared?.licenceNumber ?? null,
      productId: prepared?.productId ?? null,
      productVersion: prepared?.version ?? null,
      criticality: prepared?.criticality ?? null,
      premium: input.premium ? 1 : 0,
    });
    await insertMessage(trx, {
      id: messageId,
      ticketId,
      authorId: requester.id,
      createdById: input.actor.id,
      kind: 'customer',
      internal: 0,
      channel,
      bodyText: body.text,
      bodyHtml: input.bodyHtml ?? body.html,
      createdAt: at,
    });
    await insertAttachments(trx, attachmentRows(deps, planned, ticketId, messageId, at));
    await insertHistory(trx, [ticketHistory(ticketId, input.actor.id, at, 'created', { after: { channel, state: 'new' } })]);
    if (prepared) await storeRequest(trx, ticketId, prepared, at);
    await runTicketHooks({ trx, ticketId, actorId: input.actor.id, event: { type: 'created', messageId, kbSessionId: input.kbSessionId ?? null }, at }, deps);
    if (prepared && !prepared.complete) await askForMissing(deps, trx, { id: ticketId, number, language, state: 'new', pendingReason: null }, prepared.missing, at);
  });
  deps.events.publish({ ticketId, type: 'created', internal: false, at });
  return (await findTicket(deps.db, ticketId))!;
}
