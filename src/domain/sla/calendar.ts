/**
 * A business calendar as admins write it (the JSON shape of issue 3) and its validation.
 * Validation is strict and names the offending field, so nothing half-valid is ever saved.
 */
import Holidays from 'date-holidays';

/** Days of the week, Monday first, as keys of `week`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

/** An interval of a day as written: ["09:00", "12:00"]; "24:00" closes at midnight. */
export type IntervalText = [string, string];

/** A dated exception: a day off, or a day with its own hours. */
export interface CalendarException {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** True for a day off. */
  closed?: boolean;
  /** The day's own hours (a working Saturday, a shortened eve). */
  intervals?: IntervalText[];
  name?: string | null;
}

/** A calendar: weekly hours in a time zone, public holidays of a country/region, dated exceptions. */
export interface CalendarDefinition {
  name: string;
  /** IANA time zone, e.g. Europe/Paris. */
  timeZone: string;
  week: Record<Weekday, IntervalText[]>;
  /** Public holidays from date-holidays (and Russia's production calendar); none when country is null. */
  holidays: { country: string | null; region: string | null };
  exceptions: CalendarException[];
}

/** One problem with an input, naming its field. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Outcome of a validation. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight of "HH:MM" (0..1440, "24:00" only as 1440), or an explanation. */
export function parseTimeOfDay(text: unknown): { ok: true; minutes: number } | { ok: false; message: string } {
  if (typeof text !== 'string') return { ok: false, message: 'must be a time "HH:MM"' };
  const m = TIME_RE.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not a time "HH:MM"` };
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return { ok: true, minutes: 1440 };
  if (h > 23 || min > 59) return { ok: false, message: `"${text}" is not a time of day (24:00 is the latest, for midnight)` };
  return { ok: true, minutes: h * 60 + min };
}

/** Whether YYYY-MM-DD is a real date. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whether a name is an IANA time zone this runtime knows (fixed offsets like "+02:00" are refused). */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  if (/^[+-]|^(utc|gmt)[+-]/i.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

let knownCountries: Record<string, string> | null = null;

/** Whether date-holidays knows the country (ISO 3166-1 alpha-2). */
export function isKnownCountry(code: string): boolean {
  knownCountries ??= new Holidays().getCountries();
  return Object.hasOwn(knownCountries, code);
}

/** Whether date-holidays knows the region of a country. */
export function isKnownRegion(country: string, region: string): boolean {
  const states = new Holidays().getStates(country) as Record<string, string> | undefined;
  return Boolean(states && Object.hasOwn(states, region));
}

/** Validates a list of intervals: times, order, no overlap. Returns them as sorted minute pairs. */
export function checkIntervals(value: unknown, path: string, errors: FieldProblem[]): Array<[number, number]> {
  if (!Array.isArray(value)) {
    errors.push({ path, message: 'must be a list of ["HH:MM", "HH:MM"] intervals ([] for a closed day)' });
    return [];
  }
  const parsed: Array<{ s: number; e: number; i: number }> = [];
  value.forEach((iv: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!Array.isArray(iv) || iv.length !== 2) {
      errors.push({ path: p, message: 'must be a pair ["HH:MM", "HH:MM"]' });
      return;
    }
    const s = parseTimeOfDay(iv[0]);
    const e = parseTimeOfDay(iv[1]);
    if (!s.ok) errors.push({ path: `${p}[0]`, message: s.message });
    if (!e.ok) errors.push({ path: `${p}[1]`, message: e.message });
    if (!s.ok || !e.ok) return;
    if (s.minutes === 1440) errors.push({ path: `${p}[0]`, message: 'an interval cannot start at 24:00' });
    else if (e.minutes <= s.minutes) errors.push({ path: p, message: `reversed or empty interval: ${String(iv[1])} is not after ${String(iv[0])}` });
    else parsed.push({ s: s.minutes, e: e.minutes, i });
  });
  parsed.sort((a, b) => a.s - b.s);
  for (let k = 1; k < parsed.length; k++) {
    const prev = parsed[k - 1]!;
    const cur = parsed[k]!;
    if (cur.s < prev.e) errors.push({ path: `${path}[${cur.i}]`, message: `overlaps ${path}[${prev.i}]` });
  }
  return parsed.map((x) => [x.s, x.e]);
}

function checkName(value: unknown, path: string, errors: FieldProblem[], required: boolean): void {
  if (value === undefined || value === null) {
    if (required) errors.push({ path, message: 'is required' });
    return;
  }
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 200) errors.push({ path, message: 'must be a text of 1 to 200 characters' });
}

function checkHolidays(value: unknown, errors: FieldProblem[]): CalendarDefinition['holidays'] {
  if (value === undefined) return { country: null, region: null };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path: 'holidays', message: 'must be { "country": "FR" | null, "region": null }' });
    return { country: null, region: null };
  }
  const h = value as { country?: unknown; region?: unknown };
  const country = h.country ?? null;
  const region = h.region ?? null;
  if (country !== null && (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country) || !isKnownCountry(country))) {
    errors.push({ path: 'holidays.country', message: `unknown country code ${JSON.stringify(country)} (ISO 3166 alpha-2, e.g. FR, ES, RU; or null)` });
    return { country: null, region: null };
  }
  if (region !== null) {
    if (country === null) errors.push({ path: 'holidays.region', message: 'a region needs a country' });
    else if (typeof region !== 'string' || !isKnownRegion(country, region)) errors.push({ path: 'holidays.region', message: `unknown region ${JSON.stringify(region)} of ${country}` });
  }
  return { country: country as string | null, region: region as string | null };
}

function checkExceptions(value: unknown, errors: FieldProblem[]): { list: CalendarException[]; opensADay: boolean } {
  if (value === undefined) return { list: [], opensADay: false };
  if (!Array.isArray(value)) {
    errors.push({ path: 'exceptions', message: 'must be a list' });
    return { list: [], opensADay: false };
  }
  const seen = new Map<string, number>();
  const list: CalendarException[] = [];
  let opensADay = false;
  value.forEach((raw: unknown, i) => {
    const p = `exceptions[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ path: p, message: 'must be { "date", "closed": true | "intervals": [...], "name" }' });
      return;
    }
    const x = raw as Record<string, unknown>;
    for (const key of Object.keys(x)) if (!['date', 'closed', 'intervals', 'name'].includes(key)) errors.push({ path: `${p}.${key}`, message: 'unknown field' });
    if (!isIsoDate(x.date)) errors.push({ path: `${p}.date`, message: 'must be a date YYYY-MM-DD' });
    else if (seen.has(x.date)) errors.push({ path: `${p}.date`, message: `${x.date} is already in exceptions[${seen.get(x.date)}]` });
    else seen.set(x.date, i);
    checkName(x.name, `${p}.name`, errors, false);
    const closed = x.closed === true;
    if (x.closed !== undefined && typeof x.closed !== 'boolean') errors.push({ path: `${p}.closed`, message: 'must be true or false' });
    if (closed && x.intervals !== undefined) errors.push({ path: p, message: 'a day is either closed or has intervals, not both' });
    if (!closed && x.intervals === undefined) errors.push({ path: p, message: 'needs "closed": true or "intervals"' });
    const intervals = x.intervals === undefined ? [] : checkIntervals(x.intervals, `${p}.intervals`, errors);
    if (intervals.length > 0) opensADay = true;
    const item: CalendarException = { date: String(x.date) };
    if (closed || intervals.length === 0) item.closed = true;
    else item.intervals = x.intervals as IntervalText[];
    if (typeof x.name === 'string') item.name = x.name;
    list.push(item);
  });
  return { list, opensADay };
}

function checkWeek(value: unknown, errors: FieldProblem[]): { week: Record<Weekday, IntervalText[]>; hasHours: boolean } {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as IntervalText[]])) as Record<Weekday, IntervalText[]>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path: 'week', message: 'must be { "mon": [...], ..., "sun": [...] }' });
    return { week, hasHours: false };
  }
  const w = value as Record<string, unknown>;
  for (const key of Object.keys(w)) if (!(WEEKDAYS as readonly string[]).includes(key)) errors.push({ path: `week.${key}`, message: `unknown day; use ${WEEKDAYS.join(', ')}` });
  let hasHours = false;
  for (const day of WEEKDAYS) {
    if (w[day] === undefined) {
      errors.push({ path: `week.${day}`, message: 'is missing (use [] for a closed day)' });
      continue;
    }
    if (checkIntervals(w[day], `week.${day}`, errors).length > 0) hasHours = true;
    week[day] = w[day] as IntervalText[];
  }
  return { week, hasHours };
}

/**
 * Validates a calendar in the JSON shape. Refuses, naming the field: an unknown time zone,
 * reversed or overlapping intervals, times past 24:00, an unknown country or region, a week without
 * any hours when no exception opens a day, duplicate or malformed exception dates.
 */
export function checkCalendar(input: unknown): Checked<CalendarDefinition> {
  const errors: FieldProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', message: 'a calendar must be a JSON object { name, timeZone, week, holidays, exceptions }' }] };
  }
  const x = input as Record<string, unknown>;
  for (const key of Object.keys(x)) if (!['name', 'timeZone', 'week', 'holidays', 'exceptions'].includes(key)) errors.push({ path: key, message: 'unknown field' });
  checkName(x.name, 'name', errors, true);
  if (!isTimeZone(x.timeZone)) errors.push({ path: 'timeZone', message: `unknown time zone ${JSON.stringify(x.timeZone ?? null)} (an IANA name such as Europe/Paris)` });
  const { week, hasHours } = checkWeek(x.week, errors);
  const holidays = checkHolidays(x.holidays, errors);
  const exceptions = checkExceptions(x.exceptions, errors);
  if (!hasHours && !exceptions.opensADay && !errors.some((e) => e.path.startsWith('week'))) {
    errors.push({ path: 'week', message: 'the calendar has no business hours: every day is empty and no exception opens a day' });
  }
  if (errors.length > 0) return { ok: false, errors };
  const calendar: CalendarDefinition = {
    name: String(x.name).trim(),
    timeZone: String(x.timeZone),
    week,
    holidays,
    exceptions: [...exceptions.list].sort((a, b) => a.date.localeCompare(b.date)),
  };
  return { ok: true, value: calendar };
}

/** The weekly hours of a weekday as sorted minute pairs (the definition must be valid). */
export function weekdayMinutes(def: CalendarDefinition, day: Weekday): Array<[number, number]> {
  return checkIntervals(def.week[day], '', []);
}

/** A closed Monday-to-Friday calendar skeleton, handy for defaults and tests. */
export function officeWeek(hours: IntervalText[], saturday: IntervalText[] = []): Record<Weekday, IntervalText[]> {
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: saturday, sun: [] };
}
