import { v7 as uuidv7 } from 'uuid';
import { fairUsePenalty, type FairUseFactor } from '../../../domain/fair-use/score.js';
import { notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findUserById } from '../../repositories/users.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { entityHistory } from '../entitlements/entity-history.js';
import { readFairUsePolicy } from '../entitlements/settings.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';
import { readFairUseStanding } from './fair-use-standing.js';
import { fairUseNotice, presentFactors } from './present-fair-use.js';
import { scheduleFairUseRecompute } from './recompute-fair-use.js';

/** A customer's standing as agents see it. */
export interface FairUseCustomerView {
  userId: string;
  score: number;
  threshold: number;
  aboveThreshold: boolean;
  exempt: boolean;
  exemptReason: string | null;
  penaltyApplies: boolean;
  factors: Array<FairUseFactor & { text: string }>;
  computedAt: string | null;
  windowDays: number;
}

async function requireCustomer(deps: ServiceDeps, userId: string): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user || user.role !== 'customer') throw notFound('user');
}

/** A customer's score, factors and exemption (agents). */
export async function getFairUseCustomer(deps: ServiceDeps, actor: Actor, userId: string): Promise<FairUseCustomerView> {
  await requireCustomer(deps, userId);
  const policy = await readFairUsePolicy(deps.db);
  const s = await readFairUseStanding(deps.db, userId);
  return {
    userId,
    score: s?.score ?? 0,
    threshold: policy.threshold,
    aboveThreshold: s?.aboveThreshold ?? false,
    exempt: s?.exempt ?? false,
    exemptReason: s?.exemptReason ?? null,
    penaltyApplies: (s?.penalty ?? 0) > 0,
    factors: presentFactors(deps, actor.language, s?.factors ?? []),
    computedAt: s?.computedAt ?? null,
    windowDays: policy.windowDays,
  };
}

/** The notice a customer sees about their own standing (null text when nothing applies). */
export async function getFairUseNotice(deps: ServiceDeps, actor: Actor): Promise<{ penaltyApplies: boolean; notice: string | null; factors: Array<FairUseFactor & { text: string }> }> {
  const s = await readFairUseStanding(deps.db, actor.id);
  const policy = await readFairUsePolicy(deps.db);
  const applies = (s?.penalty ?? 0) > 0;
  return {
    penaltyApplies: applies,
    notice: applies ? fairUseNotice(deps, actor.language, s!.factors, policy.windowDays) : null,
    factors: presentFactors(deps, actor.language, s?.factors ?? []),
  };
}

/**
 * Exempts a customer from the fair-use penalty, or ends the exemption (admins). Exempting also
 * lifts the penalty from their open tickets; each change is in the history.
 */
export async function setFairUseExemption(deps: ServiceDeps, actor: Actor, userId: string, exempt: boolean, reason: string): Promise<FairUseCustomerView> {
  await requireCustomer(deps, userId);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await readFairUseStanding(trx, userId);
    await trx
      .insertInto('fairUseCustomers')
      .values({ userId, score: 0, factors: JSON.stringify({ threshold: 0, factors: [] }), penalized: 0, exempt: exempt ? 1 : 0, exemptReason: reason, computedAt: null, updatedAt: at })
      .onConflict((oc) => oc.column('userId').doUpdateSet({ exempt: exempt ? 1 : 0, exemptReason: reason, updatedAt: at }))
      .execute();
    await insertHistory(trx, [entityHistory('fair_use', userId, actor.id, at, exempt ? 'exempted' : 'exemption_ended', { exempt: before?.exempt ?? false }, { exempt, reason })]);
    if (!exempt) return;
    const open = await trx.selectFrom('tickets').select('id').where('requesterId', '=', userId).where('fairUsePenalty', '>', 0).where('queueKey', 'is not', null).execute();
    for (const t of open) {
      await trx.updateTable('tickets').set({ fairUsePenalty: fairUsePenalty({ aboveThreshold: true, exempt: true }) }).where('id', '=', t.id).execute();
      await insertHistory(trx, [ticketHistory(t.id, actor.id, at, 'fair_use_exempted', { field: 'fairUsePenalty', before: 1, after: 0, internal: false })]);
      await runTicketHooks({ trx, ticketId: t.id, actorId: actor.id, event: { type: 'updated', changes: [{ field: 'fairUsePenalty', before: 1, after: 0 }], reason }, at }, deps);
    }
  });
  return getFairUseCustomer(deps, actor, userId);
}

/** Marks (or unmarks) a ticket "previous solution steps not followed" (agents); the requester's score is recomputed. */
export async function setStepsNotFollowed(deps: ServiceDeps, actor: Actor, ticketRef: string, marked: boolean, note: string | null): Promise<{ marked: boolean }> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('fairUseFlags').select('id').where('ticketId', '=', ticket.id).where('kind', '=', 'steps_not_followed').executeTakeFirst();
    if (marked === Boolean(existing)) return;
    if (marked) {
      await trx.insertInto('fairUseFlags').values({ id: uuidv7(), ticketId: ticket.id, customerId: ticket.requesterId, kind: 'steps_not_followed', note, createdById: actor.id, createdAt: at }).execute();
    } else {
      await trx.deleteFrom('fairUseFlags').where('id', '=', existing!.id).execute();
    }
    await insertHistory(trx, [ticketHistory(ticket.id, actor.id, at, marked ? 'steps_not_followed_marked' : 'steps_not_followed_unmarked', { field: 'stepsNotFollowed', before: !marked, after: { marked, note }, internal: false })]);
    await scheduleFairUseRecompute(deps, trx, ticket.requesterId, at);
  });
  return { marked };
}

