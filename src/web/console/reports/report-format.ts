import { useMemo } from 'react';
import { useFormats } from '../../i18n/format.js';

/** Formatters of the reports: counts, shares, durations and UTC days in the reader's language. */
export function useReportFormats() {
  const f = useFormats();
  return useMemo(() => {
    const locale = f.locale;
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    // Report days are UTC days: shown as such, never shifted into the reader's zone.
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const unit = (u: 'minute' | 'hour' | 'day', digits: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });
    const minutes = unit('minute', 0);
    const hours = unit('hour', 1);
    const days = unit('day', 1);
    const at = (d: string) => new Date(`${d}T00:00:00Z`);
    return {
      number: f.number,
      percent: (share: number) => pct.format(share),
      /** 40 min, 2.5 h, 1.5 days. */
      duration: (m: number) => (m < 60 ? minutes.format(Math.round(m)) : m < 1440 ? hours.format(m / 60) : days.format(m / 1440)),
      day: (d: string) => day.format(at(d)),
      longDay: (d: string) => longDay.format(at(d)),
      period: (p: string, groupBy: 'day' | 'week' | 'month') => (groupBy === 'month' ? month.format(at(p)) : day.format(at(p))),
    };
  }, [f]);
}
