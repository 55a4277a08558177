/**
 * The three kinds of SLA target and their due instants:
 * (a) N business minutes on the calendar;
 * (b) the same business day when received before HH:MM local, else the end of the next business day;
 * (c) N hours counted only on business days, whole days (the seeds' "48 hours excluding weekends and
 *     public holidays").
 * Pauses extend any kind by the business time they cover.
 */
import { addBusinessMs, businessMsBetween, closeOfNextBusinessDay, type Pause } from './business-time.js';
import { parseTimeOfDay, type FieldProblem } from './calendar.js';
import type { CompiledCalendar, BusinessClock } from './compiled-calendar.js';

const MIN_MS = 60_000;
/** The largest target accepted: 100,000 business hours. */
export const MAX_TARGET_MINUTES = 6_000_000;

/** A target as stored in a policy. */
export type SlaTarget =
  | { kind: 'business_minutes'; minutes: number }
  | { kind: 'same_business_day'; before: string }
  | { kind: 'business_day_hours'; hours: number };

/** Validates a target, naming fields under `path`. */
export function checkTarget(input: unknown, path: string): { ok: true; value: SlaTarget } | { ok: false; errors: FieldProblem[] } {
  const fail = (p: string, message: string) => ({ ok: false as const, errors: [{ path: p, message }] });
  if (typeof input !== 'object' || input === null) return fail(path, 'must be a target object with a kind');
  const t = input as Record<string, unknown>;
  switch (t.kind) {
    case 'business_minutes': {
      const m = t.minutes;
      if (typeof m !== 'number' || !Number.isFinite(m) || m < 0) return fail(`${path}.minutes`, 'must be a number of minutes, 0 or more');
      if (m > MAX_TARGET_MINUTES) return fail(`${path}.minutes`, `must be at most ${MAX_TARGET_MINUTES}`);
      return { ok: true, value: { kind: 'business_minutes', minutes: m } };
    }
    case 'same_business_day': {
      const b = parseTimeOfDay(t.before);
      if (!b.ok || b.minutes === 1440) return fail(`${path}.before`, b.ok ? 'must be a time of day before 24:00' : b.message);
      return { ok: true, value: { kind: 'same_business_day', before: String(t.before) } };
    }
    case 'business_day_hours': {
      const h = t.hours;
      if (typeof h !== 'number' || !Number.isFinite(h) || h < 0) return fail(`${path}.hours`, 'must be a number of hours, 0 or more');
      if (h * 60 > MAX_TARGET_MINUTES) return fail(`${path}.hours`, `must be at most ${MAX_TARGET_MINUTES / 60}`);
      return { ok: true, value: { kind: 'business_day_hours', hours: h } };
    }
    default:
      return fail(`${path}.kind`, 'must be business_minutes, same_business_day or business_day_hours');
  }
}

/** The view a target counts on: whole business days for kind (c), business hours otherwise. */
export function targetClock(calendar: CompiledCalendar, target: SlaTarget): BusinessClock {
  return target.kind === 'business_day_hours' ? calendar.wholeDays : calendar;
}

/**
 * Rule (b): the closing time of the day `start` falls on when that day has business hours, `start`
 * is before the cut-off (local) and before the day's closing; otherwise the closing time of the next
 * business day.
 */
export function sameBusinessDayDue(calendar: CompiledCalendar, start: number, before: string): number | null {
  const cut = parseTimeOfDay(before);
  if (!cut.ok) throw new RangeError(cut.message);
  const day = calendar.dayOf(start);
  const iv = calendar.intervals(day);
  if (iv.length > 0) {
    const close = iv[iv.length - 1]!;
    if (start < calendar.localTime(day, cut.minutes) && start < close) return close;
  }
  return closeOfNextBusinessDay(calendar, day);
}

/** The due instant of a target from `start` when nothing pauses the clock. */
export function baseDue(calendar: CompiledCalendar, start: number, target: SlaTarget): number | null {
  switch (target.kind) {
    case 'business_minutes':
      return addBusinessMs(calendar, start, target.minutes * MIN_MS);
    case 'business_day_hours':
      return addBusinessMs(calendar.wholeDays, start, target.hours * 60 * MIN_MS);
    case 'same_business_day':
      return sameBusinessDayDue(calendar, start, target.before);
  }
}

/**
 * A due instant extended by pauses: the business time between `start` and `base` must elapse with
 * the clock running. Without any effective pause the base instant is kept as is (even when an agent
 * chose it outside business hours).
 */
export function extendByPauses(clock: BusinessClock, start: number, base: number, pauses: readonly Pause[]): number | null {
  if (pauses.length === 0 || base <= start) return base;
  const ms = businessMsBetween(clock, start, base);
  const paused = addBusinessMs(clock, start, ms, pauses);
  const plain = addBusinessMs(clock, start, ms);
  return paused === plain ? base : paused;
}

/** The due instant of a target from `start`, pauses included. */
export function dueDate(calendar: CompiledCalendar, start: number, target: SlaTarget, pauses: readonly Pause[] = []): number | null {
  const base = baseDue(calendar, start, target);
  return base === null ? null : extendByPauses(targetClock(calendar, target), start, base, pauses);
}
