import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { MessagesTable } from '../db/tables/foundation.js';

/** A message row with its author. */
export type MessageRow = Selectable<MessagesTable> & { authorName: string | null; authorEmail: string | null };

/** Inserts a message. */
export async function insertMessage(db: Executor, row: Insertable<MessagesTable>): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

/** A ticket's thread, oldest first; internal notes only when asked. */
export function listTicketMessages(db: Executor, ticketId: string, includeInternal: boolean): Promise<MessageRow[]> {
  let q = db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.authorId')
    .selectAll('messages')
    .select(['users.name as authorName', 'users.email as authorEmail'])
    .where('messages.ticketId', '=', ticketId);
  if (!includeInternal) q = q.where('messages.internal', '=', 0);
  return q.orderBy('messages.createdAt').orderBy('messages.id').execute();
}

/** Finds one message. */
export function findMessage(db: Executor, id: string): Promise<Selectable<MessagesTable> | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}
