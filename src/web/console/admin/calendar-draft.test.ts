import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from '../../../contracts/sla.js';
import { definitionOf, draftOf, emptyDraft, fieldOf } from './calendar-draft.js';

const PARIS: CalendarDefinition = {
  name: 'Paris office',
  timeZone: 'Europe/Paris',
  week: { mon: [['09:00', '12:00'], ['14:00', '18:00']], tue: [], wed: [], thu: [], fri: [], sat: [['20:00', '24:00']], sun: [] },
  holidays: { country: 'FR', region: null },
  exceptions: [
    { date: '2027-12-24', closed: true, name: 'Veille de Noël' },
    { date: '2027-12-31', intervals: [['09:00', '12:00']], name: null },
  ],
};

describe('calendar draft', () => {
  it('round-trips a stored calendar (midnight shown as 00:00 in the time fields)', () => {
    const draft = draftOf({ ...PARIS, isDefault: true });
    expect(draft.week.sat).toEqual([{ start: '20:00', end: '00:00' }]);
    expect(draft.exceptions.map((e) => e.closed)).toEqual([true, false]);
    expect(definitionOf(draft)).toEqual(PARIS);
  });

  it('drops a region without a country, and empty names', () => {
    const d = { ...emptyDraft('Europe/Madrid'), name: 'Madrid', region: 'CT' };
    expect(definitionOf(d).holidays).toEqual({ country: null, region: null });
    expect(definitionOf({ ...d, country: 'ES' }).holidays).toEqual({ country: 'ES', region: 'CT' });
  });

  it.each([
    ['week.mon[0][1]', 'week.mon'],
    ['exceptions[2].date', 'exceptions.2'],
    ['holidays.region', 'holidays.region'],
    ['timeZone', 'timeZone'],
    ['week', 'week'],
  ])('puts the problem at %s on the form field %s', (path, field) => {
    expect(fieldOf(path)).toBe(field);
  });
});
