/**
 * Public holidays of a country/region for a year, resolved once and cached: date-holidays for every
 * country, Russia's production calendar (transfers, shortened days, worked weekend days) for the
 * years it holds.
 */
import Holidays from 'date-holidays';
import { RU_PRODUCTION_CALENDAR } from './ru-production-calendar.js';

/** How a public-holiday table changes a date. */
export type HolidayRule =
  | { kind: 'off'; name: string }
  | { kind: 'short'; name: string; shortenMinutes: number }
  | { kind: 'work'; name: string; worksAs: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' };

const instances = new Map<string, Holidays>();
const years = new Map<string, ReadonlyMap<string, HolidayRule>>();

function instance(country: string, region: string | null): Holidays {
  const key = `${country}/${region ?? ''}`;
  let h = instances.get(key);
  if (!h) {
    h = region ? new Holidays(country, region) : new Holidays(country);
    instances.set(key, h);
  }
  return h;
}

function fromDateHolidays(country: string, region: string | null, year: number): Map<string, HolidayRule> {
  const out = new Map<string, HolidayRule>();
  for (const h of instance(country, region).getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (!out.has(date)) out.set(date, { kind: 'off', name: h.name });
  }
  return out;
}

/** Whether Russia's production calendar holds a year (else date-holidays is used). */
export function hasProductionCalendar(country: string | null, year: number): boolean {
  return country === 'RU' && Object.hasOwn(RU_PRODUCTION_CALENDAR, year);
}

/**
 * The holiday rules of one year, by local date (YYYY-MM-DD). Cached per country, region and year:
 * date-holidays is slow to build and the rules never change within a process.
 */
export function holidayRules(country: string | null, region: string | null, year: number): ReadonlyMap<string, HolidayRule> {
  if (!country) return new Map();
  const key = `${country}/${region ?? ''}/${year}`;
  let rules = years.get(key);
  if (!rules) {
    const production = country === 'RU' ? RU_PRODUCTION_CALENDAR[year] : undefined;
    if (production) {
      const map = new Map<string, HolidayRule>();
      for (const d of production.days) {
        if (d.kind === 'off') map.set(d.date, { kind: 'off', name: d.name });
        else if (d.kind === 'short') map.set(d.date, { kind: 'short', name: d.name, shortenMinutes: d.shortenMinutes ?? 60 });
        else map.set(d.date, { kind: 'work', name: d.name, worksAs: d.worksAs ?? 'mon' });
      }
      rules = map;
    } else {
      rules = fromDateHolidays(country, region, year);
    }
    years.set(key, rules);
  }
  return rules;
}
