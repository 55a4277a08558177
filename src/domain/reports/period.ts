/*
 * Report periods. Days are UTC calendar days (YYYY-MM-DD): the database stores UTC instants and both
 * SQLite and PostgreSQL can cut them into UTC days in SQL. Weeks start on Monday (ISO), months on the 1st.
 */

/** How a series is cut. */
export type Granularity = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/** Whether a text is a real calendar date YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/** The day after. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a day (UTC) as an ISO string. */
export function startOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** The first instant after a day (UTC): the exclusive end of a period ending on `day`. */
export function endOfDay(day: string): string {
  return startOfDay(nextDay(day));
}

/** Every day from `from` to `to`, both included (empty when to < from). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

/** Number of days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The period a day falls in: the day itself, the Monday of its week, or the 1st of its month. */
export function periodOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

/** The periods covering `from`..`to`, in order, each named by its first day (the week's Monday, the month's 1st). */
export function periodsBetween(from: string, to: string, granularity: Granularity): string[] {
  const out: string[] = [];
  for (const d of daysBetween(from, to)) {
    const p = periodOf(d, granularity);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}
