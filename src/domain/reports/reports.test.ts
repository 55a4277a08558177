import { describe, expect, it } from 'vitest';
import { backlogSeries, stateAt } from './backlog.js';
import { bucketIndex, FIRST_RESPONSE_BUCKETS, histogram, percentile } from './histogram.js';
import { dayCount, daysBetween, endOfDay, isDay, periodOf, periodsBetween } from './period.js';
import { orderKeys, rate } from './rates.js';
import { csvField, writeCsv } from './write-csv.js';

describe('periods', () => {
  it.each([
    ['2027-03-01', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2027-13-01', false],
    ['27-03-01', false],
    ['2027-03-01T00:00:00Z', false],
  ])('isDay(%s) = %s', (text, ok) => expect(isDay(text)).toBe(ok));

  it('lists days across a month end, both ends included', () => {
    expect(daysBetween('2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
    expect(daysBetween('2027-03-02', '2027-03-01')).toEqual([]);
    expect(dayCount('2027-01-01', '2027-12-31')).toBe(365);
    expect(endOfDay('2027-12-31')).toBe('2028-01-01T00:00:00.000Z');
  });

  it.each([
    ['2027-03-03', 'day', '2027-03-03'],
    ['2027-03-03', 'week', '2027-03-01'],
    ['2027-03-07', 'week', '2027-03-01'],
    ['2027-03-08', 'week', '2027-03-08'],
    ['2027-01-01', 'week', '2026-12-28'],
    ['2027-03-31', 'month', '2027-03-01'],
  ] as const)('periodOf(%s, %s) = %s', (day, g, p) => expect(periodOf(day, g)).toBe(p));

  it('names each period once, in order', () => {
    expect(periodsBetween('2027-02-26', '2027-03-09', 'week')).toEqual(['2027-02-22', '2027-03-01', '2027-03-08']);
    expect(periodsBetween('2027-01-30', '2027-03-01', 'month')).toEqual(['2027-01-01', '2027-02-01', '2027-03-01']);
  });
});

describe('rates', () => {
  it.each([
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [0, 5, 0],
    [5, 5, 1],
    [1, 0, null],
  ])('rate(%i, %i) = %s', (p, w, r) => expect(rate(p, w)).toBe(r));

  it('orders known keys first, then the others alphabetically', () => {
    expect(orderKeys(['phone', 'zz', 'web', 'aa'], ['web', 'email', 'phone'])).toEqual(['web', 'phone', 'aa', 'zz']);
  });
});

describe('first-response histogram', () => {
  it.each([
    [0, 'lt15m'],
    [14.99, 'lt15m'],
    [15, '15m-30m'],
    [59, '30m-1h'],
    [60, '1h-2h'],
    [479, '4h-8h'],
    [1439, '8h-24h'],
    [1440, '1d-2d'],
    [2880, 'ge2d'],
    [100_000, 'ge2d'],
    [-3, 'lt15m'],
  ])('%f minutes → %s', (m, key) => expect(FIRST_RESPONSE_BUCKETS[bucketIndex(m)]!.key).toBe(key));

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([10], 90)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it('counts per bucket with median and p90', () => {
    const h = histogram([5, 10, 20, 45, 90, 3000, 600]);
    expect(h.buckets.map((b) => b.count)).toEqual([2, 1, 1, 1, 0, 0, 1, 0, 1]);
    expect(h.answered).toBe(7);
    expect(h.medianMinutes).toBe(45);
    expect(h.p90Minutes).toBe(3000);
    expect(histogram([]).medianMinutes).toBeNull();
  });
});

describe('backlog', () => {
  const T = (iso: string) => Date.parse(iso);
  const ticket = {
    createdAt: T('2027-03-01T10:00:00Z'),
    changes: [
      { at: T('2027-03-02T09:00:00Z'), state: 'pending' },
      { at: T('2027-03-03T09:00:00Z'), state: 'solved' },
      { at: T('2027-03-05T09:00:00Z'), state: 'open' },
    ],
  };

  it('knows a ticket state at any instant', () => {
    expect(stateAt(ticket, T('2027-03-01T09:59:59Z'))).toBeNull();
    expect(stateAt(ticket, T('2027-03-01T10:00:00Z'))).toBe('new');
    expect(stateAt(ticket, T('2027-03-02T12:00:00Z'))).toBe('pending');
    expect(stateAt(ticket, T('2027-03-04T00:00:00Z'))).toBe('solved');
    expect(stateAt(ticket, T('2027-03-06T00:00:00Z'))).toBe('open');
  });

  it('counts the backlog at each day end, reopened tickets again from their reopening', () => {
    const days = daysBetween('2027-02-28', '2027-03-05');
    const other = { createdAt: T('2027-03-02T23:59:59Z'), changes: [{ at: T('2027-03-04T08:00:00Z'), state: 'closed' }] };
    const series = backlogSeries([ticket, other], days, days.map((d) => Date.parse(endOfDay(d))));
    expect(series.map((p) => [p.day, p.open, p.pending, p.total])).toEqual([
      ['2027-02-28', 0, 0, 0],
      ['2027-03-01', 1, 0, 1],
      ['2027-03-02', 1, 1, 2],
      ['2027-03-03', 1, 0, 1],
      ['2027-03-04', 0, 0, 0],
      ['2027-03-05', 1, 0, 1],
    ]);
  });
});

describe('CSV writing', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-12.5', '-12.5'],
    ['+33 1 23', "'+33 1 23"],
    ['Ölçü, «ёлка»', '"Ölçü, «ёлка»"'],
    [12, '12'],
    [0.25, '0.25'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ] as const)('csvField(%j) = %j', (v, out) => expect(csvField(v)).toBe(out));

  it('writes a header and CRLF rows without a byte-order mark', () => {
    const text = writeCsv(['day', 'channel', 'tickets'], [['2027-03-01', 'web', 3], ['2027-03-01', 'e-mail, fax', 1]]);
    expect(text).toBe('day,channel,tickets\r\n2027-03-01,web,3\r\n2027-03-01,"e-mail, fax",1\r\n');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('backlog series agrees with the state at each day end', () => {
  it('on generated tickets with same-instant changes and changes at day ends', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const days = daysBetween('2027-03-01', '2027-03-20');
    const ends = days.map((d) => Date.parse(endOfDay(d)));
    const start = Date.parse('2027-02-25T00:00:00Z');
    const states = ['open', 'pending', 'solved', 'closed', 'new'];
    const tickets = Array.from({ length: 200 }, () => {
      const createdAt = start + Math.floor(rand() * 26) * 86_400_000 + (rand() < 0.2 ? 86_400_000 - 1 : Math.floor(rand() * 86_400_000));
      let at = createdAt;
      const changes = Array.from({ length: Math.floor(rand() * 6) }, () => {
        at += rand() < 0.2 ? 0 : Math.floor(rand() * 3 * 86_400_000);
        return { at, state: states[Math.floor(rand() * states.length)]! };
      });
      return { createdAt, changes };
    });
    const expected = days.map((day, i) => {
      const at = ends[i]! - 1;
      const s = tickets.map((t) => stateAt(t, at));
      const open = s.filter((x) => x === 'new' || x === 'open').length;
      const pending = s.filter((x) => x === 'pending').length;
      return { day, open, pending, total: open + pending };
    });
    expect(backlogSeries(tickets, days, ends)).toEqual(expected);
  });
});
