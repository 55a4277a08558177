import type { Selectable } from 'kysely';
import type { CannedRepliesTable } from '../db/tables/canned-replies.js';
import type { Executor } from '../db/schema.js';

/** A canned reply row. */
export type CannedReplyRow = Selectable<CannedRepliesTable>;

/** Canned replies, in one language or all, by language then title. */
export function listCannedReplyRows(db: Executor, language?: string): Promise<CannedReplyRow[]> {
  let q = db.selectFrom('cannedReplies').selectAll();
  if (language) q = q.where('language', '=', language);
  return q.orderBy('language').orderBy('title').orderBy('id').execute();
}

/** One canned reply. */
export function findCannedReply(db: Executor, id: string): Promise<CannedReplyRow | undefined> {
  return db.selectFrom('cannedReplies').selectAll().where('id', '=', id).executeTakeFirst();
}
