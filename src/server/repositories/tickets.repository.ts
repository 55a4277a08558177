import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { TicketsTable } from '../db/tables/foundation.js';

/** A ticket row with its requester's name and e-mail. */
export type TicketRow = Selectable<TicketsTable> & { requesterName: string; requesterEmail: string };

/** Takes the next number of a scope (PREFIX-YEAR); one short statement, safe under concurrency. */
export async function nextTicketSequence(db: Executor, scope: string): Promise<number> {
  const row = await db
    .insertInto('ticketCounters')
    .values({ scope, value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ value: sql`ticket_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Inserts a ticket. */
export async function insertTicket(db: Executor, row: Insertable<TicketsTable>): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

/** Updates a ticket. */
export async function updateTicketRow(db: Executor, id: string, patch: Updateable<TicketsTable>): Promise<void> {
  await db.updateTable('tickets').set(patch).where('id', '=', id).execute();
}

/** Tickets with the requester joined. */
export function selectTickets(db: Executor) {
  return db
    .selectFrom('tickets')
    .innerJoin('users as requester', 'requester.id', 'tickets.requesterId')
    .selectAll('tickets')
    .select(['requester.name as requesterName', 'requester.email as requesterEmail']);
}

/** Finds a ticket by id or by number. */
export function findTicket(db: Executor, idOrNumber: string): Promise<TicketRow | undefined> {
  const column = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(idOrNumber) ? 'tickets.id' : 'tickets.number';
  const value = column === 'tickets.number' ? idOrNumber.trim().toUpperCase() : idOrNumber;
  return selectTickets(db).where(column, '=', value).executeTakeFirst();
}

/** Filters for listing tickets. */
export interface TicketListFilter {
  state?: string;
  assigneeId?: string | null;
  requesterId?: string;
  organizationId?: string;
  /** Restricts to what a customer may see: their own, plus their organization's when it shares. */
  visibleTo?: { userId: string; organizationId: string | null };
  /** A full-text condition on tickets.id from the SearchIndex. */
  textMatch?: Expression<SqlBool>;
  after?: { createdAt: string; id: string } | null;
  order: 'newest' | 'oldest';
  limit: number;
}

/** Lists tickets with keyset pagination on (created_at, id). */
export function listTicketRows(db: Executor, f: TicketListFilter): Promise<TicketRow[]> {
  let q = selectTickets(db);
  if (f.state) q = q.where('tickets.state', '=', f.state);
  if (f.assigneeId !== undefined) {
    q = f.assigneeId === null ? q.where('tickets.assigneeId', 'is', null) : q.where('tickets.assigneeId', '=', f.assigneeId);
  }
  if (f.requesterId) q = q.where('tickets.requesterId', '=', f.requesterId);
  if (f.organizationId) q = q.where('tickets.organizationId', '=', f.organizationId);
  if (f.textMatch) q = q.where(f.textMatch);
  const visible = f.visibleTo;
  if (visible) {
    q = visible.organizationId
      ? q.where((eb) => eb.or([eb('tickets.requesterId', '=', visible.userId), eb('tickets.organizationId', '=', visible.organizationId)]))
      : q.where('tickets.requesterId', '=', visible.userId);
  }
  const dir = f.order === 'newest' ? 'desc' : 'asc';
  if (f.after) {
    const after = f.after;
    q = q.where((eb) =>
      eb(eb.refTuple('tickets.createdAt', 'tickets.id'), f.order === 'newest' ? '<' : '>', eb.tuple(after.createdAt, after.id)),
    );
  }
  return q.orderBy('tickets.createdAt', dir).orderBy('tickets.id', dir).limit(f.limit).execute();
}
