import { resolveEntitlement, ticketTier, type Entitlement } from '../../../domain/entitlement/resolve-entitlement.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';
import { moveCredits } from '../../repositories/credits.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import type { PlanRow } from '../../repositories/plans.repository.js';
import type { ServiceDeps } from '../deps.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { pickDesignatedEngineer } from './designated-engineer.js';
import { loadEntitlementFacts } from './entitlement-facts.js';
import { explainText, langOf, planNamesOf } from './explain.js';
import { readFairUseStanding } from '../fair-use/fair-use-standing.js';
import { readEntitlementSettings, type EntitlementSettings } from './settings.js';

type Trx = Transaction<DB>;
type TicketFacts = Awaited<ReturnType<typeof loadTicket>>;

function loadTicket(trx: Trx, ticketId: string) {
  return trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow();
}

async function readerLanguage(trx: Trx, actorId: string | null, fallback: string): Promise<string> {
  const row = actorId ? await trx.selectFrom('users').select('language').where('id', '=', actorId).executeTakeFirst() : undefined;
  return langOf(row?.language ?? fallback);
}

/** Refuses the request when the admin chose so for what it lacks (the transaction rolls back with it). */
function refuseIfPolicySays(deps: ServiceDeps, settings: EntitlementSettings, ent: Entitlement, plans: PlanRow[], lang: string): void {
  const names = planNamesOf(plans);
  if (ent.basis === 'none' && settings.unentitledPolicy === 'refuse') {
    throw new AppError('entitlement_refused', { detailKey: 'entitlement_refused', params: { reason: explainText(deps.i18n, lang, ent.explanation, names) } });
  }
  if (!ent.channelAllowed && settings.channelPolicy === 'refuse') {
    const note = ent.notes.find((n) => n.key.startsWith('explain.channel_not_allowed'))!;
    throw new AppError('entitlement_refused', { detailKey: 'entitlement_refused_channel', params: { reason: explainText(deps.i18n, lang, note, names) } });
  }
}

/** Spends one premium credit of the requester's organization, or refuses the request. */
async function spendPremiumCredit(trx: Trx, ticket: TicketFacts, actorId: string | null, at: string): Promise<void> {
  if (!ticket.organizationId) throw new AppError('premium_credits_exhausted', { detailKey: 'premium_needs_organization' });
  const balance = await moveCredits(trx, { organizationId: ticket.organizationId, kind: 'spend', amount: -1, ticketId: ticket.id, actorId, reason: ticket.number, at });
  if (balance === null) throw new AppError('premium_credits_exhausted', { detailKey: 'premium_credits_exhausted' });
}

/** Writes the decision on the ticket row, its explanation row and the history. */
async function record(trx: Trx, ticket: TicketFacts, ent: Entitlement, plans: PlanRow[], actorId: string | null, at: string, extra: { fairUse: string | null; penalty: number; announcePenalty: boolean }): Promise<{ planCode: string | null; tier: string }> {
  const premium = Number(ticket.premium) === 1;
  const premiumPlan = premium ? plans.find((p) => p.basis === 'premium' && Number(p.active) === 1) : undefined;
  const planCode = premiumPlan?.code ?? ent.planCode;
  const tier = ticketTier(ent, premium);
  await trx.updateTable('tickets').set({ planCode, tier, fairUsePenalty: extra.penalty }).where('id', '=', ticket.id).execute();
  const row = {
    planCode, basePlanCode: ent.planCode, tier, basis: ent.basis, licenceId: ent.licenceId, contractId: ent.contractId, problem: ent.problem,
    explanation: JSON.stringify(ent.explanation), notes: JSON.stringify(ent.notes), fairUse: extra.fairUse, resolvedAt: at,
  };
  await trx.insertInto('ticketEntitlements').values({ ticketId: ticket.id, ...row }).onConflict((oc) => oc.column('ticketId').doUpdateSet(row)).execute();
  await insertHistory(trx, [
    ticketHistory(ticket.id, actorId, at, 'entitlement', { field: 'planCode', before: ticket.planCode, after: { planCode, tier, premium, basis: ent.basis, problem: ent.problem, explanation: ent.explanation.key }, internal: false }),
    ...(extra.announcePenalty && extra.penalty > 0 ? [ticketHistory(ticket.id, null, at, 'fair_use_penalty', { field: 'fairUsePenalty', before: 0, after: extra.penalty, internal: false })] : []),
  ]);
  return { planCode, tier };
}

/** Gives a direct-assistance ticket to the organization's designated engineer (or the deputy). */
async function assignDesignatedEngineer(trx: Trx, ticket: TicketFacts, ent: Entitlement, at: string): Promise<void> {
  if (!ent.plan?.designatedEngineer || !ent.planCode || !ticket.organizationId || ticket.assigneeId) return;
  const pick = await pickDesignatedEngineer(trx, ticket.organizationId, at);
  if (!pick) return;
  await trx.updateTable('tickets').set({ assigneeId: pick.userId }).where('id', '=', ticket.id).execute();
  await insertHistory(trx, [ticketHistory(ticket.id, null, at, pick.role === 'engineer' ? 'assigned_designated_engineer' : 'assigned_deputy_engineer', { field: 'assigneeId', before: null, after: pick.userId })]);
}

/**
 * Resolves a new ticket's entitlement inside its creation transaction: refuses it when the admin's
 * policy says so, spends a premium credit for a premium request (or refuses it), applies the
 * requester's fair-use standing, assigns a direct-assistance ticket to the designated engineer, and
 * writes plan, tier and the explanation. Throwing rolls the whole ticket back.
 */
export async function applyEntitlementOnCreate(deps: ServiceDeps, trx: Trx, ticketId: string, actorId: string | null, at: string): Promise<void> {
  const ticket = await loadTicket(trx, ticketId);
  const settings = await readEntitlementSettings(trx, deps.config);
  const { request, plans } = await loadEntitlementFacts(trx, ticket, settings);
  const ent = resolveEntitlement(request);
  refuseIfPolicySays(deps, settings, ent, plans, await readerLanguage(trx, actorId, ticket.language));
  if (Number(ticket.premium) === 1) await spendPremiumCredit(trx, ticket, actorId, at);
  const standing = await readFairUseStanding(trx, ticket.requesterId);
  await record(trx, ticket, ent, plans, actorId, at, { fairUse: standing ? JSON.stringify(standing) : null, penalty: standing?.penalty ?? 0, announcePenalty: true });
  await assignDesignatedEngineer(trx, ticket, ent, at);
}

/**
 * Resolves an existing ticket's entitlement again (after its licence number changed): plan and tier
 * follow, premium and the fair-use penalty stay as they were. Returns the fields that changed.
 */
export async function reapplyEntitlement(deps: ServiceDeps, trx: Trx, ticketId: string, actorId: string, at: string): Promise<Array<{ field: string; before: unknown; after: unknown }>> {
  const ticket = await loadTicket(trx, ticketId);
  const settings = await readEntitlementSettings(trx, deps.config);
  const { request, plans } = await loadEntitlementFacts(trx, ticket, settings);
  const ent = resolveEntitlement(request);
  refuseIfPolicySays(deps, settings, ent, plans, await readerLanguage(trx, actorId, ticket.language));
  const previous = await trx.selectFrom('ticketEntitlements').select('fairUse').where('ticketId', '=', ticketId).executeTakeFirst();
  const after = await record(trx, ticket, ent, plans, actorId, at, { fairUse: previous?.fairUse ?? null, penalty: Number(ticket.fairUsePenalty), announcePenalty: false });
  await assignDesignatedEngineer(trx, ticket, ent, at);
  return [
    ...(after.planCode !== ticket.planCode ? [{ field: 'planCode', before: ticket.planCode, after: after.planCode }] : []),
    ...(after.tier !== ticket.tier ? [{ field: 'tier', before: ticket.tier, after: after.tier }] : []),
  ];
}
