import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { MailLogTable } from '../db/tables/mail.js';

/** A mail log row. */
export type MailLogRow = Selectable<MailLogTable>;

/** Inserts a mail log row unless its Message-ID is known; true when inserted. */
export async function claimMailLog(db: Executor, row: Insertable<MailLogTable>): Promise<boolean> {
  const result = await db.insertInto('mailLog').values(row).onConflict((oc) => oc.column('rfcMessageId').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Updates a mail log row. */
export async function updateMailLog(db: Executor, id: string, patch: Updateable<MailLogTable>): Promise<void> {
  await db.updateTable('mailLog').set(patch).where('id', '=', id).execute();
}

/** The row of a Message-ID. */
export function findMailByRfcId(db: Executor, rfcMessageId: string): Promise<MailLogRow | undefined> {
  return db.selectFrom('mailLog').selectAll().where('rfcMessageId', '=', rfcMessageId).executeTakeFirst();
}

/** The first of these Message-IDs that belongs to a ticket (newest reference first). */
export async function findTicketOfRfcIds(db: Executor, rfcMessageIds: string[]): Promise<string | null> {
  if (rfcMessageIds.length === 0) return null;
  const rows = await db.selectFrom('mailLog').select(['rfcMessageId', 'ticketId']).where('rfcMessageId', 'in', rfcMessageIds.slice(-100)).where('ticketId', 'is not', null).execute();
  const byId = new Map(rows.map((r) => [r.rfcMessageId, r.ticketId]));
  for (const id of [...rfcMessageIds].reverse()) {
    const ticketId = byId.get(id);
    if (ticketId) return ticketId;
  }
  return null;
}

/** The Message-IDs of a ticket's thread, oldest first (for References), the last `limit` of them. */
export async function ticketThreadIds(db: Executor, ticketId: string, limit = 20): Promise<Array<{ rfcMessageId: string; direction: string }>> {
  const rows = await db
    .selectFrom('mailLog')
    .select(['rfcMessageId', 'direction', 'createdAt'])
    .where('ticketId', '=', ticketId)
    .where('action', 'in', ['created', 'appended', 'sent'])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ rfcMessageId: r.rfcMessageId, direction: r.direction }));
}

/** Keeps the raw bytes of a mail until `expiresAt`. */
export async function insertRawMail(db: Executor, mailId: string, data: Buffer, expiresAt: string): Promise<void> {
  await db.insertInto('mailRaw').values({ mailId, data, expiresAt }).onConflict((oc) => oc.column('mailId').doNothing()).execute();
}

/** The raw bytes of a mail, if still kept. */
export async function findRawMail(db: Executor, mailId: string): Promise<Buffer | null> {
  const row = await db.selectFrom('mailRaw').select('data').where('mailId', '=', mailId).executeTakeFirst();
  return row ? Buffer.from(row.data) : null;
}

/** Drops raw mail past its retention; returns how many. */
export async function purgeRawMail(db: Executor, now: string): Promise<number> {
  const result = await db.deleteFrom('mailRaw').where('expiresAt', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
