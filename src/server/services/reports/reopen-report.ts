import type { ReopenReport } from '../../../contracts/reports.js';
import { periodOf, periodsBetween, type Granularity } from '../../../domain/reports/period.js';
import { rate } from '../../../domain/reports/rates.js';
import { reopensByDay } from '../../repositories/reports.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { ReportPeriod } from './report-period.js';

/**
 * Reopen rate: of the tickets created in each period that were solved at least once (solved or closed
 * now, or reopened since), the share reopened at least once (tickets.reopen_count).
 */
export async function reopenReport(deps: ServiceDeps, period: ReportPeriod, groupBy: Granularity): Promise<ReopenReport> {
  const rows = await reopensByDay(deps.db, deps.dialect, period.fromIso, period.toIso);
  const periods = periodsBetween(period.from, period.to, groupBy).map((p) => ({ period: p, resolved: 0, reopened: 0, reopens: 0, reopenRate: null as number | null }));
  const index = new Map(periods.map((p, i) => [p.period, i]));
  const total = { resolved: 0, reopened: 0, reopens: 0, reopenRate: null as number | null };
  for (const r of rows) {
    const p = periods[index.get(periodOf(r.day, groupBy))!]!;
    for (const acc of [p, total]) {
      acc.resolved += r.resolved;
      acc.reopened += r.reopened;
      acc.reopens += r.reopens;
    }
  }
  for (const acc of [...periods, total]) acc.reopenRate = rate(acc.reopened, acc.resolved);
  return { report: 'reopens', from: period.from, to: period.to, groupBy, periods, total };
}
