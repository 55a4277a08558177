import { releaseSeat } from '../../repositories/callbacks.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import type { TicketHook } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';

const ENDED = new Set(['solved', 'closed']);

/**
 * A ticket solved or closed no longer needs its booked callback: the booking is cancelled, its seat
 * freed for other customers, and the history says so. (Reopened, the customer may book again.)
 */
export const callbackHook: TicketHook = {
  name: 'callbacks',
  async run({ trx, event, ticketId, actorId, at }) {
    if (event.type !== 'updated') return;
    const ended = event.changes.some((c) => c.field === 'state' && typeof c.after === 'string' && ENDED.has(c.after));
    if (!ended) return;
    const booked = await trx.selectFrom('callbacks').select(['id', 'slotStart']).where('ticketId', '=', ticketId).where('state', '=', 'booked').execute();
    for (const c of booked) {
      await trx.updateTable('callbacks').set({ state: 'cancelled', updatedAt: at }).where('id', '=', c.id).execute();
      await releaseSeat(trx, c.id);
      await insertHistory(trx, [ticketHistory(ticketId, actorId, at, 'callback_cancelled', { after: { callbackId: c.id, slotStart: c.slotStart } })]);
    }
  },
};
