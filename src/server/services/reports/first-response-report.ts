import type { FirstResponseReport } from '../../../contracts/reports.js';
import { histogram } from '../../../domain/reports/histogram.js';
import { firstResponseMinutesOf } from '../../repositories/reports.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { ReportPeriod } from './report-period.js';

/** First-response time distribution of the tickets created in the period (wall-clock minutes). */
export async function firstResponseReport(deps: ServiceDeps, period: ReportPeriod): Promise<FirstResponseReport> {
  const { tickets, minutes } = await firstResponseMinutesOf(deps.db, deps.dialect, period.fromIso, period.toIso);
  const h = histogram(minutes);
  return { report: 'first-response', from: period.from, to: period.to, tickets, answered: h.answered, medianMinutes: h.medianMinutes, p90Minutes: h.p90Minutes, buckets: h.buckets };
}
