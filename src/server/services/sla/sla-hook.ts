import type { TicketEvent, TicketHook } from '../hooks/ticket-hooks.js';
import { recomputeTicketSla } from './recompute-ticket-sla.js';

/** SLA columns changed by the escalation job: they need no recomputation. */
const OWN_FIELDS = /BreachedAt$/;

/** Whether an event can change a ticket's service levels. */
export function affectsSla(event: TicketEvent): boolean {
  if (event.type === 'message_added') return !event.internal && (event.kind === 'customer' || event.kind === 'reply');
  if (event.type === 'updated') return event.changes.some((c) => !OWN_FIELDS.test(c.field));
  return true;
}

/**
 * Recomputes the ticket's service levels inside every relevant change (creation, state and pending
 * reason, priority, team, plan, messages, moved targets). Register it after the entitlements hook,
 * which sets the plan, tier and premium facts the policies match on.
 */
export const slaHook: TicketHook = {
  name: 'sla',
  async run(ctx) {
    if (!affectsSla(ctx.event)) return;
    await recomputeTicketSla(ctx.deps, ctx.trx, ctx.ticketId, { at: ctx.at, actorId: ctx.actorId, justCreated: ctx.event.type === 'created' });
  },
};
