import type { Formats } from '../i18n/format.js';

/** "12 May 2027, 09:30 – 10:00" in the person's language and time zone. */
export function slotLabel(f: Formats, start: string, end: string): string {
  const time = new Intl.DateTimeFormat(f.locale, { timeStyle: 'short', timeZone: f.timeZone });
  return `${f.dateTime(start)} – ${time.format(new Date(end))}`;
}
