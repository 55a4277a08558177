import { describe, expect, it } from 'vitest';
import { ALWAYS_PARIS, MADRID, MOSCOW, OFFICE_UTC, PARIS, PARIS_WITH_EXCEPTIONS, PRIORITY } from '../../../test/fixtures/sla-calendars.js';
import { addBusinessMinutes, businessMinutesBetween, nextBusinessInstant, type Pause } from './business-time.js';
import { CompiledCalendar, formatInZone } from './compiled-calendar.js';

const paris = new CompiledCalendar(PARIS);
const moscow = new CompiledCalendar(MOSCOW);
const madrid = new CompiledCalendar(MADRID);
const madridMd = new CompiledCalendar({ ...MADRID, holidays: { country: 'ES', region: 'MD' } });
const priority = new CompiledCalendar(PRIORITY);
const always = new CompiledCalendar(ALWAYS_PARIS);
const officeUtc = new CompiledCalendar(OFFICE_UTC);
const withExceptions = new CompiledCalendar(PARIS_WITH_EXCEPTIONS);

const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
};
const add = (cal: CompiledCalendar, from: string, minutes: number, pauses: Pause[] = []): string => {
  const due = addBusinessMinutes(cal, at(from), minutes, pauses);
  return due === null ? 'never' : formatInZone(due, cal.zone);
};

describe('addBusinessMinutes', () => {
  it.each([
    // calendar, label, from, minutes, expected due (the calendar's offset)
    [paris, 'inside hours (the issue example)', '2027-05-10T09:00:00+02:00', 90, '2027-05-10T10:30:00+02:00'],
    [paris, 'across the lunch break', '2027-05-10T11:30:00+02:00', 60, '2027-05-10T14:30:00+02:00'],
    [paris, 'starting during the lunch break', '2027-05-10T12:30:00+02:00', 30, '2027-05-10T14:30:00+02:00'],
    [paris, 'end of day rolls to the next morning', '2027-05-10T17:30:00+02:00', 60, '2027-05-11T09:30:00+02:00'],
    [paris, 'due exactly at closing time is the closing time', '2027-05-10T17:00:00+02:00', 60, '2027-05-10T18:00:00+02:00'],
    [paris, 'due exactly at the lunch closing', '2027-05-10T11:00:00+02:00', 60, '2027-05-10T12:00:00+02:00'],
    [paris, 'Friday evening into Saturday morning', '2027-05-14T17:00:00+02:00', 120, '2027-05-15T10:00:00+02:00'],
    [paris, 'Saturday morning over the weekend', '2027-06-05T11:00:00+02:00', 120, '2027-06-07T10:00:00+02:00'],
    [paris, 'starting on a Sunday', '2027-06-06T15:00:00+02:00', 30, '2027-06-07T09:30:00+02:00'],
    [paris, '0 minutes outside hours is the start itself', '2027-06-06T15:00:00+02:00', 0, '2027-06-06T15:00:00+02:00'],
    [paris, '0 minutes inside hours', '2027-05-10T10:00:00+02:00', 0, '2027-05-10T10:00:00+02:00'],
    [paris, 'French holiday: 14 July', '2027-07-13T17:00:00+02:00', 120, '2027-07-15T10:00:00+02:00'],
    [paris, 'French holiday: Ascension Thursday, due at Friday closing', '2027-05-05T17:00:00+02:00', 480, '2027-05-07T18:00:00+02:00'],
    [paris, 'French holiday: Whit Monday after a Saturday', '2027-05-15T11:00:00+02:00', 120, '2027-05-18T10:00:00+02:00'],
    [paris, 'DST in March (and Easter Monday) on business hours', '2027-03-27T11:00:00+01:00', 120, '2027-03-30T10:00:00+02:00'],
    [paris, 'DST in October (and All Saints) on business hours', '2027-10-30T11:00:00+02:00', 120, '2027-11-02T10:00:00+01:00'],
    [always, 'DST in March: 02:00 does not exist', '2027-03-28T01:00:00+01:00', 120, '2027-03-28T04:00:00+02:00'],
    [always, 'DST in October: 02:00–03:00 happens twice', '2027-10-31T01:30:00+02:00', 120, '2027-10-31T02:30:00+01:00'],
    [moscow, 'Moscow keeps +03:00 all year (October)', '2027-10-29T17:00:00+03:00', 120, '2027-11-01T10:00:00+03:00'],
    [moscow, 'Moscow keeps +03:00 all year (March)', '2027-03-26T17:00:00+03:00', 120, '2027-03-29T10:00:00+03:00'],
    [moscow, 'seconds are kept', '2027-05-12T13:26:36+03:00', 20, '2027-05-12T13:46:36+03:00'],
    [moscow, 'Russian January holidays with the 9 January transfer (2026 decree)', '2026-01-05T10:00:00+03:00', 60, '2026-01-12T10:00:00+03:00'],
    [moscow, 'Russian shortened eve and the 11 May transfer (2026)', '2026-05-08T16:00:00+03:00', 120, '2026-05-12T10:00:00+03:00'],
    [moscow, '31 December 2026 transferred day off, then the 2027 January holidays', '2026-12-30T17:30:00+03:00', 60, '2027-01-11T09:30:00+03:00'],
    [moscow, '1 May 2027 on a Saturday moves the day off to Monday 3 May', '2027-04-30T16:30:00+03:00', 60, '2027-05-04T09:30:00+03:00'],
    [madrid, 'Spanish holiday: Good Friday (and DST)', '2027-03-25T14:00:00+01:00', 120, '2027-03-29T09:00:00+02:00'],
    [madrid, 'Spanish holiday: 12 October', '2027-10-11T14:00:00+02:00', 120, '2027-10-13T09:00:00+02:00'],
    [madrid, 'Spanish holiday: Constitution Day, due at closing', '2027-12-03T14:00:00+01:00', 480, '2027-12-07T15:00:00+01:00'],
    [madridMd, 'Madrid region: Holy Thursday too', '2027-03-24T14:00:00+01:00', 120, '2027-03-29T09:00:00+02:00'],
    [priority, 'priority calendar is open on Sundays', '2027-08-15T19:00:00+02:00', 120, '2027-08-16T09:00:00+02:00'],
    [priority, 'priority calendar is open on public holidays (14 July)', '2027-07-14T10:00:00+02:00', 60, '2027-07-14T11:00:00+02:00'],
    [priority, 'priority calendar is open on Christmas Day', '2027-12-25T10:00:00+01:00', 30, '2027-12-25T10:30:00+01:00'],
    [withExceptions, 'an exception makes a Saturday a full working day', '2027-02-20T11:00:00+01:00', 120, '2027-02-20T13:00:00+01:00'],
    [withExceptions, 'an exception closes Christmas Eve', '2027-12-24T10:00:00+01:00', 60, '2027-12-27T10:00:00+01:00'],
    [officeUtc, 'a 10,000-business-hour target (250 weeks of 40 hours)', '2027-01-04T09:00:00Z', 600_000, '2031-10-17T17:00:00Z'],
    [always, 'a 10,000-business-hour target round the clock keeps DST right', '2027-01-01T00:00:00+01:00', 600_000, '2028-02-21T16:00:00+01:00'],
  ])('%#: %s', (cal, _label, from, minutes, expected) => {
    expect(add(cal, from, minutes)).toBe(expected);
  });

  it('prints the due instant with the calendar’s offset, seconds kept', () => {
    expect(add(paris, '2027-05-10T07:00:00Z', 90)).toBe('2027-05-10T10:30:00+02:00');
    expect(add(moscow, '2027-05-12T10:26:36Z', 20)).toBe('2027-05-12T13:46:36+03:00');
  });

  it('counts back exactly what it added, holidays and DST included (10,000 business hours on Paris)', () => {
    const start = at('2027-03-01T10:15:00+01:00');
    const due = addBusinessMinutes(paris, start, 600_000)!;
    expect(businessMinutesBetween(paris, start, due)).toBe(600_000);
    expect(businessMinutesBetween(paris, start, due - 1000)).toBeLessThan(600_000);
  });

  it('refuses negative minutes', () => {
    expect(() => addBusinessMinutes(paris, at('2027-05-10T09:00:00+02:00'), -5)).toThrow(RangeError);
  });

  it('answers never when the calendar has no business time left', () => {
    const only = new CompiledCalendar({ ...OFFICE_UTC, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [{ date: '2027-01-04', intervals: [['09:00', '10:00']] }] });
    expect(add(only, '2027-01-04T09:30:00Z', 20)).toBe('2027-01-04T09:50:00Z');
    expect(add(only, '2027-01-04T09:30:00Z', 60)).toBe('never');
  });
});

describe('pauses', () => {
  const start = '2027-05-10T09:00:00+02:00';
  it.each([
    ['no pause', [], '2027-05-10T15:00:00+02:00'],
    ['pause and resume across lunch: 150 business minutes paused', [['2027-05-10T10:00:00+02:00', '2027-05-10T14:30:00+02:00']], '2027-05-10T17:30:00+02:00'],
    ['a pause outside business hours changes nothing', [['2027-05-10T12:10:00+02:00', '2027-05-10T13:50:00+02:00']], '2027-05-10T15:00:00+02:00'],
    ['a pause over the night pushes to the next day', [['2027-05-10T14:00:00+02:00', '2027-05-11T09:00:00+02:00']], '2027-05-11T10:00:00+02:00'],
    ['two pauses add up', [['2027-05-10T09:30:00+02:00', '2027-05-10T10:00:00+02:00'], ['2027-05-10T14:00:00+02:00', '2027-05-10T14:30:00+02:00']], '2027-05-10T16:00:00+02:00'],
  ] as Array<[string, Array<[string, string]>, string]>)('%s', (_label, pauses, expected) => {
    const p = pauses.map(([s, e]) => ({ start: at(s), end: at(e) }));
    expect(add(paris, start, 240, p)).toBe(expected);
  });

  it('never reaches the target while a pause lasts', () => {
    const due = addBusinessMinutes(paris, at(start), 240, [{ start: at('2027-05-10T10:00:00+02:00'), end: Infinity }]);
    expect(due).toBeNull();
  });
});

describe('businessMinutesBetween and nextBusinessInstant', () => {
  it.each([
    [paris, '2027-05-10T09:00:00+02:00', '2027-05-11T10:00:00+02:00', 480],
    [paris, '2027-05-14T17:00:00+02:00', '2027-05-17T10:00:00+02:00', 240],
    [paris, '2027-05-14T17:00:00+02:00', '2027-05-18T10:00:00+02:00', 300],
    [paris, '2027-07-13T17:00:00+02:00', '2027-07-15T10:00:00+02:00', 120],
    [moscow, '2027-05-12T13:26:36+03:00', '2027-05-12T13:46:36+03:00', 20],
    [paris, '2027-05-11T10:00:00+02:00', '2027-05-10T10:00:00+02:00', 0],
  ])('%#: %s → %s = %d business minutes', (cal, from, to, minutes) => {
    expect(businessMinutesBetween(cal, at(from), at(to))).toBe(minutes);
  });

  it.each([
    ['Sunday → Monday opening', '2027-06-06T10:00:00+02:00', '2027-06-07T09:00:00+02:00'],
    ['lunch → afternoon opening', '2027-05-10T12:30:00+02:00', '2027-05-10T14:00:00+02:00'],
    ['closing instant is not open', '2027-05-10T18:00:00+02:00', '2027-05-11T09:00:00+02:00'],
    ['inside hours stays', '2027-05-10T10:00:00+02:00', '2027-05-10T10:00:00+02:00'],
  ])('%s', (_label, from, expected) => {
    expect(formatInZone(nextBusinessInstant(paris, at(from))!, 'Europe/Paris')).toBe(expected);
  });
});
