import type { BacklogReport } from '../../../contracts/reports.js';
import { backlogSeries, type TicketStates } from '../../../domain/reports/backlog.js';
import { daysBetween, endOfDay } from '../../../domain/reports/period.js';
import { backlogTickets, type BacklogTicket } from '../../repositories/reports.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { ReportPeriod } from './report-period.js';

/**
 * A ticket's states from its history; when the history does not end in the current state (imported or
 * seeded tickets), the current state is taken from when it was reached (closed, solved or last update).
 */
export function statesOf(t: BacklogTicket): TicketStates {
  const changes = t.changes.map((c) => ({ at: Date.parse(c.at), state: c.state }));
  const last = changes[changes.length - 1]?.state ?? 'new';
  if (last !== t.state) changes.push({ at: Date.parse(t.closedAt ?? t.solvedAt ?? t.updatedAt), state: t.state });
  return { createdAt: Date.parse(t.createdAt), changes };
}

/** Tickets not solved at the end of each day of the period (new or open, and pending). */
export async function backlogReport(deps: ServiceDeps, period: ReportPeriod): Promise<BacklogReport> {
  const tickets = (await backlogTickets(deps.db, period.fromIso, period.toIso)).map(statesOf);
  const days = daysBetween(period.from, period.to);
  return { report: 'backlog', from: period.from, to: period.to, points: backlogSeries(tickets, days, days.map((d) => Date.parse(endOfDay(d)))) };
}
