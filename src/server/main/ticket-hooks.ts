import { callbackHook } from '../services/callbacks/callback-hook.js';
import { entitlementHook } from '../services/entitlements/entitlement-hook.js';
import { fairUseHook } from '../services/fair-use/fair-use-hook.js';
import { kbDeflectionHook } from '../services/kb/kb-ticket-hook.js';
import { ticketSearchHook } from '../services/search/ticket-search-hook.js';
import { slaHook } from '../services/sla/sla-hook.js';
import { mailReplyHook } from '../services/mail/mail-reply-hook.js';
import type { TicketHook } from '../services/hooks/ticket-hooks.js';
import { queueRankHook } from '../services/queue/queue-rank-hook.js';
import { confirmationHook } from '../services/intake/confirmation-hook.js';

/**
 * Reactions run inside every ticket change's transaction, in this order. Each area adds its hook
 * here (SLA recomputation, notifications, queue rank...).
 * - entitlementHook FIRST: it writes plan_code, tier and premium, which the SLA hook reads.
 * - slaHook next: it recomputes the due dates (first response, next response, resolution).
 * - confirmationHook (intake) right after it: on a new ticket it writes the acceptance confirmation
 *   with the expected first-response time the SLA hook just stored, and enqueues its e-mail.
 * - queueRankHook: it reads the due times the SLA hook wrote into the stored queue key.
 * - ticketSearchHook, kbDeflectionHook (knowledge base): they read the committed ticket and thread
 *   and change nothing the others read, so they run after them.
 * - callbackHook (callbacks): cancels the booked callback of a ticket solved or closed; changes
 *   nothing the others read.
 * - mailReplyHook LAST: it only enqueues the mail of an agent's public reply.
 */
export const TICKET_HOOKS: TicketHook[] = [entitlementHook, slaHook, confirmationHook, fairUseHook, queueRankHook, ticketSearchHook, kbDeflectionHook, callbackHook, mailReplyHook];
