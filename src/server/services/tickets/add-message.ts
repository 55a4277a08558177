import type { Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { TicketsTable } from '../../db/tables/foundation.js';
import { AppError, forbidden } from '../../errors/app-error.js';
import { insertAttachments } from '../../repositories/attachments.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { updateTicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import { attachmentRows, checkUploadLimits, persistWithAttachments } from '../attachments/persist-with-attachments.js';
import type { UploadedFile } from '../attachments/uploaded-file.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks, type FieldChange } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { ticketHistory } from './history-entry.js';
import { loadVisibleTicket } from './ticket-access.js';

/** A message added to a ticket's thread. */
export interface AddMessageInput {
  actor: Actor;
  /** Ticket id or number. */
  ticketId: string;
  /** Plain text as typed. */
  body: string;
  /** Pre-rendered safe HTML (e-mail); derived from `body` when absent. */
  bodyHtml?: string;
  /** Staff only: an internal note. */
  internal?: boolean | undefined;
  /**
   * Staff only: phone, fax or post logs a message from the customer, typed in by the agent.
   */
  channel?: string | undefined;
  /** Channel when none is given: web for the portal session, api for tokens. */
  defaultChannel: 'web' | 'api' | 'email';
  files?: UploadedFile[];
}

/** What the message does to the ticket. */
export interface AddMessageResult {
  messageId: string;
  ticketId: string;
}

const LOGGED_CHANNELS = new Set(['phone', 'fax', 'post']);

/**
 * Adds a customer message, a public reply or an internal note. A customer's message brings a ticket
 * waiting for them back to open and reopens a solved one; an agent's first public reply opens a new
 * ticket and is recorded as the first response.
 */
export async function addMessage(deps: ServiceDeps, input: AddMessageInput): Promise<AddMessageResult> {
  const files = input.files ?? [];
  checkUploadLimits(deps, files);
  const { actor } = input;
  const ticket = await loadVisibleTicket(deps.db, actor, input.ticketId);
  const staff = isStaff(actor);
  if (!staff && (input.internal || input.channel)) throw forbidden('customers_cannot_post_internal');
  const internal = staff && Boolean(input.internal);
  const loggedForCustomer = staff && !internal && input.channel !== undefined && LOGGED_CHANNELS.has(input.channel);
  const fromCustomer = !staff || loggedForCustomer;
  if (!staff && ticket.state === 'closed') throw new AppError('conflict', { detailKey: 'ticket_closed' });

  const at = deps.clock.now().toISOString();
  const messageId = uuidv7();
  const kind = internal ? 'note' : fromCustomer ? 'customer' : 'reply';
  const channel = input.channel ?? input.defaultChannel;
  const patch: Updateable<TicketsTable> = { updatedAt: at };
  const changes: FieldChange[] = [];
  if (fromCustomer) {
    patch.lastCustomerMessageAt = at;
    if (ticket.state === 'pending' && ticket.pendingReason === 'waiting_for_customer') {
      patch.state = 'open';
      patch.pendingReason = null;
      changes.push({ field: 'state', before: 'pending', after: 'open' }, { field: 'pendingReason', before: ticket.pendingReason, after: null });
    } else if (ticket.state === 'solved') {
      patch.state = 'open';
      patch.solvedAt = null;
      patch.reopenCount = Number(ticket.reopenCount) + 1;
      changes.push({ field: 'state', before: 'solved', after: 'open' });
    }
  } else if (!internal) {
    patch.lastAgentMessageAt = at;
    if (!ticket.firstResponseAt) patch.firstResponseAt = at;
    if (ticket.state === 'new') {
      patch.state = 'open';
      changes.push({ field: 'state', before: 'new', after: 'open' });
    }
  }
  const body = renderPlainText(input.body);
  await persistWithAttachments(deps, files, async (trx, planned) => {
    await insertMessage(trx, {
      id: messageId,
      ticketId: ticket.id,
      authorId: loggedForCustomer ? ticket.requesterId : actor.id,
      createdById: actor.id,
      kind,
      internal: internal ? 1 : 0,
      channel,
      bodyText: body.text,
      bodyHtml: input.bodyHtml ?? body.html,
      createdAt: at,
    });
    await insertAttachments(trx, attachmentRows(deps, planned, ticket.id, messageId, at));
    await updateTicketRow(trx, ticket.id, patch);
    await insertHistory(trx, [
      ticketHistory(ticket.id, actor.id, at, 'message_added', { after: { messageId, kind, channel }, internal }),
      ...changes.map((c) => ticketHistory(ticket.id, actor.id, at, c.field === 'state' && c.after === 'open' && c.before === 'solved' ? 'reopened' : 'changed', c)),
    ]);
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'message_added', messageId, kind, internal }, at }, deps);
    if (changes.length > 0) {
      await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes }, at }, deps);
    }
  });
  deps.events.publish({ ticketId: ticket.id, type: 'message_added', internal, at });
  return { messageId, ticketId: ticket.id };
}
