import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.js';

/** The BCP 47 locale for a language: the browser's regional variant of it when it has one (en-GB, es-AR). */
export function localeFor(lang: string): string {
  return navigator.languages.find((l) => l.toLowerCase().startsWith(`${lang}-`)) ?? lang;
}

/** Formatters for the interface language and the user's time zone (the browser's before sign-in). */
export interface Formats {
  locale: string;
  timeZone: string;
  /** 12 March 2027, 14:05 */
  dateTime(iso: string): string;
  /** 12 March 2027 */
  date(iso: string): string;
  /** "3 hours ago", "in 2 days" */
  relative(iso: string, now?: number): string;
  number(n: number): string;
  /** 1.5 MB, 320 kB */
  bytes(n: number): string;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** Builds formatters for a locale and time zone. */
export function makeFormats(locale: string, timeZone: string): Formats {
  const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const d = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const num = new Intl.NumberFormat(locale);
  return {
    locale,
    timeZone,
    dateTime: (iso) => dt.format(new Date(iso)),
    date: (iso) => d.format(new Date(iso)),
    relative: (iso, now = Date.now()) => {
      const diff = new Date(iso).getTime() - now;
      for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rel.format(Math.round(diff / ms), unit);
      return rel.format(0, 'minute');
    },
    number: (n) => num.format(n),
    bytes: (n) => {
      const [value, unit] = n >= 1024 * 1024 ? [n / (1024 * 1024), 'megabyte'] : n >= 1024 ? [n / 1024, 'kilobyte'] : [n, 'byte'];
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
    },
  };
}

/** Formatters for the current language and the signed-in user's time zone. */
export function useFormats(): Formats {
  const { i18n } = useTranslation();
  const { session } = useSession();
  const timeZone = session?.user.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useMemo(() => makeFormats(localeFor(i18n.language), timeZone), [i18n.language, timeZone]);
}
