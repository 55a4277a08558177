import type { CalendarDefinition } from '../../../contracts/sla.js';

/** The weekdays of a calendar, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A weekday key. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours as the form edits them ("HH:MM"; an end of "00:00" means midnight). */
export interface Hours {
  start: string;
  end: string;
}

/** A date that differs from the ordinary week, as the form edits it. */
export interface ExceptionDraft {
  key: number;
  date: string;
  closed: boolean;
  hours: Hours[];
  name: string;
}

/** A calendar as the editor holds it while the admin types. */
export interface CalendarDraft {
  name: string;
  timeZone: string;
  isDefault: boolean;
  week: Record<Weekday, Hours[]>;
  country: string;
  region: string;
  exceptions: ExceptionDraft[];
}

let nextKey = 1;
/** A fresh key for a new list row (React keys). */
export const newKey = (): number => nextKey++;

const toHours = ([start, end]: [string, string]): Hours => ({ start, end: end === '24:00' ? '00:00' : end });
const fromHours = (h: Hours): [string, string] => [h.start, h.end === '00:00' ? '24:00' : h.end];

/** A new calendar: Monday to Friday 09:00–12:00 and 14:00–18:00, no holidays. */
export function emptyDraft(timeZone: string): CalendarDraft {
  const office = (): Hours[] => [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ];
  return {
    name: '',
    timeZone,
    isDefault: false,
    week: { mon: office(), tue: office(), wed: office(), thu: office(), fri: office(), sat: [], sun: [] },
    country: '',
    region: '',
    exceptions: [],
  };
}

/** The editor's copy of a stored calendar. */
export function draftOf(c: CalendarDefinition & { isDefault: boolean }): CalendarDraft {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, c.week[d].map(toHours)])) as Record<Weekday, Hours[]>;
  return {
    name: c.name,
    timeZone: c.timeZone,
    isDefault: c.isDefault,
    week,
    country: c.holidays.country ?? '',
    region: c.holidays.region ?? '',
    exceptions: c.exceptions.map((e) => ({ key: newKey(), date: e.date, closed: e.closed ?? !e.intervals?.length, hours: (e.intervals ?? []).map(toHours), name: e.name ?? '' })),
  };
}

/** The exchange shape the API checks (the server names any bad field). */
export function definitionOf(d: CalendarDraft): CalendarDefinition {
  return {
    name: d.name,
    timeZone: d.timeZone,
    week: Object.fromEntries(WEEKDAYS.map((day) => [day, d.week[day].map(fromHours)])) as CalendarDefinition['week'],
    holidays: { country: d.country || null, region: d.country && d.region ? d.region : null },
    exceptions: d.exceptions.map((e) => ({
      date: e.date,
      ...(e.closed ? { closed: true } : { intervals: e.hours.map(fromHours) }),
      name: e.name.trim() || null,
    })),
  };
}

/**
 * Where the server's field problems belong in the form: "week.mon[0][1]" → "week.mon",
 * "exceptions[2].date" → "exceptions.2", "holidays.region" → "holidays.region".
 */
export function fieldOf(path: string): string {
  const p = path.replace(/^(body|calendar)\./, '').replace(/^calendar\./, '');
  const week = /^week\.(\w+)/.exec(p);
  if (week) return `week.${week[1]}`;
  const ex = /^exceptions\[(\d+)\]/.exec(p);
  if (ex) return `exceptions.${ex[1]}`;
  if (p.startsWith('holidays.')) return p.split('[')[0]!;
  return p.split(/[.[]/)[0] ?? '';
}
