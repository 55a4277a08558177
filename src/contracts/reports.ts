import { z } from 'zod';

/**
 * Managers' reports (`GET /api/v1/reports/<name>`), agents and admins only. Periods are UTC calendar
 * days, `from` and `to` both included. `format=csv` answers the same figures as RFC 4180 CSV (UTF-8, no
 * byte-order mark, CRLF) whose header row is the stable English column keys of REPORT_CSV_COLUMNS —
 * never translated, so spreadsheets and scripts keep working whatever the reader's language.
 */
export const REPORT_NAMES = ['first-response', 'sla', 'backlog', 'volume', 'deflection', 'reopens'] as const;
/** A report name. */
export const ReportName = z.enum(REPORT_NAMES);
/** A report name. */
export type ReportName = z.infer<typeof ReportName>;

/** The CSV columns of each report, in order (documented in docs/ARCHITECTURE.md, "Reports"). */
export const REPORT_CSV_COLUMNS: Record<ReportName, readonly string[]> = {
  'first-response': ['bucket', 'from_minutes', 'to_minutes', 'tickets'],
  sla: ['dimension', 'key', 'target', 'met', 'breached', 'running', 'met_rate'],
  backlog: ['day', 'open', 'pending', 'total'],
  volume: ['period', 'channel', 'tickets'],
  deflection: ['week', 'sessions', 'with_results', 'deflected', 'tickets_filed', 'deflection_rate'],
  reopens: ['period', 'resolved', 'reopened', 'reopens', 'reopen_rate'],
};

/** The longest period a report covers (days). */
export const MAX_REPORT_DAYS = 366;

/** Path parameter. */
export const ReportParams = z.object({ name: ReportName });

/** Query of every report. */
export const ReportQuery = z
  .object({
    from: z.iso.date().optional().describe('First day (UTC, YYYY-MM-DD); default 29 days before `to`'),
    to: z.iso.date().optional().describe('Last day (UTC, YYYY-MM-DD), included; default today'),
    groupBy: z.enum(['day', 'week', 'month']).default('week').describe('Periods of the volume and reopen series (weeks start on Monday)'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
/** Report query. */
export type ReportQuery = z.infer<typeof ReportQuery>;

const Period = { from: z.string().describe('First day (UTC)'), to: z.string().describe('Last day (UTC), included') };
const Rate = z.number().nullable().describe('Share between 0 and 1 (four decimals); null when nothing to divide by');

/** First-response time distribution (wall-clock minutes, tickets created in the period). */
export const FirstResponseReport = z.object({
  report: z.literal('first-response'),
  ...Period,
  tickets: z.number().int().describe('Tickets created in the period'),
  answered: z.number().int().describe('Of them, answered publicly by an agent'),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  buckets: z.array(z.object({ key: z.string(), fromMinutes: z.number().int(), toMinutes: z.number().int().nullable(), count: z.number().int() })),
});

/** One line of the SLA report. */
export const SlaReportRow = z.object({
  dimension: z.enum(['priority', 'plan']),
  key: z.string().describe('The priority, or the plan code ("none" without a plan)'),
  target: z.enum(['firstResponse', 'resolution']),
  met: z.number().int(),
  breached: z.number().int(),
  running: z.number().int().describe('Neither met nor breached yet'),
  metRate: Rate.describe('met / (met + breached)'),
});
/** SLA met and breached by priority and by plan (tickets created in the period that had a target). */
export const SlaReport = z.object({ report: z.literal('sla'), ...Period, rows: z.array(SlaReportRow) });

/** Backlog at the end of each day. */
export const BacklogReport = z.object({
  report: z.literal('backlog'),
  ...Period,
  points: z.array(z.object({ day: z.string(), open: z.number().int().describe('new or open'), pending: z.number().int(), total: z.number().int() })),
});

/** Tickets created per period and channel. */
export const VolumeReport = z.object({
  report: z.literal('volume'),
  ...Period,
  groupBy: z.enum(['day', 'week', 'month']),
  channels: z.array(z.string()).describe('Channels present, in a stable order'),
  totals: z.record(z.string(), z.number().int()).describe('Tickets per channel over the period'),
  periods: z.array(z.object({ period: z.string().describe('First day of the period'), total: z.number().int(), byChannel: z.record(z.string(), z.number().int()) })),
});

/** Knowledge-base deflection per week, all languages. */
export const DeflectionRateReport = z.object({
  report: z.literal('deflection'),
  ...Period,
  weeks: z.array(z.object({ week: z.string(), sessions: z.number().int(), withResults: z.number().int(), deflected: z.number().int(), ticketsFiled: z.number().int(), deflectionRate: Rate })),
  total: z.object({ sessions: z.number().int(), withResults: z.number().int(), deflected: z.number().int(), ticketsFiled: z.number().int(), deflectionRate: Rate }),
});

/** Reopen rate of the tickets created in each period that were solved at least once. */
export const ReopenReport = z.object({
  report: z.literal('reopens'),
  ...Period,
  groupBy: z.enum(['day', 'week', 'month']),
  periods: z.array(z.object({ period: z.string(), resolved: z.number().int(), reopened: z.number().int().describe('Reopened at least once'), reopens: z.number().int().describe('Reopenings in all'), reopenRate: Rate })),
  total: z.object({ resolved: z.number().int(), reopened: z.number().int(), reopens: z.number().int(), reopenRate: Rate }),
});

/** Any report. */
export const ReportDto = z.discriminatedUnion('report', [FirstResponseReport, SlaReport, BacklogReport, VolumeReport, DeflectionRateReport, ReopenReport]);
/** Any report. */
export type ReportDto = z.infer<typeof ReportDto>;
export type FirstResponseReport = z.infer<typeof FirstResponseReport>;
export type SlaReport = z.infer<typeof SlaReport>;
export type BacklogReport = z.infer<typeof BacklogReport>;
export type VolumeReport = z.infer<typeof VolumeReport>;
export type DeflectionRateReport = z.infer<typeof DeflectionRateReport>;
export type ReopenReport = z.infer<typeof ReopenReport>;
