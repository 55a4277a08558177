import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from '../db/schema.js';

/*
 * Report queries. The few expressions SQLite and PostgreSQL spell differently (a UTC day, minutes
 * between two instants) are chosen by dialect; everything else is the same Kysely query on both.
 * Timestamps are ISO-8601 UTC text on SQLite and timestamptz on PostgreSQL; periods are half-open
 * [fromIso, toIso).
 */

/** The UTC day (YYYY-MM-DD) of tickets.created_at. */
function createdDay(dialect: Dialect): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`to_char(tickets.created_at at time zone 'UTC', 'YYYY-MM-DD')` : sql<string>`substr(tickets.created_at, 1, 10)`;
}

/** Wall-clock minutes from tickets.created_at to tickets.first_response_at. */
function firstResponseMinutes(dialect: Dialect): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`extract(epoch from (tickets.first_response_at - tickets.created_at)) / 60.0`
    : sql<number>`(julianday(tickets.first_response_at) - julianday(tickets.created_at)) * 1440.0`;
}

/** Tickets created in the period, and the first-response minutes of those answered. */
export async function firstResponseMinutesOf(db: Executor, dialect: Dialect, fromIso: string, toIso: string): Promise<{ tickets: number; minutes: number[] }> {
  const count = await db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('createdAt', '>=', fromIso).where('createdAt', '<', toIso).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('tickets')
    .select(firstResponseMinutes(dialect).as('minutes'))
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso)
    .where('firstResponseAt', 'is not', null)
    .execute();
  return { tickets: Number(count.n), minutes: rows.map((r) => Number(r.minutes)) };
}

/** Met, breached and running counts of one target, grouped by priority or plan. */
export interface SlaCounts {
  key: string | null;
  firstMet: number;
  firstBreached: number;
  firstRunning: number;
  resolutionMet: number;
  resolutionBreached: number;
  resolutionRunning: number;
}

/** SLA outcome counts of tickets created in the period, grouped by a column. */
export async function slaCountsBy(db: Executor, column: 'priority' | 'planCode', fromIso: string, toIso: string): Promise<SlaCounts[]> {
  const col = column === 'priority' ? sql.ref('tickets.priority') : sql.ref('tickets.plan_code');
  const outcome = (target: 'first_response' | 'resolution') => ({
    met: sql<number>`sum(case when ${sql.ref(`${target}_breached_at`)} is null and ${sql.ref(`${target}_met_at`)} is not null then 1 else 0 end)`,
    breached: sql<number>`sum(case when ${sql.ref(`${target}_breached_at`)} is not null then 1 else 0 end)`,
    running: sql<number>`sum(case when ${sql.ref(`${target}_breached_at`)} is null and ${sql.ref(`${target}_met_at`)} is null and ${sql.ref(`${target}_due_at`)} is not null then 1 else 0 end)`,
  });
  const first = outcome('first_response');
  const res = outcome('resolution');
  const rows = await db
    .selectFrom('tickets')
    .select([
      col.as('key'),
      first.met.as('firstMet'),
      first.breached.as('firstBreached'),
      first.running.as('firstRunning'),
      res.met.as('resolutionMet'),
      res.breached.as('resolutionBreached'),
      res.running.as('resolutionRunning'),
    ])
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso)
    .where((eb) =>
      eb.or([eb('firstResponseDueAt', 'is not', null), eb('firstResponseBreachedAt', 'is not', null), eb('resolutionDueAt', 'is not', null), eb('resolutionBreachedAt', 'is not', null)]),
    )
    .groupBy(col)
    .execute();
  return rows.map((r) => ({
    key: (r.key as string | null) ?? null,
    firstMet: Number(r.firstMet),
    firstBreached: Number(r.firstBreached),
    firstRunning: Number(r.firstRunning),
    resolutionMet: Number(r.resolutionMet),
    resolutionBreached: Number(r.resolutionBreached),
    resolutionRunning: Number(r.resolutionRunning),
  }));
}

/** Tickets created per UTC day and channel. */
export async function volumeByDayAndChannel(db: Executor, dialect: Dialect, fromIso: string, toIso: string): Promise<Array<{ day: string; channel: string; tickets: number }>> {
  const day = createdDay(dialect);
  const rows = await db
    .selectFrom('tickets')
    .select([day.as('day'), 'channel', (eb) => eb.fn.countAll<number>().as('tickets')])
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso)
    .groupBy([day, 'channel'])
    .execute();
  return rows.map((r) => ({ day: String(r.day), channel: r.channel, tickets: Number(r.tickets) }));
}

/** Per UTC creation day: tickets solved at least once (solved, closed or reopened), reopened ones and reopenings. */
export async function reopensByDay(db: Executor, dialect: Dialect, fromIso: string, toIso: string): Promise<Array<{ day: string; resolved: number; reopened: number; reopens: number }>> {
  const day = createdDay(dialect);
  const rows = await db
    .selectFrom('tickets')
    .select([
      day.as('day'),
      (eb) => eb.fn.countAll<number>().as('resolved'),
      sql<number>`sum(case when tickets.reopen_count > 0 then 1 else 0 end)`.as('reopened'),
      sql<number>`sum(tickets.reopen_count)`.as('reopens'),
    ])
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso)
    .where((eb) => eb.or([eb('state', 'in', ['solved', 'closed']), eb('reopenCount', '>', 0)]))
    .groupBy(day)
    .execute();
  return rows.map((r) => ({ day: String(r.day), resolved: Number(r.resolved), reopened: Number(r.reopened), reopens: Number(r.reopens) }));
}

/** A ticket that may be in the backlog during a period, with its state changes (oldest first). */
export interface BacklogTicket {
  id: string;
  createdAt: string;
  updatedAt: string;
  state: string;
  solvedAt: string | null;
  closedAt: string | null;
  changes: Array<{ at: string; state: string }>;
}

/**
 * Tickets created before the end of the period, except those solved or closed since before its start
 * (their state cannot have changed since: any change would have moved them out of solved or closed,
 * or reset the instant), with their state changes from the history.
 */
export async function backlogTickets(db: Executor, fromIso: string, toIso: string): Promise<BacklogTicket[]> {
  const candidates = db
    .selectFrom('tickets')
    .where('createdAt', '<', toIso)
    .where((eb) =>
      eb.not(eb.or([eb.and([eb('state', '=', 'solved'), eb('solvedAt', '<', fromIso)]), eb.and([eb('state', '=', 'closed'), eb('closedAt', '<', fromIso)])])),
    );
  const tickets = await candidates.select(['id', 'createdAt', 'updatedAt', 'state', 'solvedAt', 'closedAt']).execute();
  const changes = await db
    .selectFrom('history')
    .select(['ticketId', 'after', 'createdAt'])
    .where('field', '=', 'state')
    .where('createdAt', '<', toIso)
    .where('ticketId', 'in', candidates.select('id'))
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const byId = new Map<string, BacklogTicket>(tickets.map((t) => [t.id, { ...t, changes: [] }]));
  for (const c of changes) {
    const after = c.after === null ? null : (JSON.parse(c.after) as unknown);
    if (typeof after === 'string' && c.ticketId) byId.get(c.ticketId)?.changes.push({ at: c.createdAt, state: after });
  }
  return [...byId.values()];
}
