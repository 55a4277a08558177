import type { TicketHook } from '../hooks/ticket-hooks.js';
import { scheduleFairUseRecompute } from './recompute-fair-use.js';

const RELEVANT_FIELDS = new Set(['state', 'answeredByArticleId']);

/** Schedules the requester's fair-use recomputation when they file or write, or when a ticket is answered by an article. */
export const fairUseHook: TicketHook = {
  name: 'fair-use',
  async run({ trx, deps, ticketId, event, at }) {
    const relevant =
      event.type === 'created' ||
      (event.type === 'message_added' && event.kind === 'customer') ||
      (event.type === 'updated' && event.changes.some((c) => RELEVANT_FIELDS.has(c.field)));
    if (!relevant) return;
    const ticket = await trx.selectFrom('tickets').select('requesterId').where('id', '=', ticketId).executeTakeFirst();
    if (ticket) await scheduleFairUseRecompute(deps, trx, ticket.requesterId, at);
  },
};
