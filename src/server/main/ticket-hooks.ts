import { kbDeflectionHook } from '../services/kb/kb-ticket-hook.js';
import { ticketSearchHook } from '../services/search/ticket-search-hook.js';
import type { TicketHook } from '../services/hooks/ticket-hooks.js';

/**
 * Reactions run inside every ticket change's transaction, in this order. Each area adds its hook
 * here (SLA recomputation, notifications, queue rank...).
 */
export const TICKET_HOOKS: TicketHook[] = [ticketSearchHook, kbDeflectionHook];
