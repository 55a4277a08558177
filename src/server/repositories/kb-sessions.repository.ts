import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { KbSessionsTable } from '../db/tables/kb.js';

/** A suggestion session row. */
export type KbSessionRow = Selectable<KbSessionsTable>;

/**
 * Suggestion sessions are analytics written on every pause in typing: on PostgreSQL their commit does
 * not wait for the disk (losing the last fraction of a second of them in a crash is acceptable, an
 * fsync per keystroke is not). The setting is made by the statement itself (RETURNING runs before the
 * commit, which reads it), so it costs no extra round trip. SQLite in WAL mode does not sync per commit.
 */
const RELAXED = sql<string>`set_config('synchronous_commit', 'off', true)`.as('relaxed');

/** Inserts a session. */
export async function insertSession(db: Executor, row: Insertable<KbSessionsTable>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const q = db.insertInto('kbSessions').values(row);
  await (dialect === 'postgres' ? q.returning(RELAXED) : q).execute();
}

/** Updates a session. */
export async function updateSession(db: Executor, id: string, patch: Updateable<KbSessionsTable>, dialect: 'sqlite' | 'postgres' = 'sqlite'): Promise<void> {
  const q = db.updateTable('kbSessions').set(patch).where('id', '=', id);
  await (dialect === 'postgres' ? q.returning(RELAXED) : q).execute();
}

/** One session. */
export function findSession(db: Executor, id: string): Promise<KbSessionRow | undefined> {
  return db.selectFrom('kbSessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session a ticket was filed from. */
export function findSessionOfTicket(db: Executor, ticketId: string): Promise<KbSessionRow | undefined> {
  return db.selectFrom('kbSessions').selectAll().where('ticketId', '=', ticketId).orderBy('createdAt', 'desc').executeTakeFirst();
}

/** Counts per week and language for the deflection report. */
export interface WeekCounts {
  week: string;
  lang: string;
  sessions: number;
  withResults: number;
  opened: number;
  ticketsFiled: number;
  deflected: number;
}

/** Sessions per week and language between two Mondays (inclusive). */
export async function countSessionsByWeek(db: Executor, fromWeek: string, toWeek: string, lang?: string): Promise<WeekCounts[]> {
  let q = db
    .selectFrom('kbSessions')
    .select([
      'week',
      'lang',
      (eb) => eb.fn.countAll<number>().as('sessions'),
      sql<number>`sum(case when results_count > 0 or shown_article_ids <> '[]' then 1 else 0 end)`.as('withResults'),
      sql<number>`sum(case when opened_article_id is not null then 1 else 0 end)`.as('opened'),
      sql<number>`sum(case when ticket_id is not null then 1 else 0 end)`.as('ticketsFiled'),
      sql<number>`sum(case when (results_count > 0 or shown_article_ids <> '[]') and ticket_id is null then 1 else 0 end)`.as('deflected'),
    ])
    .where('week', '>=', fromWeek)
    .where('week', '<=', toWeek);
  if (lang) q = q.where('lang', '=', lang);
  const rows = await q.groupBy(['week', 'lang']).orderBy('week').orderBy('lang').execute();
  return rows.map((r) => ({
    week: r.week,
    lang: r.lang,
    sessions: Number(r.sessions),
    withResults: Number(r.withResults),
    opened: Number(r.opened),
    ticketsFiled: Number(r.ticketsFiled),
    deflected: Number(r.deflected),
  }));
}

/** The most frequent questions that found nothing in a period. */
export async function topUnanswered(db: Executor, fromIso: string, toIso: string, limit: number, lang?: string): Promise<Array<{ question: string; lang: string; count: number; lastAskedAt: string }>> {
  let q = db
    .selectFrom('kbSessions')
    .select(['questionNorm', 'lang', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('question').as('question'), (eb) => eb.fn.max('updatedAt').as('lastAskedAt')])
    .where('resultsCount', '=', 0)
    .where('shownArticleIds', '=', '[]')
    .where('questionNorm', '!=', '')
    .where('createdAt', '>=', fromIso)
    .where('createdAt', '<', toIso);
  if (lang) q = q.where('lang', '=', lang);
  const rows = await q.groupBy(['questionNorm', 'lang']).orderBy('count', 'desc').orderBy('questionNorm').limit(limit).execute();
  return rows.map((r) => ({ question: String(r.question), lang: r.lang, count: Number(r.count), lastAskedAt: String(r.lastAskedAt) }));
}
