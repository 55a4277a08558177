import { v7 as uuidv7 } from 'uuid';
import { isLang, DEFAULT_LANGUAGE } from '../../../i18n/languages.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';

/** Why a due date the customer sees has moved. */
export type DueChangeReason =
  | { key: 'resumed' | 'reopened' | 'service_level_changed' | 'team_changed' | 'schedule_changed' }
  | { key: 'moved'; text: string };

/** A change of a due date the customer can see. */
export interface DueChange {
  target: 'firstResponse' | 'resolution';
  before: string;
  after: string;
}

/** Formats an instant for a person: their language, their time zone. */
export function formatForPerson(iso: string, language: string, timeZone: string): string {
  const lang = isLang(language) ? language : DEFAULT_LANGUAGE;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso));
  }
}

/** The text telling the customer about due-date changes, in their language. */
export function dueChangeText(deps: Pick<ServiceDeps, 'i18n'>, changes: DueChange[], reason: DueChangeReason, language: string, timeZone: string): string {
  const t = deps.i18n.getFixedT(isLang(language) ? language : DEFAULT_LANGUAGE, 'sla');
  const why = reason.key === 'moved' ? t('reason.moved', { text: reason.text.replace(/[.\s]+$/, '') }) : t(`reason.${reason.key}`);
  return changes
    .map((c) => t(`announce.${c.target}`, { old: formatForPerson(c.before, language, timeZone), new: formatForPerson(c.after, language, timeZone), reason: why }))
    .join('\n\n');
}

/**
 * Tells the customer, in the ticket's language and their time zone, that due dates moved and why:
 * a public message of kind `system` in the thread. The ticket hooks are told of the new message
 * (event `message_added`, kind `system`, not internal), so the mail area e-mails it like any other
 * public message.
 */
export async function announceDueChanges(
  deps: ServiceDeps,
  trx: Transaction<DB>,
  ticket: { id: string; language: string; requesterId: string },
  changes: DueChange[],
  reason: DueChangeReason,
  at: string,
): Promise<string | null> {
  if (changes.length === 0) return null;
  const requester = await trx.selectFrom('users').select(['timeZone']).where('id', '=', ticket.requesterId).executeTakeFirst();
  const body = renderPlainText(dueChangeText(deps, changes, reason, ticket.language, requester?.timeZone ?? deps.config.defaultTimeZone));
  const messageId = uuidv7();
  await insertMessage(trx, {
    id: messageId,
    ticketId: ticket.id,
    authorId: null,
    createdById: null,
    kind: 'system',
    internal: 0,
    channel: 'web',
    bodyText: body.text,
    bodyHtml: body.html,
    createdAt: at,
  });
  await runTicketHooks({ trx, ticketId: ticket.id, actorId: null, event: { type: 'message_added', messageId, kind: 'system', internal: false }, at }, deps);
  return messageId;
}
