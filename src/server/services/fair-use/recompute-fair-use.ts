import { v7 as uuidv7 } from 'uuid';
import { dayInZone } from '../../../domain/entitlement/calendar-day.js';
import { scoreFairUse, type CustomerActivity, type FairUsePolicy, type FairUseScore } from '../../../domain/fair-use/score.js';
import type { Executor } from '../../db/schema.js';
import { insertHistory } from '../../repositories/history.repository.js';
import type { ServiceDeps } from '../deps.js';
import { readEntitlementSettings, readFairUsePolicy } from '../entitlements/settings.js';

/** Name and key of the periodic sweep job. */
export const FAIR_USE_SWEEP = { name: 'fair-use.sweep', uniqueKey: 'fair-use:sweep', everyMinutes: 60 } as const;

/** What a customer did in the window that starts at `since`. */
export async function customerActivity(db: Executor, userId: string, since: string, timeZone: string): Promise<CustomerActivity> {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'createdAt', 'answeredByArticleId'])
    .where('requesterId', '=', userId)
    .where((eb) => eb.or([eb('createdAt', '>=', since), eb('lastCustomerMessageAt', '>=', since)]))
    .execute();
  const ids = tickets.map((t) => t.id);
  const messages = ids.length
    ? await db.selectFrom('messages').select(['ticketId', 'createdAt']).where('ticketId', 'in', ids).where('authorId', '=', userId).where('kind', '=', 'customer').where('createdAt', '>=', since).execute()
    : [];
  const perTicket = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const m of messages) {
    perTicket.set(m.ticketId, (perTicket.get(m.ticketId) ?? 0) + 1);
    const day = dayInZone(new Date(m.createdAt), timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const recent = tickets.filter((t) => new Date(t.createdAt).getTime() >= new Date(since).getTime());
  const flags = await db.selectFrom('fairUseFlags').select((eb) => eb.fn.countAll<number>().as('n')).where('customerId', '=', userId).where('createdAt', '>=', since).executeTakeFirstOrThrow();
  return {
    messagesPerTicket: [...perTicket.values()],
    messagesPerDay: [...perDay.values()],
    tickets: recent.length,
    answeredByDocumentation: recent.filter((t) => t.answeredByArticleId !== null).length,
    stepsNotFollowed: Number(flags.n),
  };
}

/** Stores a score, and records in the history when the customer crosses the threshold either way. */
async function storeScore(db: Executor, userId: string, result: FairUseScore, at: string): Promise<void> {
  const before = await db.selectFrom('fairUseCustomers').select(['penalized', 'score']).where('userId', '=', userId).executeTakeFirst();
  const penalized = result.aboveThreshold ? 1 : 0;
  const factors = JSON.stringify({ threshold: result.threshold, factors: result.factors });
  await db
    .insertInto('fairUseCustomers')
    .values({ userId, score: result.score, factors, penalized, exempt: 0, exemptReason: null, computedAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ score: result.score, factors, penalized, computedAt: at, updatedAt: at }))
    .execute();
  if ((before ? Number(before.penalized) : 0) !== penalized) {
    await insertHistory(db, [{
      id: uuidv7(), ticketId: null, entityType: 'fair_use', entityId: userId, actorId: null, action: penalized ? 'above_threshold' : 'below_threshold',
      field: 'score', before: JSON.stringify(before ? Number(before.score) : 0), after: JSON.stringify({ score: result.score, threshold: result.threshold, factors: result.factors }), internal: 1, createdAt: at,
    }]);
  }
}

/** Window start for a policy at an instant. */
export function windowStart(policy: FairUsePolicy, now: Date): string {
  return new Date(now.getTime() - policy.windowDays * 86_400_000).toISOString();
}

/** Recomputes one customer's score from their recent activity. */
export async function recomputeFairUse(deps: ServiceDeps, userId: string): Promise<FairUseScore> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const policy = await readFairUsePolicy(trx);
    const settings = await readEntitlementSettings(trx, deps.config);
    const activity = await customerActivity(trx, userId, windowStart(policy, now), settings.dayTimeZone);
    const result = scoreFairUse(activity, policy);
    await storeScore(trx, userId, result, now.toISOString());
    return result;
  });
}

/** Recomputes every customer active in the window or holding a score; returns how many. */
export async function sweepFairUse(deps: ServiceDeps): Promise<number> {
  const policy = await readFairUsePolicy(deps.db);
  const since = windowStart(policy, deps.clock.now());
  const active = await deps.db.selectFrom('tickets').select('requesterId').distinct().where('lastCustomerMessageAt', '>=', since).execute();
  const flagged = await deps.db.selectFrom('fairUseFlags').select('customerId').distinct().where('createdAt', '>=', since).execute();
  const scored = await deps.db.selectFrom('fairUseCustomers').select('userId').where((eb) => eb.or([eb('score', '>', 0), eb('penalized', '=', 1)])).execute();
  const ids = new Set([...active.map((r) => r.requesterId), ...flagged.map((r) => r.customerId), ...scored.map((r) => r.userId)]);
  for (const id of ids) await recomputeFairUse(deps, id);
  return ids.size;
}

/**
 * Schedules a customer's recomputation a minute from now. While one is queued, further activity
 * only reads: a burst of tickets or messages costs one job and no extra writes, and a customer who
 * never stops writing is still recomputed every minute.
 */
export async function scheduleFairUseRecompute(deps: ServiceDeps, db: Executor, userId: string, at: string): Promise<void> {
  const uniqueKey = `fair-use:user:${userId}`;
  const queued = await db.selectFrom('jobs').select('id').where('uniqueKey', '=', uniqueKey).where('state', '=', 'queued').executeTakeFirst();
  if (queued) return;
  const runAt = new Date(new Date(at).getTime() + 60_000).toISOString();
  await deps.jobs.enqueue(db, 'fair-use.recompute', { userId }, { runAt, uniqueKey });
}

/** Makes sure the periodic sweep is queued (it reschedules itself after each run). */
export async function ensureFairUseSweep(deps: ServiceDeps, db: Executor, from: Date): Promise<void> {
  const queued = await db.selectFrom('jobs').select('id').where('uniqueKey', '=', FAIR_USE_SWEEP.uniqueKey).where('state', '=', 'queued').executeTakeFirst();
  if (queued) return;
  const runAt = new Date(from.getTime() + FAIR_USE_SWEEP.everyMinutes * 60_000).toISOString();
  await deps.jobs.enqueue(db, FAIR_USE_SWEEP.name, {}, { runAt, uniqueKey: FAIR_USE_SWEEP.uniqueKey });
}
