import type { Insertable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { SlaTargetMovesTable } from '../db/tables/sla.js';

/** A state or pending-reason change of a ticket, from its history. */
export interface StateHistoryRow {
  ticketId: string;
  field: string | null;
  after: string | null;
  createdAt: string;
}

/** A public message that counts for response targets. */
export interface ThreadFactRow {
  ticketId: string;
  kind: string;
  createdAt: string;
}

/** A move of a target's due date. */
export interface MoveRow {
  ticketId: string;
  target: string;
  dueAt: string;
  reason: string;
  createdAt: string;
}

const CHUNK = 500;

async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/** State and pending-reason changes of tickets, oldest first. */
export function stateHistoryOf(db: Executor, ticketIds: string[]): Promise<StateHistoryRow[]> {
  return inChunks(ticketIds, (chunk) =>
    db
      .selectFrom('history')
      .select(['ticketId', 'field', 'after', 'createdAt'])
      .where('ticketId', 'in', chunk)
      .where('field', 'in', ['state', 'pendingReason'])
      .orderBy('createdAt')
      .orderBy('id')
      .execute() as Promise<StateHistoryRow[]>,
  );
}

/** Public customer messages and agent replies of tickets, oldest first. */
export function threadFactsOf(db: Executor, ticketIds: string[]): Promise<ThreadFactRow[]> {
  return inChunks(ticketIds, (chunk) =>
    db
      .selectFrom('messages')
      .select(['ticketId', 'kind', 'createdAt'])
      .where('ticketId', 'in', chunk)
      .where('internal', '=', 0)
      .where('kind', 'in', ['customer', 'reply'])
      .orderBy('createdAt')
      .execute(),
  );
}

/** Moves of targets of tickets, oldest first. */
export function movesOf(db: Executor, ticketIds: string[]): Promise<MoveRow[]> {
  return inChunks(ticketIds, (chunk) =>
    db.selectFrom('slaTargetMoves').select(['ticketId', 'target', 'dueAt', 'reason', 'createdAt']).where('ticketId', 'in', chunk).orderBy('createdAt').execute(),
  );
}

/** Records a move. */
export async function insertMove(db: Executor, row: Insertable<SlaTargetMovesTable>): Promise<void> {
  await db.insertInto('slaTargetMoves').values(row).execute();
}

/** Records an alert unless it already fired; true when this call recorded it. */
export async function insertAlertOnce(db: Executor, row: { id: string; ticketId: string; target: string; kind: string; dueAt: string; createdAt: string }): Promise<boolean> {
  const r = await db
    .insertInto('slaAlerts')
    .values(row)
    .onConflict((oc) => oc.columns(['ticketId', 'target', 'kind', 'dueAt']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}
