/**
 * Business-time arithmetic on a compiled calendar: adding business minutes to an instant, counting
 * business minutes between two instants, finding the next business instant. Pauses (the clock
 * stopped while the customer owes information) are subtracted. All instants are epoch milliseconds.
 *
 * The rule for a due instant is "the earliest instant at which N business minutes have elapsed":
 * so a due instant that falls exactly at a closing time is that closing time, and 0 minutes is the
 * start itself.
 */
import type { BusinessClock } from './compiled-calendar.js';

const MIN_MS = 60_000;
/** After this many consecutive days without any business time, a target is unreachable. */
const MAX_EMPTY_DAYS = 3 * 366;

/** A stretch of time during which the clock does not run; `end` is Infinity while it lasts. */
export interface Pause {
  start: number;
  end: number;
}

/**
 * Calls `visit(a, b)` for each part of [s, e) outside every pause (pauses sorted by start), in
 * order, until it returns true. Returns whether a visit returned true.
 */
function eachUnpaused(s: number, e: number, pauses: readonly Pause[], visit: (a: number, b: number) => boolean): boolean {
  let cursor = s;
  for (const p of pauses) {
    if (p.end <= cursor) continue;
    if (p.start >= e) break;
    if (p.start > cursor && visit(cursor, p.start)) return true;
    cursor = Math.max(cursor, p.end);
    if (cursor >= e) return false;
  }
  return cursor < e ? visit(cursor, e) : false;
}

/**
 * The instant at which `ms` business milliseconds have elapsed since `start`, pauses excluded;
 * null when the calendar never has that much business time again.
 */
export function addBusinessMs(clock: BusinessClock, start: number, ms: number, pauses: readonly Pause[] = []): number | null {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`business time must be a finite non-negative amount, got ${ms}`);
  if (ms === 0) return start;
  let remaining = ms;
  let result: number | null = null;
  const take = (a: number, b: number): boolean => {
    const len = b - a;
    if (len >= remaining) {
      result = a + remaining;
      return true;
    }
    remaining -= len;
    return false;
  };
  // A pause that never ends stops the clock for good: nothing after its start counts.
  let horizon = Infinity;
  for (const p of pauses) if (p.end === Infinity && p.start < horizon) horizon = p.start;
  let empty = 0;
  for (let d = clock.dayOf(start); ; d++) {
    const iv = clock.intervals(d);
    if (iv.length === 0) {
      if (++empty > MAX_EMPTY_DAYS) return null;
      continue;
    }
    if (iv[0]! >= horizon) return null;
    empty = 0;
    for (let i = 0; i < iv.length; i += 2) {
      const e = iv[i + 1]!;
      if (e <= start) continue;
      const s = iv[i]! < start ? start : iv[i]!;
      if (pauses.length === 0) {
        if (take(s, e)) return result;
      } else if (eachUnpaused(s, e, pauses, take)) {
        return result;
      }
    }
  }
}

/** Business milliseconds in [from, to), pauses excluded (0 when `to` is not after `from`). */
export function businessMsBetween(clock: BusinessClock, from: number, to: number, pauses: readonly Pause[] = []): number {
  if (!(to > from)) return 0;
  let total = 0;
  const add = (a: number, b: number): boolean => {
    total += b - a;
    return false;
  };
  const last = clock.dayOf(to);
  for (let d = clock.dayOf(from); d <= last; d++) {
    const iv = clock.intervals(d);
    for (let i = 0; i < iv.length; i += 2) {
      const s = Math.max(iv[i]!, from);
      const e = Math.min(iv[i + 1]!, to);
      if (e <= s) continue;
      if (pauses.length === 0) total += e - s;
      else eachUnpaused(s, e, pauses, add);
    }
  }
  return total;
}

/**
 * The instant at which `minutes` business minutes have elapsed since `start` (pauses excluded),
 * or null when the calendar never has that much business time again. Seconds are kept.
 */
export function addBusinessMinutes(clock: BusinessClock, start: number, minutes: number, pauses: readonly Pause[] = []): number | null {
  return addBusinessMs(clock, start, minutes * MIN_MS, pauses);
}

/** Business minutes (fractional) between two instants, pauses excluded. */
export function businessMinutesBetween(clock: BusinessClock, from: number, to: number, pauses: readonly Pause[] = []): number {
  return businessMsBetween(clock, from, to, pauses) / MIN_MS;
}

/** The first instant at or after `t` that is inside business hours (null if there is none). */
export function nextBusinessInstant(clock: BusinessClock, t: number): number | null {
  let empty = 0;
  for (let d = clock.dayOf(t); ; d++) {
    const iv = clock.intervals(d);
    if (iv.length === 0 && ++empty > MAX_EMPTY_DAYS) return null;
    for (let i = 0; i < iv.length; i += 2) {
      if (iv[i + 1]! > t) return Math.max(iv[i]!, t);
    }
    if (iv.length > 0) empty = 0;
  }
}

/** Whether an instant is inside business hours. */
export function isBusinessInstant(clock: BusinessClock, t: number): boolean {
  const iv = clock.intervals(clock.dayOf(t));
  for (let i = 0; i < iv.length; i += 2) if (t >= iv[i]! && t < iv[i + 1]!) return true;
  return false;
}

/**
 * The closing time of the next day after `day` that has business hours (the end of its last
 * interval), or null when none comes.
 */
export function closeOfNextBusinessDay(clock: BusinessClock, day: number): number | null {
  for (let d = day + 1, n = 0; n <= MAX_EMPTY_DAYS; d++, n++) {
    const iv = clock.intervals(d);
    if (iv.length > 0) return iv[iv.length - 1]!;
  }
  return null;
}
