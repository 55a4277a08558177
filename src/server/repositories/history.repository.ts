import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { HistoryTable } from '../db/tables/foundation.js';

/** A history row with the actor's name. */
export type HistoryRow = Selectable<HistoryTable> & { actorName: string | null; actorEmail: string | null };

/** Appends history entries. */
export async function insertHistory(db: Executor, rows: Insertable<HistoryTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('history').values(rows).execute();
}

/** A ticket's history, oldest first; internal entries only when asked. */
export function listTicketHistory(db: Executor, ticketId: string, includeInternal: boolean): Promise<HistoryRow[]> {
  let q = db
    .selectFrom('history')
    .leftJoin('users', 'users.id', 'history.actorId')
    .selectAll('history')
    .select(['users.name as actorName', 'users.email as actorEmail'])
    .where('history.ticketId', '=', ticketId);
  if (!includeInternal) q = q.where('history.internal', '=', 0);
  return q.orderBy('history.createdAt').orderBy('history.id').execute();
}
