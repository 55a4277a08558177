import type { z } from 'zod';
import type { TicketEntitlementDto } from '../../../contracts/entitlements.js';
import type { Explanation } from '../../../domain/entitlement/resolve-entitlement.js';
import { notFound, forbidden } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { listPlanRows } from '../../repositories/plans.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { presentFactors } from '../fair-use/present-fair-use.js';
import type { FairUseStanding } from '../fair-use/fair-use-standing.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';
import { reapplyEntitlement } from './apply-entitlement.js';
import { explainText, planNameIn, planNamesOf } from './explain.js';

type Dto = z.infer<typeof TicketEntitlementDto>;

/** What the entitlement made of a ticket, in the reader's language (agents and the requester's side). */
export async function getTicketEntitlement(deps: ServiceDeps, actor: Actor, ticketRef: string): Promise<Dto> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  const row = await deps.db.selectFrom('ticketEntitlements').selectAll().where('ticketId', '=', ticket.id).executeTakeFirst();
  if (!row) throw notFound();
  const names = planNamesOf(await listPlanRows(deps.db));
  const lang = actor.language;
  const say = (e: Explanation) => ({ key: e.key, params: e.params, text: explainText(deps.i18n, lang, e, names) });
  const standing = row.fairUse ? (JSON.parse(row.fairUse) as FairUseStanding) : null;
  return {
    ticketId: ticket.id,
    planCode: row.planCode,
    planName: row.planCode ? planNameIn(names.get(row.planCode), lang, row.planCode) : null,
    basePlanCode: row.basePlanCode,
    tier: ticket.tier as Dto['tier'],
    premium: Number(ticket.premium) === 1,
    basis: row.basis as Dto['basis'],
    licenceNumber: ticket.licenceNumber,
    problem: row.problem,
    explanation: say(JSON.parse(row.explanation) as Explanation),
    notes: (JSON.parse(row.notes) as Explanation[]).map(say),
    fairUse: standing
      ? { penalty: Number(ticket.fairUsePenalty), score: standing.score, threshold: standing.threshold, exempt: standing.exempt, factors: presentFactors(deps, lang, standing.factors) }
      : null,
    resolvedAt: row.resolvedAt,
  };
}

/**
 * Corrects the licence number of a ticket (staff, or the requester) and resolves the entitlement
 * again; plan and tier follow, the SLA and queue hooks see the change.
 */
export async function setTicketLicence(deps: ServiceDeps, actor: Actor, ticketRef: string, licenceNumber: string | null): Promise<Dto> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  if (!isStaff(actor) && ticket.requesterId !== actor.id) throw forbidden('customers_only_own_tickets');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('tickets').set({ licenceNumber, updatedAt: at }).where('id', '=', ticket.id).execute();
    await insertHistory(trx, [ticketHistory(ticket.id, actor.id, at, 'changed', { field: 'licenceNumber', before: ticket.licenceNumber, after: licenceNumber, internal: false })]);
    const changes = await reapplyEntitlement(deps, trx, ticket.id, actor.id, at);
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes: [{ field: 'licenceNumber', before: ticket.licenceNumber, after: licenceNumber }, ...changes] }, at }, deps);
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
  return getTicketEntitlement(deps, actor, ticket.id);
}
