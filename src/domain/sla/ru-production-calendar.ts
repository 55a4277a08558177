/**
 * Russia's production calendar (производственный календарь) for a five-day week, as data.
 * date-holidays knows the public holidays but not the decreed transfers of days off, the
 * shortened pre-holiday days or the working Saturdays; calendars whose holidays.country is RU use
 * this table for the years it holds, and date-holidays for other years.
 *
 * Sources (public law):
 * - Трудовой кодекс РФ, ст. 112: non-working holidays are 1–6 and 8 January (New Year holidays),
 *   7 January (Christmas), 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. When a weekend
 *   day coincides with a holiday, the day off moves to the next working day after the holiday,
 *   except for the January holidays: for those, the Government moves two days off by decree.
 * - Трудовой кодекс РФ, ст. 95: the working day immediately before a non-working holiday is one hour
 *   shorter.
 * - 2026: Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»:
 *   Saturday 3 January → Friday 9 January, Sunday 4 January → Thursday 31 December. Days of rest:
 *   31.12.2025–11.01.2026, 21–23 February, 7–9 March, 1–3 May, 9–11 May, 12–14 June, 4 November,
 *   31 December; shortened days 30 April, 8 May, 11 June, 3 November; 247 working days. No working
 *   Saturday.
 * - 2027: as of this data (checked against public reports up to February 2026) the Government had NOT
 *   yet published its decree on the transfers of days off in 2027 (reports said it would be adopted
 *   in the autumn of 2026). The 2027 entry therefore holds only what the Labour Code fixes by itself:
 *   the holidays, the art. 112 transfers of holidays falling on a weekend (1 May → 3 May, 9 May →
 *   10 May, 12 June → 14 June) and the art. 95 shortened days. The two January days off falling on
 *   Saturday 2 and Sunday 3 January 2027 will be moved by that decree to dates not known yet; add
 *   them as calendar exceptions (or update this table) once it is published.
 */

/** A day that differs from the ordinary five-day week. */
export interface ProductionDay {
  /** YYYY-MM-DD. */
  date: string;
  /** off: non-working; short: working, shortened by `shortenMinutes`; work: a weekend day that is worked. */
  kind: 'off' | 'short' | 'work';
  name: string;
  /** For short days: how much shorter the day is (60 by art. 95). */
  shortenMinutes?: number;
  /** For worked weekend days: the weekday whose hours apply. */
  worksAs?: 'mon' | 'tue' | 'wed' | 'thu' | 'fri';
}

/** One year of the production calendar. */
export interface ProductionYear {
  /** decree: the Government's decree for that year is applied; statute: only the Labour Code's rules. */
  basis: 'decree' | 'statute';
  source: string;
  days: ProductionDay[];
}

const NEW_YEAR = 'Новогодние каникулы';
const CHRISTMAS = 'Рождество Христово';
const SHORT = 'Предпраздничный день (сокращён на 1 час)';
const off = (date: string, name: string): ProductionDay => ({ date, kind: 'off', name });
const short = (date: string): ProductionDay => ({ date, kind: 'short', name: SHORT, shortenMinutes: 60 });
const january = (year: number): ProductionDay[] =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((d) => off(`${year}-01-0${d}`, d === 7 ? CHRISTMAS : NEW_YEAR));

/** The production calendar by year. */
export const RU_PRODUCTION_CALENDAR: Readonly<Record<number, ProductionYear>> = {
  2026: {
    basis: 'decree',
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466; ТК РФ ст. 95, 112',
    days: [
      ...january(2026),
      off('2026-01-09', 'Выходной (перенесён с 3 января)'),
      off('2026-02-23', 'День защитника Отечества'),
      off('2026-03-08', 'Международный женский день'),
      off('2026-03-09', 'Выходной (перенесён с 8 марта)'),
      short('2026-04-30'),
      off('2026-05-01', 'Праздник Весны и Труда'),
      short('2026-05-08'),
      off('2026-05-09', 'День Победы'),
      off('2026-05-11', 'Выходной (перенесён с 9 мая)'),
      short('2026-06-11'),
      off('2026-06-12', 'День России'),
      short('2026-11-03'),
      off('2026-11-04', 'День народного единства'),
      off('2026-12-31', 'Выходной (перенесён с 4 января)'),
    ],
  },
  2027: {
    basis: 'statute',
    source: 'ТК РФ ст. 95, 112 only: the 2027 decree on transfers was not published when this table was written',
    days: [
      ...january(2027),
      short('2027-02-22'),
      off('2027-02-23', 'День защитника Отечества'),
      off('2027-03-08', 'Международный женский день'),
      short('2027-04-30'),
      off('2027-05-01', 'Праздник Весны и Труда'),
      off('2027-05-03', 'Выходной (перенесён с 1 мая)'),
      off('2027-05-09', 'День Победы'),
      off('2027-05-10', 'Выходной (перенесён с 9 мая)'),
      short('2027-06-11'),
      off('2027-06-12', 'День России'),
      off('2027-06-14', 'Выходной (перенесён с 12 июня)'),
      short('2027-11-03'),
      off('2027-11-04', 'День народного единства'),
      short('2027-12-31'),
    ],
  },
};
