import { MAX_REPORT_DAYS } from '../../../contracts/reports.js';
import { dayCount, endOfDay, isDay, startOfDay } from '../../../domain/reports/period.js';
import { AppError, forbidden, validationFailed } from '../../errors/app-error.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';

/** A checked report period: UTC days and the half-open instant range [fromIso, toIso). */
export interface ReportPeriod {
  from: string;
  to: string;
  fromIso: string;
  toIso: string;
}

const DAY = 86_400_000;

/** Reports are for agents and admins (managers); customers get 403. */
export function requireReportReader(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('reports:staff_only');
}

/** The period of a report: default the last 30 days to today (UTC); checked days, from ≤ to, at most MAX_REPORT_DAYS. */
export function reportPeriod(deps: Pick<ServiceDeps, 'clock'>, input: { from?: string | undefined; to?: string | undefined }): ReportPeriod {
  const to = input.to ?? deps.clock.now().toISOString().slice(0, 10);
  const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY).toISOString().slice(0, 10);
  const bad = [
    ...(isDay(from) ? [] : [{ path: 'from', message: 'YYYY-MM-DD' }]),
    ...(isDay(to) ? [] : [{ path: 'to', message: 'YYYY-MM-DD' }]),
  ];
  if (bad.length) throw validationFailed(bad);
  if (from > to) throw validationFailed([{ path: 'from', message: '`from` must not be after `to`' }]);
  if (dayCount(from, to) > MAX_REPORT_DAYS) throw new AppError('validation_failed', { detailKey: 'reports:period_too_long', params: { max: MAX_REPORT_DAYS }, errors: [{ path: 'to', message: `at most ${MAX_REPORT_DAYS} days` }] });
  return { from, to, fromIso: startOfDay(from), toIso: endOfDay(to) };
}
