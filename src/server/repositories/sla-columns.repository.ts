import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/schema.js';

/** The SLA columns of the ticket row, snake_case, with whether they hold timestamps. */
const COLUMNS: Array<[string, string, boolean]> = [
  ['slaPolicyId', 'sla_policy_id', false],
  ['slaCalendarId', 'sla_calendar_id', false],
  ['slaPausedAt', 'sla_paused_at', true],
  ['firstResponseDueAt', 'first_response_due_at', true],
  ['firstResponseMetAt', 'first_response_met_at', true],
  ['firstResponseBreachedAt', 'first_response_breached_at', true],
  ['nextResponseDueAt', 'next_response_due_at', true],
  ['nextResponseMetAt', 'next_response_met_at', true],
  ['nextResponseBreachedAt', 'next_response_breached_at', true],
  ['resolutionDueAt', 'resolution_due_at', true],
  ['resolutionMetAt', 'resolution_met_at', true],
  ['resolutionBreachedAt', 'resolution_breached_at', true],
];

const CHUNK = 400;

/**
 * Writes the SLA columns of many tickets in a few statements (UPDATE ... FROM a VALUES list), for
 * rebuilds: one statement per ticket would cost more than computing the SLA itself.
 */
export async function updateSlaColumnsMany(db: Executor, dialect: Dialect, rows: Array<{ id: string; columns: Record<string, string | null> }>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const values = sql.join(chunk.map((r) => sql`(${sql.join([r.id, ...COLUMNS.map(([k]) => r.columns[k] ?? null)])})`));
    const names = sql.raw(['id', ...COLUMNS.map(([, c]) => c)].join(', '));
    const sets = sql.raw(COLUMNS.map(([, c, ts]) => `${c} = v.${c}${ts && dialect === 'postgres' ? '::timestamptz' : ''}`).join(', '));
    await sql`with v(${names}) as (values ${values}) update tickets set ${sets} from v where tickets.id = v.id`.execute(db);
  }
}
