import { v7 as uuidv7 } from 'uuid';
import { formatTicketNumber, ticketNumberScope } from '../../../domain/ticket/ticket-number.js';
import { AppError, forbidden } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findTicket, insertTicket, nextTicketSequence, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { reindexTicket } from '../search/ticket-search-hook.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';

/** An agent splits a request that asks several questions. */
export interface SplitTicketInput {
  actor: Actor;
  /** Ticket id or number. */
  ticketId: string;
  /** The messages (with their attachments) that move to the new ticket. */
  messageIds: string[];
  /** Subject of the new ticket; the original's when absent. */
  subject?: string | undefined;
}

function refuse(detailKey: string, errors: Array<{ path: string; message: string }> = []): never {
  throw new AppError('unprocessable', { detailKey: `intake:errors.${detailKey}`, errors });
}

/**
 * "One question per request": moves the chosen messages and their attachments to a new ticket of the
 * same requester, organization and product, and records the split in both histories. The new
 * ticket runs the hooks of a new request (entitlements, SLA, confirmation, queue, search); both
 * tickets are then marked as asking one question.
 */
export async function splitTicket(deps: ServiceDeps, input: SplitTicketInput): Promise<TicketRow> {
  const { actor } = input;
  if (!isStaff(actor)) throw forbidden('role_required', { roles: 'agent, admin' });
  const ticket = await loadVisibleTicket(deps.db, actor, input.ticketId);
  if (ticket.state === 'closed') throw new AppError('conflict', { detailKey: 'ticket_closed' });
  const wanted = [...new Set(input.messageIds)];
  if (wanted.length === 0) refuse('split_no_messages', [{ path: 'messageIds', message: 'empty' }]);
  const thread = await deps.db.selectFrom('messages').select(['id', 'kind', 'createdAt', 'authorId']).where('ticketId', '=', ticket.id).orderBy('createdAt').orderBy('id').execute();
  const ids = new Set(thread.map((m) => m.id));
  const unknown = wanted.map((id, i) => ({ id, i })).filter((x) => !ids.has(x.id));
  if (unknown.length > 0) refuse('split_no_messages', unknown.map((x) => ({ path: `messageIds.${x.i}`, message: 'not a message of this ticket' })));
  const chosen = new Set(wanted);
  const moving = thread.filter((m) => chosen.has(m.id));
  const staying = thread.filter((m) => !chosen.has(m.id));
  if (!staying.some((m) => m.kind === 'customer')) refuse('split_all_messages', [{ path: 'messageIds', message: 'the original request must keep a customer message' }]);
  const first = moving.find((m) => m.kind === 'customer');
  if (!first) refuse('split_needs_customer_message', [{ path: 'messageIds', message: 'choose at least one customer message' }]);

  const now = deps.clock.now();
  const at = now.toISOString();
  const year = now.getUTCFullYear();
  const scope = ticketNumberScope(deps.config.ticketPrefix, year);
  const newId = uuidv7();
  const subject = input.subject?.trim() || ticket.subject;
  const lastCustomer = [...moving].reverse().find((m) => m.kind === 'customer')!.createdAt;
  await deps.db.transaction().execute(async (trx) => {
    const number = formatTicketNumber(deps.config.ticketPrefix, year, await nextTicketSequence(trx, scope));
    await insertTicket(trx, {
      id: newId,
      number,
      subject,
      requesterId: ticket.requesterId,
      organizationId: ticket.organizationId,
      assigneeId: null,
      groupId: ticket.groupId,
      state: 'new',
      pendingReason: null,
      priority: ticket.priority,
      channel: ticket.channel,
      language: ticket.language,
      reopenCount: 0,
      createdAt: at,
      updatedAt: at,
      firstResponseAt: null,
      lastCustomerMessageAt: lastCustomer,
      lastAgentMessageAt: null,
      solvedAt: null,
      closedAt: null,
      licenceNumber: ticket.licenceNumber,
      productId: ticket.productId,
      productVersion: ticket.productVersion,
      criticality: ticket.criticality,
    });
    await trx.updateTable('messages').set({ ticketId: newId }).where('ticketId', '=', ticket.id).where('id', 'in', wanted).execute();
    await trx.updateTable('attachments').set({ ticketId: newId }).where('ticketId', '=', ticket.id).where('messageId', 'in', wanted).execute();

    const request = await trx.selectFrom('ticketRequests').selectAll().where('ticketId', '=', ticket.id).executeTakeFirst();
    if (request) {
      const firstText = (await trx.selectFrom('messages').select('bodyText').where('id', '=', first.id).executeTakeFirstOrThrow()).bodyText;
      const values = { ...(JSON.parse(request.fieldValues) as Record<string, string>), summary: subject, description: firstText };
      await trx.insertInto('ticketRequests').values({ ...request, ticketId: newId, fieldValues: JSON.stringify(values), oneQuestion: 1, createdAt: at, updatedAt: at }).execute();
      await trx.updateTable('ticketRequests').set({ oneQuestion: 1, updatedAt: at }).where('ticketId', '=', ticket.id).execute();
    }

    await insertHistory(trx, [
      ticketHistory(ticket.id, actor.id, at, 'split', { after: { ticketId: newId, number, messageIds: moving.map((m) => m.id) } }),
      ticketHistory(newId, actor.id, at, 'created', { after: { channel: ticket.channel, state: 'new', splitFrom: ticket.number } }),
      ticketHistory(newId, actor.id, at, 'split_from', { after: { ticketId: ticket.id, number: ticket.number, messageIds: moving.map((m) => m.id) } }),
    ]);
    await runTicketHooks({ trx, ticketId: newId, actorId: actor.id, event: { type: 'created', messageId: first.id }, at }, deps);
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes: [{ field: 'messages', before: thread.length, after: staying.length }] }, at }, deps);
    await reindexTicket(deps, trx, ticket.id);
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
  deps.events.publish({ ticketId: newId, type: 'created', internal: false, at });
  return (await findTicket(deps.db, newId))!;
}
