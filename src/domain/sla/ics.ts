/**
 * Calendar exceptions from an iCalendar (.ics) file: an all-day event closes each day it covers
 * (a day off); a timed event gives its local day those hours (a working Saturday, a short eve).
 * Recurring events are expanded between two dates.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { isTimeZone, type CalendarException, type FieldProblem } from './calendar.js';

const MAX_OCCURRENCES = 1000;

/** What to expand and where. */
export interface IcsOptions {
  /** The calendar's zone: floating times are read in it, and timed events are placed in it. */
  timeZone: string;
  /** Recurring events are expanded from this date (YYYY-MM-DD)... */
  from: string;
  /** ...up to this date, included. */
  until: string;
}

type Occurrence = { start: ICAL.Time; end: ICAL.Time; name: string; path: string; tzid: string | undefined };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateOf(t: ICAL.Time): string {
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

function instantOf(t: ICAL.Time, tzid: string | undefined, fallback: string): number {
  const zone = t.zone?.tzid === 'UTC' ? 'UTC' : (tzid ?? fallback);
  return DateTime.fromObject({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second }, { zone }).toMillis();
}

function occurrencesOf(vevent: ICAL.Component, index: number, options: IcsOptions, errors: FieldProblem[]): Occurrence[] {
  const path = `ics.VEVENT[${index}]`;
  const dtstart = vevent.getFirstProperty('dtstart');
  if (!dtstart) {
    errors.push({ path: `${path}.DTSTART`, message: 'missing' });
    return [];
  }
  const tzidParam = dtstart.getParameter('tzid');
  const tzid = typeof tzidParam === 'string' ? tzidParam : undefined;
  if (tzid !== undefined && !isTimeZone(tzid)) {
    errors.push({ path: `${path}.DTSTART`, message: `unknown time zone ${tzid}` });
    return [];
  }
  const event = new ICAL.Event(vevent);
  const name = (event.summary ?? '').trim().slice(0, 200) || 'Exception';
  const start = event.startDate;
  if (!start) {
    errors.push({ path: `${path}.DTSTART`, message: 'missing' });
    return [];
  }
  if (!event.isRecurring()) {
    const end = event.endDate ?? start;
    return [{ start, end, name, path, tzid }];
  }
  const out: Occurrence[] = [];
  const it = event.iterator();
  for (let next = it.next(), n = 0; next && n < MAX_OCCURRENCES; next = it.next(), n++) {
    const day = dateOf(next);
    if (day > options.until) break;
    if (day < options.from) continue;
    const details = event.getOccurrenceDetails(next);
    out.push({ start: details.startDate, end: details.endDate, name, path, tzid });
  }
  return out;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Places one occurrence: closed days, or an interval on its local day. */
function place(o: Occurrence, options: IcsOptions, days: Map<string, CalendarException>, errors: FieldProblem[]): void {
  if (o.start.isDate) {
    const first = dateOf(o.start);
    const endExclusive = o.end.isDate && dateOf(o.end) > first ? dateOf(o.end) : addDays(first, 1);
    for (let d = first, n = 0; d < endExclusive && n < 366; d = addDays(d, 1), n++) days.set(d, { date: d, closed: true, name: o.name });
    return;
  }
  const s = DateTime.fromMillis(instantOf(o.start, o.tzid, options.timeZone), { zone: options.timeZone });
  const e = DateTime.fromMillis(instantOf(o.end, o.tzid, options.timeZone), { zone: options.timeZone });
  const date = s.toISODate()!;
  const endsAtMidnight = e.toISODate() === addDays(date, 1) && e.hour === 0 && e.minute === 0;
  if (e <= s || (e.toISODate() !== date && !endsAtMidnight)) {
    errors.push({ path: o.path, message: 'a timed event must start and end on the same day in the calendar’s time zone' });
    return;
  }
  const to = endsAtMidnight ? '24:00' : `${pad(e.hour)}:${pad(e.minute)}`;
  const interval: [string, string] = [`${pad(s.hour)}:${pad(s.minute)}`, to];
  const existing = days.get(date);
  if (existing?.closed) return;
  if (existing?.intervals) existing.intervals.push(interval);
  else days.set(date, { date, intervals: [interval], name: o.name });
}

/**
 * Reads exceptions from iCalendar text. Refuses a malformed file or event, naming it
 * (`ics`, `ics.VEVENT[2].DTSTART`); the caller validates the merged calendar afterwards.
 */
export function parseIcsExceptions(text: string, options: IcsOptions): { ok: true; value: CalendarException[] } | { ok: false; errors: FieldProblem[] } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    return { ok: false, errors: [{ path: 'ics', message: `not a valid iCalendar file: ${(e as Error).message}` }] };
  }
  if (root.name !== 'vcalendar') return { ok: false, errors: [{ path: 'ics', message: 'not an iCalendar file (no VCALENDAR)' }] };
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) return { ok: false, errors: [{ path: 'ics', message: 'the file has no events (VEVENT)' }] };
  const errors: FieldProblem[] = [];
  const days = new Map<string, CalendarException>();
  events.forEach((v, i) => {
    try {
      for (const o of occurrencesOf(v, i, options, errors)) place(o, options, days, errors);
    } catch (e) {
      errors.push({ path: `ics.VEVENT[${i}]`, message: (e as Error).message });
    }
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}
