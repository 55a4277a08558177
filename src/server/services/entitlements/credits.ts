import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import type { CreditEntryDto, PaymentWebhookBody } from '../../../contracts/entitlements.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { creditBalance, findPaymentEvent, listCreditEntries, moveCredits, unrefundedSpend } from '../../repositories/credits.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findOrganizationById } from '../../repositories/organizations.repository.js';
import { isStaff, type Actor } from '../actor.js';
import { safeEqual } from '../auth/secrets.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';

/** An organization's balance and ledger. */
export interface Credits {
  organizationId: string;
  balance: number;
  entries: Array<z.infer<typeof CreditEntryDto>>;
}

/** Balance and ledger (staff; customers for their own organization). */
export async function getCredits(deps: ServiceDeps, actor: Actor, organizationId: string): Promise<Credits> {
  if (!isStaff(actor) && actor.organizationId !== organizationId) throw notFound();
  if (!(await findOrganizationById(deps.db, organizationId))) throw notFound();
  const entries = await listCreditEntries(deps.db, organizationId);
  return {
    organizationId,
    balance: await creditBalance(deps.db, organizationId),
    entries: entries.map((e) => ({ id: e.id, kind: e.kind as 'grant', amount: Number(e.amount), balanceAfter: Number(e.balanceAfter), ticketId: e.ticketId, actorId: e.actorId, eventId: e.eventId, reason: e.reason, createdAt: e.createdAt })),
  };
}

/** An admin grants credits. */
export async function grantCredits(deps: ServiceDeps, actor: Actor, organizationId: string, credits: number, reason: string): Promise<Credits> {
  if (!(await findOrganizationById(deps.db, organizationId))) throw notFound();
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute((trx) => moveCredits(trx, { organizationId, kind: 'grant', amount: credits, actorId: actor.id, reason, at }));
  return getCredits(deps, actor, organizationId);
}

/** Whether `signature` ("sha256=<hex>" or "<hex>") is the HMAC-SHA256 of the raw body under the secret. */
export function verifyWebhookSignature(secret: string, rawBody: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const hex = signature.trim().replace(/^sha256=/i, '').toLowerCase();
  const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
  return /^[0-9a-f]{64}$/.test(hex) && safeEqual(hex, expected);
}

/**
 * A payment provider tells us an organization bought credits. The body must be signed with the
 * shared secret; the event id makes a replay (or a retry) grant nothing more.
 */
export async function handlePaymentWebhook(
  deps: ServiceDeps,
  rawBody: Buffer,
  signature: string | undefined,
  parse: (raw: Buffer) => z.infer<typeof PaymentWebhookBody>,
): Promise<{ status: 'granted' | 'already_processed'; organizationId: string; balance: number }> {
  const secret = deps.config.paymentWebhookSecret;
  if (!secret) throw new AppError('not_found', { detailKey: 'webhook_disabled' });
  if (!verifyWebhookSignature(secret, rawBody, signature)) throw new AppError('signature_invalid', { detailKey: 'signature_invalid' });
  const event = parse(rawBody);
  if (!(await findOrganizationById(deps.db, event.organizationId))) throw new AppError('unprocessable', { detailKey: 'organization_unknown', params: { organization: event.organizationId } });
  const done = async () => ({ status: 'already_processed' as const, organizationId: event.organizationId, balance: await creditBalance(deps.db, event.organizationId) });
  if (await findPaymentEvent(deps.db, event.eventId)) return done();
  const at = deps.clock.now().toISOString();
  try {
    const balance = await deps.db.transaction().execute((trx) =>
      moveCredits(trx, { organizationId: event.organizationId, kind: 'payment', amount: event.credits, eventId: event.eventId, reason: event.reference ?? null, at }),
    );
    return { status: 'granted', organizationId: event.organizationId, balance: balance! };
  } catch (e) {
    // Two deliveries of one event at once: the unique event id lets one through; the other lands here.
    if (await findPaymentEvent(deps.db, event.eventId)) return done();
    throw e;
  }
}

/**
 * An agent downgrades a premium request to its plan's tier; the credit goes back to the
 * organization, the change is in the history, and hooks (SLA, queue rank) see it.
 */
export async function downgradePremium(deps: ServiceDeps, actor: Actor, ticketRef: string, reason: string): Promise<void> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  if (Number(ticket.premium) !== 1) throw new AppError('conflict', { detailKey: 'ticket_not_premium' });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const ent = await trx.selectFrom('ticketEntitlements').select(['basePlanCode', 'tier', 'basis', 'problem']).where('ticketId', '=', ticket.id).executeTakeFirst();
    const baseTier = await baseTierOf(trx, ent?.basePlanCode ?? null, ent?.problem ?? null);
    const planCode = ent?.basePlanCode ?? null;
    await trx.updateTable('tickets').set({ premium: 0, tier: baseTier, planCode, updatedAt: at }).where('id', '=', ticket.id).execute();
    await trx.updateTable('ticketEntitlements').set({ planCode, tier: baseTier }).where('ticketId', '=', ticket.id).execute();
    const spend = await unrefundedSpend(trx, ticket.id);
    if (spend) await moveCredits(trx, { organizationId: spend.organizationId, kind: 'refund', amount: 1, ticketId: ticket.id, actorId: actor.id, reason, at });
    const changes = [
      { field: 'premium', before: true, after: false },
      { field: 'tier', before: ticket.tier, after: baseTier },
      ...(planCode !== ticket.planCode ? [{ field: 'planCode', before: ticket.planCode, after: planCode }] : []),
    ];
    await insertHistory(trx, [ticketHistory(ticket.id, actor.id, at, 'premium_downgraded', { field: 'premium', before: true, after: { premium: false, reason, refunded: Boolean(spend) }, internal: false })]);
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes, reason }, at }, deps);
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
}

async function baseTierOf(db: Parameters<typeof moveCredits>[0], planCode: string | null, problem: string | null): Promise<string> {
  if (!planCode || problem === 'channel_not_allowed') return 'standard';
  const plan = await db.selectFrom('plans').select('tier').where('code', '=', planCode).executeTakeFirst();
  return plan && plan.tier !== 'premium' ? plan.tier : 'standard';
}
