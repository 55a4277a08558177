import { notFound } from '../../errors/app-error.js';
import { findTicket, type TicketRow } from '../../repositories/tickets.repository.js';
import type { Executor } from '../../db/schema.js';
import { isStaff, type Actor } from '../actor.js';

/** Whether the actor may see the ticket: staff see all; customers their own and, when shared, their organization's. */
export function canViewTicket(actor: Actor, ticket: Pick<TicketRow, 'requesterId' | 'organizationId'>): boolean {
  if (isStaff(actor)) return true;
  if (ticket.requesterId === actor.id) return true;
  return actor.organizationShares && actor.organizationId !== null && ticket.organizationId === actor.organizationId;
}

/** Loads a ticket the actor may see, or answers 404 (never telling whether it exists). */
export async function loadVisibleTicket(db: Executor, actor: Actor, idOrNumber: string): Promise<TicketRow> {
  const ticket = await findTicket(db, idOrNumber);
  if (!ticket || !canViewTicket(actor, ticket)) throw notFound('ticket');
  return ticket;
}
