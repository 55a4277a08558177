/**
 * The days of a year that differ from a calendar's ordinary week: days off (public holidays,
 * decreed transfers, exceptions) and days with their own hours (shortened eves, worked weekend days).
 */
import { dateOfDayNumber, dayNumberOf, type CompiledCalendar } from './compiled-calendar.js';

/** A day that differs from the ordinary week. */
export interface SpecialDay {
  date: string;
  /** True for a day off; false for a day with its own hours. */
  off: boolean;
  name: string;
  /** The day's hours as "HH:MM-HH:MM" (empty for a day off). */
  hours: string[];
  source: 'holiday' | 'exception';
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Every special day of a year, in date order (a holiday on a Sunday is listed too). */
export function specialDays(calendar: CompiledCalendar, year: number): SpecialDay[] {
  const out: SpecialDay[] = [];
  const last = dayNumberOf(`${year}-12-31`);
  for (let d = dayNumberOf(`${year}-01-01`); d <= last; d++) {
    const plan = calendar.plan(d);
    if (plan.source === 'week') continue;
    out.push({
      date: dateOfDayNumber(d),
      off: plan.off,
      name: plan.name ?? (plan.off ? 'Closed' : 'Special hours'),
      hours: plan.minutes.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`),
      source: plan.source,
    });
  }
  return out;
}
