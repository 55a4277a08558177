import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { AttachmentsTable } from '../db/tables/foundation.js';

/** An attachment row. */
export type AttachmentRow = Selectable<AttachmentsTable>;

/** Inserts attachment rows. */
export async function insertAttachments(db: Executor, rows: Insertable<AttachmentsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('attachments').values(rows).execute();
}

/** Attachments of the given messages. */
export function listAttachmentsOfMessages(db: Executor, messageIds: string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachments').selectAll().where('messageId', 'in', messageIds).orderBy('createdAt').orderBy('id').execute();
}

/** One attachment with whether its message is internal. */
export function findAttachment(db: Executor, id: string): Promise<(AttachmentRow & { internal: number | null }) | undefined> {
  return db
    .selectFrom('attachments')
    .leftJoin('messages', 'messages.id', 'attachments.messageId')
    .selectAll('attachments')
    .select('messages.internal')
    .where('attachments.id', '=', id)
    .executeTakeFirst();
}
