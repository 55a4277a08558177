import { describe, expect, it } from 'vitest';
import { MOSCOW, PARIS } from '../../../test/fixtures/sla-calendars.js';
import { CompiledCalendar, formatInZone } from './compiled-calendar.js';
import { checkTarget, dueDate, type SlaTarget } from './due-dates.js';

const paris = new CompiledCalendar(PARIS);
const moscow = new CompiledCalendar(MOSCOW);
const due = (cal: CompiledCalendar, from: string, target: SlaTarget): string => {
  const t = dueDate(cal, Date.parse(from), target);
  return t === null ? 'never' : formatInZone(t, cal.zone);
};

describe('rule (b): same business day if received before HH:MM, else end of the next business day', () => {
  const cutoff: SlaTarget = { kind: 'same_business_day', before: '16:00' };
  it.each([
    [paris, 'before the cut-off', '2027-05-10T15:59:00+02:00', '2027-05-10T18:00:00+02:00'],
    [paris, 'at the cut-off is after it', '2027-05-10T16:00:00+02:00', '2027-05-11T18:00:00+02:00'],
    [paris, 'after the cut-off', '2027-05-10T17:30:00+02:00', '2027-05-11T18:00:00+02:00'],
    [paris, 'early morning before opening counts as the same day', '2027-05-10T07:00:00+02:00', '2027-05-10T18:00:00+02:00'],
    [paris, 'eve of a holiday (Ascension), before the cut-off', '2027-05-05T10:00:00+02:00', '2027-05-05T18:00:00+02:00'],
    [paris, 'eve of a holiday (Ascension), after the cut-off', '2027-05-05T16:30:00+02:00', '2027-05-07T18:00:00+02:00'],
    [paris, 'on the holiday itself', '2027-05-06T10:00:00+02:00', '2027-05-07T18:00:00+02:00'],
    [paris, 'Saturday morning: same day, closing at noon', '2027-06-05T10:00:00+02:00', '2027-06-05T12:00:00+02:00'],
    [paris, 'Saturday after closing but before 16:00', '2027-06-05T13:00:00+02:00', '2027-06-07T18:00:00+02:00'],
    [paris, 'Sunday', '2027-06-06T10:00:00+02:00', '2027-06-07T18:00:00+02:00'],
    [paris, 'Friday after the cut-off: Saturday closes at noon', '2027-06-04T16:30:00+02:00', '2027-06-05T12:00:00+02:00'],
    [moscow, 'Moscow shortened eve (8 May 2026) before the cut-off closes at 17:00', '2026-05-08T15:00:00+03:00', '2026-05-08T17:00:00+03:00'],
    [moscow, 'Moscow shortened eve after the cut-off: 9 May, weekend and the 11 May transfer', '2026-05-08T16:30:00+03:00', '2026-05-12T18:00:00+03:00'],
  ])('%#: %s', (cal, _label, from, expected) => {
    expect(due(cal, from, cutoff)).toBe(expected);
  });
});

describe('rule (c): N hours counted only on business days, whole days', () => {
  it.each([
    [moscow, 48, 'Friday morning skips the weekend', '2027-05-14T10:00:00+03:00', '2027-05-18T10:00:00+03:00'],
    [moscow, 48, 'received on Saturday: counting starts Monday, due at the end of Tuesday', '2027-05-15T10:00:00+03:00', '2027-05-19T00:00:00+03:00'],
    [moscow, 48, 'over the May holidays and the 3 May transfer (2027)', '2027-04-30T12:00:00+03:00', '2027-05-05T12:00:00+03:00'],
    [paris, 24, 'Saturday counts, Sunday and Easter Monday do not (and DST)', '2027-03-27T12:00:00+01:00', '2027-03-30T12:00:00+02:00'],
    [moscow, 0, '0 hours is the start itself', '2027-05-15T10:00:00+03:00', '2027-05-15T10:00:00+03:00'],
  ])('%#: %d h, %s', (cal, hours, _label, from, expected) => {
    expect(due(cal, from, { kind: 'business_day_hours', hours })).toBe(expected);
  });
});

describe('target validation', () => {
  it.each([
    [{ kind: 'business_minutes', minutes: -5 }, 'firstResponse.minutes'],
    [{ kind: 'business_minutes', minutes: 'ten' }, 'firstResponse.minutes'],
    [{ kind: 'same_business_day', before: '24:30' }, 'firstResponse.before'],
    [{ kind: 'same_business_day', before: '24:00' }, 'firstResponse.before'],
    [{ kind: 'business_day_hours', hours: -1 }, 'firstResponse.hours'],
    [{ kind: 'weeks', n: 2 }, 'firstResponse.kind'],
    [null, 'firstResponse'],
  ])('%#: refuses %j naming %s', (input, path) => {
    const r = checkTarget(input, 'firstResponse');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });

  it('accepts 0 minutes and gives the start itself', () => {
    const r = checkTarget({ kind: 'business_minutes', minutes: 0 }, 'x');
    expect(r.ok).toBe(true);
    expect(due(paris, '2027-05-10T10:00:00+02:00', { kind: 'business_minutes', minutes: 0 })).toBe('2027-05-10T10:00:00+02:00');
  });
});
