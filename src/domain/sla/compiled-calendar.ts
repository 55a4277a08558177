/**
 * A calendar compiled for fast arithmetic: for each local date, its business intervals as UTC epoch
 * milliseconds, computed on first use and cached. Time-zone work (luxon) happens once per date;
 * the arithmetic in business-time.ts only walks arrays of numbers.
 */
import { DateTime } from 'luxon';
import { WEEKDAYS, checkIntervals, type CalendarDefinition, type Weekday } from './calendar.js';
import { holidayRules } from './holidays.js';

/** Milliseconds in a civil day without a clock change. */
export const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

/** What business-time arithmetic needs from a calendar (or a view of it). */
export interface BusinessClock {
  /** The local day number (days since 1970-01-01 in the calendar's zone) of an instant. */
  dayOf(t: number): number;
  /** Business intervals of a local day: flat [start0, end0, start1, end1, ...] in epoch ms, sorted. */
  intervals(day: number): readonly number[];
}

/** Why a date has the hours it has. */
export type DaySource = 'week' | 'holiday' | 'exception';

/** One compiled local date. */
export interface DayInfo {
  day: number;
  /** YYYY-MM-DD. */
  date: string;
  /** Epoch ms of local 00:00, and of the next local 00:00 (23 or 25 hours later on DST days). */
  start: number;
  end: number;
  iv: number[];
  /** The same day as one whole interval when it has any business time (for whole-day targets). */
  whole: number[];
  /** Business hours as minutes since local midnight. */
  minutes: Array<[number, number]>;
  source: DaySource;
  /** True when a holiday or an exception closes the day. */
  off: boolean;
  name: string | null;
}

/** Local day number of YYYY-MM-DD. */
export function dayNumberOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** YYYY-MM-DD of a local day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a local day number (0 = Monday). 1970-01-01 was a Thursday. */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Cuts `minutes` off the end of a day's intervals (a shortened pre-holiday day). */
function shorten(intervals: Array<[number, number]>, minutes: number): Array<[number, number]> {
  const out = intervals.map(([s, e]) => [s, e] as [number, number]);
  let left = minutes;
  while (left > 0 && out.length > 0) {
    const last = out[out.length - 1]!;
    const len = last[1] - last[0];
    if (len > left) {
      last[1] -= left;
      left = 0;
    } else {
      out.pop();
      left -= len;
    }
  }
  return out;
}

/** Merges touching minute intervals (["09:00","12:00"],["12:00","14:00"] is one interval). */
function mergeTouching(intervals: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of intervals) {
    const last = out[out.length - 1];
    if (last && last[1] >= s) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A valid calendar definition compiled for arithmetic. Build one per definition and reuse it. */
export class CompiledCalendar implements BusinessClock {
  readonly zone: string;
  /** The same calendar where each business day counts whole, 00:00 to 24:00 (target kind c). */
  readonly wholeDays: BusinessClock;
  private readonly week: Array<Array<[number, number]>>;
  private readonly exceptions = new Map<string, { minutes: Array<[number, number]>; closed: boolean; name: string | null }>();
  private readonly starts = new Map<number, number>();
  private readonly days = new Map<number, DayInfo>();
  private offset = 0;

  constructor(readonly definition: CalendarDefinition) {
    this.zone = definition.timeZone;
    this.week = WEEKDAYS.map((d) => mergeTouching(checkIntervals(definition.week[d], '', [])));
    for (const x of definition.exceptions) {
      const minutes = x.intervals ? mergeTouching(checkIntervals(x.intervals, '', [])) : [];
      this.exceptions.set(x.date, { minutes, closed: x.closed === true || minutes.length === 0, name: x.name ?? null });
    }
    this.offset = DateTime.now().setZone(this.zone).offset * MIN_MS;
    this.wholeDays = { dayOf: (t) => this.dayOf(t), intervals: (d) => this.day(d).whole };
  }

  /** Epoch ms of local midnight starting a day (01:00 where midnight does not exist). */
  dayStart(day: number): number {
    let s = this.starts.get(day);
    if (s === undefined) {
      const dt = new Date(day * DAY_MS);
      s = DateTime.fromObject({ year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() }, { zone: this.zone }).toMillis();
      this.starts.set(day, s);
    }
    return s;
  }

  /** Epoch ms of a local wall time (minutes since midnight, 1440 = next midnight) on a day. */
  localTime(day: number, minutes: number): number {
    const start = this.dayStart(day);
    const end = this.dayStart(day + 1);
    if (minutes >= 1440) return end;
    if (end - start === DAY_MS) return start + minutes * MIN_MS;
    // A clock change happens this day: let luxon place the wall time (a time in a gap moves forward).
    const dt = new Date(day * DAY_MS);
    return DateTime.fromObject(
      { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate(), hour: Math.floor(minutes / 60), minute: minutes % 60 },
      { zone: this.zone },
    ).toMillis();
  }

  /** The hours a date has and why: exception, then public holiday table, then the weekly hours. */
  plan(day: number): { minutes: Array<[number, number]>; source: DaySource; off: boolean; name: string | null } {
    const date = dateOfDayNumber(day);
    const ex = this.exceptions.get(date);
    if (ex) return { minutes: ex.closed ? [] : ex.minutes, source: 'exception', off: ex.closed, name: ex.name };
    const week = this.week[weekdayIndex(day)]!;
    const { country, region } = this.definition.holidays;
    const rule = country ? holidayRules(country, region, Number(date.slice(0, 4))).get(date) : undefined;
    if (!rule) return { minutes: week, source: 'week', off: false, name: null };
    if (rule.kind === 'off') return { minutes: [], source: 'holiday', off: true, name: rule.name };
    if (rule.kind === 'short') return { minutes: shorten(week, rule.shortenMinutes), source: 'holiday', off: false, name: rule.name };
    return { minutes: this.week[WEEKDAYS.indexOf(rule.worksAs as Weekday)]!, source: 'holiday', off: false, name: rule.name };
  }

  /** A compiled day (cached). */
  day(day: number): DayInfo {
    let info = this.days.get(day);
    if (info === undefined) {
      const plan = this.plan(day);
      const start = this.dayStart(day);
      const end = this.dayStart(day + 1);
      const iv: number[] = [];
      for (const [s, e] of plan.minutes) {
        const a = this.localTime(day, s);
        const b = this.localTime(day, e);
        if (b > a) iv.push(a, b);
      }
      info = { day, date: dateOfDayNumber(day), start, end, iv, whole: iv.length > 0 ? [start, end] : [], minutes: plan.minutes, source: plan.source, off: plan.off, name: plan.name };
      this.days.set(day, info);
    }
    return info;
  }

  /** The local day number of an instant. */
  dayOf(t: number): number {
    let d = Math.floor((t + this.offset) / DAY_MS);
    for (let guard = 0; guard < 4; guard++) {
      const start = this.dayStart(d);
      if (t < start) d -= 1;
      else if (t >= this.dayStart(d + 1)) d += 1;
      else {
        this.offset = d * DAY_MS - start;
        return d;
      }
    }
    return d;
  }

  /** Business intervals of a day. */
  intervals(day: number): readonly number[] {
    return this.day(day).iv;
  }
}

/** The view of a calendar a target counts on: business hours, or whole business days. */
export function viewOf(calendar: CompiledCalendar, wholeDays: boolean): BusinessClock {
  return wholeDays ? calendar.wholeDays : calendar;
}

/** Formats an instant as ISO 8601 in the calendar's zone with its UTC offset, seconds kept. */
export function formatInZone(t: number, zone: string): string {
  return DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(t).toISOString();
}

/**
 * Parses an ISO 8601 instant; without an offset it is read as wall time in `zone`. Null when invalid.
 */
export function parseInstant(text: string, zone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone, setZone: false });
  return dt.isValid ? dt.toMillis() : null;
}
