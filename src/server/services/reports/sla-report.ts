import { Priority } from '../../../contracts/enums.js';
import type { SlaReport } from '../../../contracts/reports.js';
import { orderKeys, rate } from '../../../domain/reports/rates.js';
import { slaCountsBy, type SlaCounts } from '../../repositories/reports.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { ReportPeriod } from './report-period.js';

/** Plans without a code ("none") come last. */
const NONE = 'none';

function rows(dimension: 'priority' | 'plan', counts: SlaCounts[], order: readonly string[]): SlaReport['rows'] {
  const byKey = new Map(counts.map((c) => [c.key ?? NONE, c]));
  const keys = orderKeys(byKey.keys(), order).sort((a, b) => Number(a === NONE) - Number(b === NONE));
  return keys.flatMap((key) => {
    const c = byKey.get(key)!;
    return [
      { dimension, key, target: 'firstResponse' as const, met: c.firstMet, breached: c.firstBreached, running: c.firstRunning, metRate: rate(c.firstMet, c.firstMet + c.firstBreached) },
      { dimension, key, target: 'resolution' as const, met: c.resolutionMet, breached: c.resolutionBreached, running: c.resolutionRunning, metRate: rate(c.resolutionMet, c.resolutionMet + c.resolutionBreached) },
    ];
  });
}

/**
 * SLA met and breached by priority and by plan, for the tickets created in the period that had a
 * target. A target met late counts as breached (its breach instant is recorded); "running" targets are
 * neither met nor breached yet. Business time is the SLA area's: this reads its recorded outcomes.
 */
export async function slaReport(deps: ServiceDeps, period: ReportPeriod): Promise<SlaReport> {
  const byPriority = await slaCountsBy(deps.db, 'priority', period.fromIso, period.toIso);
  const byPlan = await slaCountsBy(deps.db, 'planCode', period.fromIso, period.toIso);
  const priorities = [...Priority.options].reverse();
  return { report: 'sla', from: period.from, to: period.to, rows: [...rows('priority', byPriority, priorities), ...rows('plan', byPlan, [])] };
}
