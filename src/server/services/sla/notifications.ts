import type { NotificationDto } from '../../../contracts/sla.js';
import { isLang, DEFAULT_LANGUAGE } from '../../../i18n/languages.js';
import { notFound } from '../../errors/app-error.js';
import { listNotificationRows, markAllNotificationsRead, markNotificationRead, notificationExists, type NotificationRow } from '../../repositories/notifications.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { formatForPerson } from './announce-due-change.js';

/** A notification for its agent: the text in their language, the due instant in their time zone. */
export function presentNotification(deps: Pick<ServiceDeps, 'i18n'>, row: NotificationRow, actor: Pick<Actor, 'language' | 'timeZone'>): NotificationDto {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  const lang = isLang(actor.language) ? actor.language : DEFAULT_LANGUAGE;
  const t = deps.i18n.getFixedT(lang, 'sla');
  const due = typeof payload.dueAt === 'string' ? formatForPerson(payload.dueAt, lang, actor.timeZone) : '';
  const text = t(`notification.${row.kind}`, { number: payload.ticketNumber ?? '', subject: payload.subject ?? '', target: t(`target.${String(payload.target)}`), due });
  return { id: row.id, kind: row.kind, ticketId: row.ticketId, text, payload, createdAt: row.createdAt, readAt: row.readAt };
}

/** The actor's notifications, newest first. */
export async function listNotifications(deps: ServiceDeps, actor: Actor, options: { unreadOnly: boolean; limit: number }): Promise<NotificationDto[]> {
  return (await listNotificationRows(deps.db, actor.id, options)).map((r) => presentNotification(deps, r, actor));
}

/** Marks one of the actor's notifications read (404 for someone else's). */
export async function readNotification(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  if ((await markNotificationRead(deps.db, actor.id, id, deps.clock.now().toISOString())) === 0 && !(await notificationExists(deps.db, actor.id, id))) throw notFound('resource');
}

/** Marks all of the actor's notifications read. */
export async function readAllNotifications(deps: ServiceDeps, actor: Actor): Promise<number> {
  return markAllNotificationsRead(deps.db, actor.id, deps.clock.now().toISOString());
}
