import { REPORT_CSV_COLUMNS, type ReportDto, type ReportName } from '../../../contracts/reports.js';
import type { Granularity } from '../../../domain/reports/period.js';
import { writeCsv, type CsvCell } from '../../../domain/reports/write-csv.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { backlogReport } from './backlog-report.js';
import { deflectionRateReport } from './deflection-rate-report.js';
import { firstResponseReport } from './first-response-report.js';
import { reopenReport } from './reopen-report.js';
import { reportPeriod, requireReportReader } from './report-period.js';
import { slaReport } from './sla-report.js';
import { volumeReport } from './volume-report.js';

/** What a report is asked with. */
export interface RunReportInput {
  actor: Actor;
  name: ReportName;
  from?: string | undefined;
  to?: string | undefined;
  groupBy: Granularity;
}

/** Runs a report for an agent or admin. */
export async function runReport(deps: ServiceDeps, input: RunReportInput): Promise<ReportDto> {
  requireReportReader(input.actor);
  const period = reportPeriod(deps, input);
  switch (input.name) {
    case 'first-response':
      return firstResponseReport(deps, period);
    case 'sla':
      return slaReport(deps, period);
    case 'backlog':
      return backlogReport(deps, period);
    case 'volume':
      return volumeReport(deps, period, input.groupBy);
    case 'deflection':
      return deflectionRateReport(deps, input.actor, period);
    case 'reopens':
      return reopenReport(deps, period, input.groupBy);
  }
}

/** The rows of a report's CSV, in the order of REPORT_CSV_COLUMNS[report]. */
export function csvRows(r: ReportDto): CsvCell[][] {
  switch (r.report) {
    case 'first-response':
      return r.buckets.map((b) => [b.key, b.fromMinutes, b.toMinutes, b.count]);
    case 'sla':
      return r.rows.map((x) => [x.dimension, x.key, x.target, x.met, x.breached, x.running, x.metRate]);
    case 'backlog':
      return r.points.map((p) => [p.day, p.open, p.pending, p.total]);
    case 'volume':
      return r.periods.flatMap((p) => r.channels.map((c) => [p.period, c, p.byChannel[c] ?? 0]));
    case 'deflection':
      return r.weeks.map((w) => [w.week, w.sessions, w.withResults, w.deflected, w.ticketsFiled, w.deflectionRate]);
    case 'reopens':
      return r.periods.map((p) => [p.period, p.resolved, p.reopened, p.reopens, p.reopenRate]);
  }
}

/** A report as CSV text (stable English column keys, RFC 4180, UTF-8 without BOM). */
export function reportCsv(r: ReportDto): string {
  return writeCsv(REPORT_CSV_COLUMNS[r.report], csvRows(r));
}
