import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { CallbacksTable } from '../db/tables/callbacks.js';

/** A callback with what the queue shows of its ticket and requester. */
export type CallbackRow = Selectable<CallbacksTable> & {
  ticketNumber: string;
  ticketSubject: string;
  assigneeId: string | null;
  requesterName: string;
  requesterTimeZone: string;
};

function selectCallbacks(db: Executor) {
  return db
    .selectFrom('callbacks')
    .innerJoin('tickets', 'tickets.id', 'callbacks.ticketId')
    .innerJoin('users', 'users.id', 'callbacks.requesterId')
    .selectAll('callbacks')
    .select(['tickets.number as ticketNumber', 'tickets.subject as ticketSubject', 'tickets.assigneeId as assigneeId', 'users.name as requesterName', 'users.timeZone as requesterTimeZone']);
}

/** One callback. */
export function findCallback(db: Executor, id: string): Promise<CallbackRow | undefined> {
  return selectCallbacks(db).where('callbacks.id', '=', id).executeTakeFirst();
}

/** Callbacks in a state, earliest slot first; only those on tickets assigned to `assigneeId` when given. */
export function listCallbackRows(db: Executor, f: { state: string; assigneeId?: string | null; ticketId?: string; limit: number }): Promise<CallbackRow[]> {
  let q = selectCallbacks(db).where('callbacks.state', '=', f.state);
  if (f.assigneeId) q = q.where('tickets.assigneeId', '=', f.assigneeId);
  if (f.ticketId) q = q.where('callbacks.ticketId', '=', f.ticketId);
  const order = f.state === 'booked' ? 'asc' : 'desc';
  return q.orderBy('callbacks.slotStart', order).orderBy('callbacks.id').limit(f.limit).execute();
}

/** The booked callback of a ticket, if any. */
export function findBookedCallbackOfTicket(db: Executor, ticketId: string): Promise<Selectable<CallbacksTable> | undefined> {
  return db.selectFrom('callbacks').selectAll().where('ticketId', '=', ticketId).where('state', '=', 'booked').executeTakeFirst();
}

export async function insertCallback(db: Executor, row: Insertable<CallbacksTable>): Promise<void> {
  await db.insertInto('callbacks').values(row).execute();
}

export async function updateCallback(db: Executor, id: string, patch: Updateable<CallbacksTable>): Promise<void> {
  await db.updateTable('callbacks').set(patch).where('id', '=', id).execute();
}

/** Slot starts (ISO) of the seats taken in a scope between two instants. */
export async function takenSeatStarts(db: Executor, scope: string, from: string, to: string): Promise<string[]> {
  const rows = await db.selectFrom('callbackSeats').select('slotStart').where('scope', '=', scope).where('slotStart', '>=', from).where('slotStart', '<', to).execute();
  return rows.map((r) => r.slotStart);
}

/**
 * Takes a free seat of a slot for a callback: tries seats 1..capacity with INSERT ... ON CONFLICT DO
 * NOTHING, so concurrent bookings never share a seat (PostgreSQL waits for the other transaction's
 * seat row; SQLite has one writer). Returns the seat number, or null when the slot is full.
 */
export async function takeSeat(db: Executor, scope: string, slotStart: string, capacity: number, callbackId: string): Promise<number | null> {
  for (let seat = 1; seat <= capacity; seat++) {
    const result = await db
      .insertInto('callbackSeats')
      .values({ scope, slotStart, seat, callbackId })
      .onConflict((oc) => oc.columns(['scope', 'slotStart', 'seat']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return seat;
  }
  return null;
}

/** Frees the seat a callback holds. */
export async function releaseSeat(db: Executor, callbackId: string): Promise<void> {
  await db.deleteFrom('callbackSeats').where('callbackId', '=', callbackId).execute();
}

/** Whether an error is a unique-constraint violation (PostgreSQL 23505, SQLite UNIQUE). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (typeof err?.message === 'string' && err.message.includes('UNIQUE constraint failed'));
}
