import type { TicketEventDto } from '../../../contracts/events.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { canViewTicket } from './ticket-access.js';

/** How many tickets' visibility one watcher remembers (a customer sees few tickets; this bounds memory). */
const VISIBILITY_CACHE = 1000;

/**
 * Subscribes to committed ticket changes as one actor may learn of them: staff get every change;
 * customers only changes of tickets they may see, and never internal notes. Returns the unsubscribe.
 * Events reach `deliver` in the order they were published, even when a visibility lookup is needed.
 */
export function watchTicketEvents(deps: ServiceDeps, actor: Actor, deliver: (event: TicketEventDto) => void): () => void {
  const staff = isStaff(actor);
  const visible = new Map<string, boolean>();
  let closed = false;
  let queue: Promise<void> = Promise.resolve();

  const mayLearn = async (ticketId: string): Promise<boolean> => {
    const known = visible.get(ticketId);
    if (known !== undefined) return known;
    const ticket = await findTicket(deps.db, ticketId);
    const answer = ticket !== undefined && canViewTicket(actor, ticket);
    if (visible.size >= VISIBILITY_CACHE) visible.delete(visible.keys().next().value!);
    visible.set(ticketId, answer);
    return answer;
  };

  const unsubscribe = deps.events.subscribe((change) => {
    const event: TicketEventDto = { ticketId: change.ticketId, type: change.type, at: change.at };
    if (staff) {
      deliver(event);
      return;
    }
    if (change.internal) return;
    queue = queue
      .then(async () => {
        if (!closed && (await mayLearn(change.ticketId)) && !closed) deliver(event);
      })
      .catch((err: unknown) => deps.logger.warn({ err, ticketId: change.ticketId }, 'live event visibility check failed'));
  });
  return () => {
    closed = true;
    unsubscribe();
  };
}
