import { describe, expect, it } from 'vitest';
import { MOSCOW, PARIS, PARIS_WITH_EXCEPTIONS } from '../../../test/fixtures/sla-calendars.js';
import { checkCalendar } from './calendar.js';
import { CompiledCalendar, dayNumberOf } from './compiled-calendar.js';
import { specialDays } from './days-off.js';
import { parseIcsExceptions } from './ics.js';
import { RU_PRODUCTION_CALENDAR } from './ru-production-calendar.js';

const week = PARIS.week;

describe('calendar validation', () => {
  it.each([
    ['the issue example', PARIS_WITH_EXCEPTIONS],
    ['24:00 closes a day', { ...PARIS, week: { ...week, sun: [['18:00', '24:00']] } }],
    ['any number of intervals', { ...PARIS, week: { ...week, mon: [['08:00', '09:00'], ['10:00', '11:00'], ['12:00', '13:00'], ['14:00', '15:00']] } }],
    ['touching intervals', { ...PARIS, week: { ...week, mon: [['09:00', '12:00'], ['12:00', '18:00']] } }],
    ['no holidays', { ...PARIS, holidays: { country: null, region: null } }],
    ['a region', { ...PARIS, holidays: { country: 'ES', region: 'MD' } }],
    ['another IANA zone', { ...MOSCOW, timeZone: 'America/Argentina/Buenos_Aires' }],
    ['an empty week opened only by exceptions', { ...PARIS, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, exceptions: [{ date: '2027-01-04', intervals: [['09:00', '10:00']] }] }],
  ])('accepts %s', (_label, input) => {
    const r = checkCalendar(input);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it.each([
    ['an unknown time zone', { ...PARIS, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a fixed offset instead of a zone', { ...PARIS, timeZone: '+02:00' }, 'timeZone'],
    ['a reversed interval', { ...PARIS, week: { ...week, mon: [['09:00', '12:00'], ['18:00', '14:00']] } }, 'week.mon[1]'],
    ['overlapping intervals', { ...PARIS, week: { ...week, tue: [['09:00', '13:00'], ['12:00', '18:00']] } }, 'week.tue[1]'],
    ['24:30', { ...PARIS, week: { ...week, wed: [['09:00', '24:30']] } }, 'week.wed[0][1]'],
    ['an interval starting at 24:00', { ...PARIS, week: { ...week, wed: [['24:00', '24:00']] } }, 'week.wed[0][0]'],
    ['a week with no hours and no exceptions', { ...PARIS, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }, 'week'],
    ['a missing day', { ...PARIS, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }, 'week.sun'],
    ['an unknown day', { ...PARIS, week: { ...week, monday: [] } }, 'week.monday'],
    ['an unknown country code', { ...PARIS, holidays: { country: 'XX', region: null } }, 'holidays.country'],
    ['an unknown region', { ...PARIS, holidays: { country: 'FR', region: 'Atlantis' } }, 'holidays.region'],
    ['an impossible exception date', { ...PARIS, exceptions: [{ date: '2027-02-30', closed: true }] }, 'exceptions[0].date'],
    ['a duplicate exception date', { ...PARIS, exceptions: [{ date: '2027-02-20', closed: true }, { date: '2027-02-20', closed: true }] }, 'exceptions[1].date'],
    ['an exception both closed and with hours', { ...PARIS, exceptions: [{ date: '2027-02-20', closed: true, intervals: [['09:00', '10:00']] }] }, 'exceptions[0]'],
    ['a missing name', { ...PARIS, name: '' }, 'name'],
  ])('refuses %s, naming %s', (_label, input, path) => {
    const r = checkCalendar(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });
});

describe('public holidays and the Russian production calendar', () => {
  const workingDays = (cal: CompiledCalendar, year: number): number => {
    let n = 0;
    for (let d = dayNumberOf(`${year}-01-01`); d <= dayNumberOf(`${year}-12-31`); d++) if (cal.intervals(d).length > 0) n++;
    return n;
  };

  it('gives Russia 247 working days in 2026, as the government calendar says', () => {
    expect(workingDays(new CompiledCalendar(MOSCOW), 2026)).toBe(247);
  });

  it('keeps the 2027 entry to what the Labour Code fixes, and says so', () => {
    expect(RU_PRODUCTION_CALENDAR[2027]!.basis).toBe('statute');
    expect(RU_PRODUCTION_CALENDAR[2026]!.source).toContain('1466');
  });

  it.each([
    ['2026-01-09', true, 'Выходной (перенесён с 3 января)'],
    ['2026-12-31', true, 'Выходной (перенесён с 4 января)'],
    ['2026-03-09', true, 'Выходной (перенесён с 8 марта)'],
    ['2026-04-30', false, 'Предпраздничный день (сокращён на 1 час)'],
    ['2027-05-03', true, 'Выходной (перенесён с 1 мая)'],
  ])('Moscow %s: off=%s (%s)', (date, off, name) => {
    const days = specialDays(new CompiledCalendar(MOSCOW), Number(date.slice(0, 4)));
    expect(days.find((d) => d.date === date)).toMatchObject({ off, name });
  });

  it('shortens a pre-holiday day by one hour', () => {
    const day = new CompiledCalendar(MOSCOW).day(dayNumberOf('2026-04-30'));
    expect(day.minutes).toEqual([[540, 1020]]);
  });

  it('lists French public holidays of 2027 with their names, and the calendar’s own exceptions', () => {
    const days = specialDays(new CompiledCalendar(PARIS_WITH_EXCEPTIONS), 2027);
    expect(days.filter((d) => d.off).map((d) => d.date)).toEqual([
      '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17', '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-24', '2027-12-25',
    ]);
    expect(days.find((d) => d.date === '2027-07-14')?.name).toBe('Fête Nationale de la France');
    expect(days.find((d) => d.date === '2027-02-20')).toMatchObject({ off: false, name: 'working Saturday', hours: ['09:00-18:00'] });
  });
});

describe('exceptions from iCalendar files', () => {
  const ics = (events: string): string => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${events}END:VCALENDAR\r\n`;
  const options = { timeZone: 'Europe/Paris', from: '2027-01-01', until: '2029-12-31' };

  it('reads all-day days off (multi-day, recurring) and timed working hours', () => {
    const r = parseIcsExceptions(
      ics(
        'BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20271224\r\nDTEND;VALUE=DATE:20271226\r\nSUMMARY:Fermeture de Noël\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Europe/Paris:20270220T090000\r\nDTEND;TZID=Europe/Paris:20270220T180000\r\nSUMMARY:Samedi travaillé\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20270602\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Fête de la société\r\nEND:VEVENT\r\n' +
          'BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20270705T070000Z\r\nDTEND:20270705T100000Z\r\nSUMMARY:Inventaire\r\nEND:VEVENT\r\n',
      ),
      options,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      { date: '2027-02-20', intervals: [['09:00', '18:00']], name: 'Samedi travaillé' },
      { date: '2027-06-02', closed: true, name: 'Fête de la société' },
      { date: '2027-07-05', intervals: [['09:00', '12:00']], name: 'Inventaire' },
      { date: '2027-12-24', closed: true, name: 'Fermeture de Noël' },
      { date: '2027-12-25', closed: true, name: 'Fermeture de Noël' },
      { date: '2028-06-02', closed: true, name: 'Fête de la société' },
      { date: '2029-06-02', closed: true, name: 'Fête de la société' },
    ]);
  });

  it.each([
    ['not iCalendar at all', 'hello world', 'ics'],
    ['no events', ics(''), 'ics'],
    ['an event without a start', ics('BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:x\r\nEND:VEVENT\r\n'), 'ics.VEVENT[0].DTSTART'],
    ['a garbled date', ics('BEGIN:VEVENT\r\nUID:x\r\nDTSTART:garbage\r\nEND:VEVENT\r\n'), 'ics.VEVENT[0]'],
    ['an unknown time zone', ics('BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Olympus:20270220T090000\r\nDTEND;TZID=Mars/Olympus:20270220T100000\r\nEND:VEVENT\r\n'), 'ics.VEVENT[0].DTSTART'],
    ['a timed event over two days', ics('BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Europe/Paris:20270220T090000\r\nDTEND;TZID=Europe/Paris:20270221T100000\r\nEND:VEVENT\r\n'), 'ics.VEVENT[0]'],
  ])('refuses %s, naming %s', (_label, text, path) => {
    const r = parseIcsExceptions(text, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });
});
