import type { Executor } from '../db/schema.js';
import { selectTickets, type TicketRow } from './tickets.repository.js';

/** Which part of the queue to read. */
export interface QueueFilter {
  /** Only tickets of these groups, plus those no group holds yet; null for every group. */
  groupIds: string[] | null;
  /** A single group (overrides groupIds). */
  groupId?: string | undefined;
  /** undefined: anyone; null: unassigned; an id: that agent's. */
  assigneeId?: string | null | undefined;
  after?: { key: string; id: string } | null;
  /** Only tickets with an unmet target due before this instant (ISO). */
  dueBefore?: string | undefined;
  limit: number;
}

/**
 * Tickets waiting for an agent in queue order, read off the stored rank key (indexed, partial on
 * queue_key is not null), so the first page costs the same with 250,000 open tickets as with 25.
 */
export function listQueueRows(db: Executor, f: QueueFilter): Promise<TicketRow[]> {
  let q = selectTickets(db).where('tickets.queueKey', 'is not', null);
  if (f.groupId) q = q.where('tickets.groupId', '=', f.groupId);
  else if (f.groupIds) {
    const ids = f.groupIds;
    q = ids.length ? q.where((eb) => eb.or([eb('tickets.groupId', 'in', ids), eb('tickets.groupId', 'is', null)])) : q.where('tickets.groupId', 'is', null);
  }
  if (f.assigneeId === null) q = q.where('tickets.assigneeId', 'is', null);
  else if (f.assigneeId !== undefined) q = q.where('tickets.assigneeId', '=', f.assigneeId);
  const dueBefore = f.dueBefore;
  if (dueBefore) {
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('tickets.firstResponseDueAt', '<', dueBefore), eb('tickets.firstResponseMetAt', 'is', null)]),
        eb.and([eb('tickets.nextResponseDueAt', '<', dueBefore), eb('tickets.nextResponseMetAt', 'is', null)]),
        eb.and([eb('tickets.resolutionDueAt', '<', dueBefore), eb('tickets.resolutionMetAt', 'is', null)]),
      ]),
    );
  }
  const after = f.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('tickets.queueKey', 'tickets.id'), '>', eb.tuple(after.key, after.id)));
  return q.orderBy('tickets.queueKey').orderBy('tickets.id').limit(f.limit).execute();
}

/** The fair-use snapshots of some tickets (taken when each was filed). */
export async function fairUseSnapshots(db: Executor, ticketIds: string[]): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.selectFrom('ticketEntitlements').select(['ticketId', 'fairUse']).where('ticketId', 'in', ticketIds).where('fairUse', 'is not', null).execute();
  return new Map(rows.map((r) => [r.ticketId, r.fairUse!]));
}
