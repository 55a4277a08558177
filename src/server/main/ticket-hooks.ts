import { entitlementHook } from '../services/entitlements/entitlement-hook.js';
import { fairUseHook } from '../services/fair-use/fair-use-hook.js';
import type { TicketHook } from '../services/hooks/ticket-hooks.js';
import { queueRankHook } from '../services/queue/queue-rank-hook.js';

/**
 * Reactions run inside every ticket change's transaction, in this order. Each area adds its hook
 * here (SLA recomputation, notifications, queue rank...).
 * - entitlementHook FIRST: it writes plan_code, tier and premium, which the SLA hook reads.
 * - queueRankHook LAST: it reads the due times the SLA hook wrote into the stored queue key.
 */
export const TICKET_HOOKS: TicketHook[] = [entitlementHook, fairUseHook, queueRankHook];
