import type { CallbackDto, CallbackListQuery } from '../../../contracts/callbacks.js';
import { listCallbackRows } from '../../repositories/callbacks.repository.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import { notFound } from '../../errors/app-error.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { presentCallback } from './present-callback.js';

/** The agents' callback queue: booked calls by slot (earliest first), or done ones (latest first). */
export async function listCallbacks(deps: ServiceDeps, actor: Actor, query: CallbackListQuery): Promise<{ items: CallbackDto[] }> {
  let ticketId: string | undefined;
  if (query.ticketId) {
    const ticket = await findTicket(deps.db, query.ticketId);
    if (!ticket) throw notFound('ticket');
    ticketId = ticket.id;
  }
  const rows = await listCallbackRows(deps.db, { state: query.state, assigneeId: query.mine ? actor.id : null, ...(ticketId ? { ticketId } : {}), limit: query.limit });
  return { items: rows.map(presentCallback) };
}
