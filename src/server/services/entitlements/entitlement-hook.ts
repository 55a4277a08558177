import type { TicketHook } from '../hooks/ticket-hooks.js';
import { applyEntitlementOnCreate } from './apply-entitlement.js';

/**
 * Resolves a new ticket's entitlement (plan, tier, premium credit, fair-use penalty, designated
 * engineer) in its creation transaction. Must run before the SLA hook, which reads plan_code,
 * tier and premium.
 */
export const entitlementHook: TicketHook = {
  name: 'entitlements',
  async run(ctx) {
    if (ctx.event.type !== 'created') return;
    await applyEntitlementOnCreate(ctx.deps, ctx.trx, ctx.ticketId, ctx.actorId, ctx.at);
  },
};
