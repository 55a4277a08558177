import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { NotificationsTable } from '../db/tables/sla.js';

/** A notification row. */
export type NotificationRow = Selectable<NotificationsTable>;

/** Inserts notifications. */
export async function insertNotifications(db: Executor, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

/** A user's notifications, newest first. */
export function listNotificationRows(db: Executor, userId: string, options: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
  if (options.unreadOnly) q = q.where('readAt', 'is', null);
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** Marks one of a user's notifications read; returns how many rows changed. */
export async function markNotificationRead(db: Executor, userId: string, id: string, at: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Whether a notification of the user exists. */
export async function notificationExists(db: Executor, userId: string, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('notifications').select('id').where('id', '=', id).where('userId', '=', userId).executeTakeFirst());
}

/** Marks all of a user's notifications read. */
export async function markAllNotificationsRead(db: Executor, userId: string, at: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ readAt: at }).where('userId', '=', userId).where('readAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
