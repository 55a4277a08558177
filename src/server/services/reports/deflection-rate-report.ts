import type { DeflectionRateReport } from '../../../contracts/reports.js';
import { rate } from '../../../domain/reports/rates.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { deflectionReport } from '../kb/deflection-report.js';
import type { ReportPeriod } from './report-period.js';

/** The knowledge base's deflection report (per week and language), summed over languages. */
export async function deflectionRateReport(deps: ServiceDeps, actor: Actor, period: ReportPeriod): Promise<DeflectionRateReport> {
  const kb = await deflectionReport(deps, { actor, from: period.from, to: period.to, top: 1 });
  const weeks = new Map<string, { week: string; sessions: number; withResults: number; deflected: number; ticketsFiled: number; deflectionRate: number | null }>();
  const total = { sessions: 0, withResults: 0, deflected: 0, ticketsFiled: 0, deflectionRate: null as number | null };
  for (const w of kb.weeks) {
    const acc = weeks.get(w.week) ?? { week: w.week, sessions: 0, withResults: 0, deflected: 0, ticketsFiled: 0, deflectionRate: null };
    weeks.set(w.week, acc);
    for (const a of [acc, total]) {
      a.sessions += w.sessions;
      a.withResults += w.withResults;
      a.deflected += w.deflected;
      a.ticketsFiled += w.ticketsFiled;
    }
  }
  const list = [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
  for (const a of [...list, total]) a.deflectionRate = rate(a.deflected, a.withResults);
  return { report: 'deflection', from: period.from, to: period.to, weeks: list, total };
}
