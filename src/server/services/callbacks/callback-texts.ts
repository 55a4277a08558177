import { DEFAULT_LANGUAGE, isLang } from '../../../i18n/languages.js';
import type { ServiceDeps } from '../deps.js';
import { formatForPerson } from '../sla/announce-due-change.js';

/** Who reads a text: the ticket's language and the requester's time zone. */
export interface Reader {
  language: string;
  timeZone: string;
}

function timeOnly(iso: string, reader: Reader): string {
  const lang = isLang(reader.language) ? reader.language : DEFAULT_LANGUAGE;
  try {
    return new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: reader.timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
  }
}

/** "Monday 10 May 2027 at 09:30 – 10:00 (Europe/Paris)" in the reader's language and zone. */
export function slotText(deps: Pick<ServiceDeps, 'i18n'>, slot: { start: string; end: string }, reader: Reader): string {
  const t = deps.i18n.getFixedT(isLang(reader.language) ? reader.language : DEFAULT_LANGUAGE, 'callbacks');
  return t('message.slot', { start: formatForPerson(slot.start, reader.language, reader.timeZone), end: timeOnly(slot.end, reader), zone: reader.timeZone });
}

/** A text of the callbacks catalogue in the reader's language. */
export function callbackText(deps: Pick<ServiceDeps, 'i18n'>, reader: Reader, key: string, params: Record<string, string> = {}): string {
  return deps.i18n.getFixedT(isLang(reader.language) ? reader.language : DEFAULT_LANGUAGE, 'callbacks')(key, params);
}

/** Formats a preferred window for the confirmation, or null when none was given. */
export function preferredText(deps: Pick<ServiceDeps, 'i18n'>, from: string | null, to: string | null, reader: Reader): string | null {
  if (!from && !to) return null;
  if (from && to) return callbackText(deps, reader, 'message.between', { from: formatForPerson(from, reader.language, reader.timeZone), to: formatForPerson(to, reader.language, reader.timeZone) });
  if (from) return callbackText(deps, reader, 'message.after', { from: formatForPerson(from, reader.language, reader.timeZone) });
  return callbackText(deps, reader, 'message.before', { to: formatForPerson(to!, reader.language, reader.timeZone) });
}
