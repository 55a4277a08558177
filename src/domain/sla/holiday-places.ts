/** The countries and regions whose public holidays a calendar can follow (date-holidays), named in a language. */
import Holidays from 'date-holidays';

/** A country or region: its code and its name in the asked language (the library's own name when it has none). */
export interface HolidayPlace {
  code: string;
  name: string;
}

const byName = (locale: string) => (a: HolidayPlace, b: HolidayPlace) => a.name.localeCompare(b.name, locale);

/** Every country date-holidays knows, named in the language (Intl's region names, else the library's), sorted by name. */
export function holidayCountries(lang: string): HolidayPlace[] {
  const names = new Holidays().getCountries(lang) as Record<string, string>;
  const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const nameOf = (code: string, own: string) => {
    try {
      return display.of(code) ?? own;
    } catch {
      return own;
    }
  };
  return Object.entries(names)
    .map(([code, name]) => ({ code, name: nameOf(code, name) }))
    .sort(byName(lang));
}

/** The regions (states) of a country with holidays of their own, sorted by name; empty when none or unknown. */
export function holidayRegions(country: string, lang: string): HolidayPlace[] {
  const names = (new Holidays().getStates(country, lang) ?? {}) as Record<string, string>;
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort(byName(lang));
}
