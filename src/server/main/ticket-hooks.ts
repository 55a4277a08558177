import { slaHook } from '../services/sla/sla-hook.js';
import type { TicketHook } from '../services/hooks/ticket-hooks.js';

/**
 * Reactions run inside every ticket change's transaction, in this order. Each area adds its hook
 * here (SLA recomputation, notifications, queue rank...). The SLA hook must come after the hook
 * that sets the plan, tier and premium facts (entitlements) and before hooks that read due dates.
 */
export const TICKET_HOOKS: TicketHook[] = [slaHook];
