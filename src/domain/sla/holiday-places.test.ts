import { describe, expect, it } from 'vitest';
import { isKnownCountry, isKnownRegion } from './calendar.js';
import { holidayCountries, holidayRegions } from './holiday-places.js';

describe('holiday places', () => {
  it.each([
    ['fr', 'FR', 'France'],
    ['ru', 'RU', 'Россия'],
    ['ru', 'FR', 'Франция'],
    ['fr', 'DE', 'Allemagne'],
    ['es', 'ES', 'España'],
  ])('names countries in %s and sorts them by name', (lang, code, name) => {
    const list = holidayCountries(lang);
    expect(list.find((c) => c.code === code)?.name).toBe(name);
    const names = list.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, lang)));
    expect(list.every((c) => isKnownCountry(c.code))).toBe(true);
  });

  it('lists the regions a calendar may name, and none for an unknown country', () => {
    const regions = holidayRegions('ES', 'es');
    expect(regions.map((r) => r.code)).toContain('CT');
    expect(regions.every((r) => isKnownRegion('ES', r.code))).toBe(true);
    expect(holidayRegions('XX', 'en')).toEqual([]);
  });
});
