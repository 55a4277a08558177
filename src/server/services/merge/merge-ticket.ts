import { AppError, forbidden } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findTicket, updateTicketRow, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { reindexTicket } from '../search/ticket-search-hook.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';

/** What a merge does. */
export interface MergeTicketInput {
  actor: Actor;
  /** The ticket that goes away (id or number). */
  ticketId: string;
  /** The ticket that keeps the conversation (id or number). */
  intoTicketId: string;
}

/**
 * Merges a ticket into another (agents): in one transaction its messages and attachments move to
 * the target, in their original order by date; the source is closed (whatever its state: a merge
 * is not a lifecycle step) with a history entry naming the target, and the target gets one naming
 * the source. Both run the ticket hooks (SLA, queue rank, search index) and are published live.
 * Closed tickets can neither be merged nor receive a merge. Returns the target.
 */
export async function mergeTicket(deps: ServiceDeps, input: MergeTicketInput): Promise<TicketRow> {
  const { actor } = input;
  if (!isStaff(actor)) throw forbidden('role_required');
  const source = await loadVisibleTicket(deps.db, actor, input.ticketId);
  const target = await loadVisibleTicket(deps.db, actor, input.intoTicketId);
  if (source.id === target.id) {
    throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'intoTicketId', message: 'a ticket cannot be merged into itself' }] });
  }
  if (source.state === 'closed' || target.state === 'closed') throw new AppError('conflict', { detailKey: 'ticket_closed' });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('messages').set({ ticketId: target.id }).where('ticketId', '=', source.id).executeTakeFirst();
    await trx.updateTable('attachments').set({ ticketId: target.id }).where('ticketId', '=', source.id).execute();
    const count = Number(moved.numUpdatedRows);
    const stateChange = { field: 'state', before: source.state, after: 'closed' };
    await updateTicketRow(trx, source.id, { state: 'closed', pendingReason: null, closedAt: at, solvedAt: source.solvedAt ?? at, updatedAt: at });
    await updateTicketRow(trx, target.id, { updatedAt: at });
    await insertHistory(trx, [
      ticketHistory(source.id, actor.id, at, 'merged_into', { field: 'mergedInto', before: null, after: target.number }),
      ticketHistory(source.id, actor.id, at, 'changed', stateChange),
      ticketHistory(target.id, actor.id, at, 'merged_from', { field: 'mergedFrom', before: null, after: { number: source.number, messages: count } }),
    ]);
    await runTicketHooks({ trx, ticketId: source.id, actorId: actor.id, event: { type: 'updated', changes: [stateChange] }, at }, deps);
    await runTicketHooks({ trx, ticketId: target.id, actorId: actor.id, event: { type: 'updated', changes: [{ field: 'mergedFrom', before: null, after: source.number }] }, at }, deps);
    await reindexTicket(deps, trx, target.id);
    await reindexTicket(deps, trx, source.id);
  });
  deps.events.publish({ ticketId: source.id, type: 'updated', internal: false, at });
  deps.events.publish({ ticketId: target.id, type: 'updated', internal: false, at });
  return (await findTicket(deps.db, target.id))!;
}
