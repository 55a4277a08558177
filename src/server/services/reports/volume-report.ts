import { Channel } from '../../../contracts/enums.js';
import type { VolumeReport } from '../../../contracts/reports.js';
import { periodOf, periodsBetween, type Granularity } from '../../../domain/reports/period.js';
import { orderKeys } from '../../../domain/reports/rates.js';
import { volumeByDayAndChannel } from '../../repositories/reports.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { ReportPeriod } from './report-period.js';

/** Tickets created per period and channel (days counted in SQL, rolled up into weeks or months here). */
export async function volumeReport(deps: ServiceDeps, period: ReportPeriod, groupBy: Granularity): Promise<VolumeReport> {
  const rows = await volumeByDayAndChannel(deps.db, deps.dialect, period.fromIso, period.toIso);
  const channels = orderKeys(new Set(rows.map((r) => r.channel)), Channel.options);
  const periods = periodsBetween(period.from, period.to, groupBy).map((p) => ({ period: p, total: 0, byChannel: Object.fromEntries(channels.map((c) => [c, 0])) as Record<string, number> }));
  const index = new Map(periods.map((p, i) => [p.period, i]));
  const totals = Object.fromEntries(channels.map((c) => [c, 0])) as Record<string, number>;
  for (const r of rows) {
    const p = periods[index.get(periodOf(r.day, groupBy))!]!;
    p.byChannel[r.channel] = p.byChannel[r.channel]! + r.tickets;
    p.total += r.tickets;
    totals[r.channel] = totals[r.channel]! + r.tickets;
  }
  return { report: 'volume', from: period.from, to: period.to, groupBy, channels, totals, periods };
}
