import { v7 as uuidv7 } from 'uuid';
import { AppError, forbidden } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMove } from '../../repositories/sla-inputs.repository.js';
import { findTicket, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';
import { readInstant } from './sla-preview.js';

/** Pending reasons under which agents may move the resolution target (seed 004). */
export const MOVABLE_REASONS = new Set(['cannot_reproduce', 'needs_diagnostics', 'awaiting_product_update']);

/** An agent's move of a ticket's resolution target. */
export interface MoveResolutionTargetInput {
  actor: Actor;
  /** Ticket id or number. */
  ticketId: string;
  /** The new due instant (ISO 8601 with an offset). */
  dueAt: string;
  /** Why; told to the customer with the old and new dates. */
  reason: string;
}

/**
 * Moves the resolution target of a pending ticket whose problem cannot be reproduced, needs
 * diagnostics or awaits a product update. The move is stored as an event the clock is recomputed
 * from (later pauses still extend it), and the customer is told in their language.
 */
export async function moveResolutionTarget(deps: ServiceDeps, input: MoveResolutionTargetInput): Promise<TicketRow> {
  if (!isStaff(input.actor)) throw forbidden();
  const ticket = await loadVisibleTicket(deps.db, input.actor, input.ticketId);
  if (ticket.state !== 'pending' || !MOVABLE_REASONS.has(ticket.pendingReason ?? '')) throw new AppError('conflict', { detailKey: 'sla:errors.move_not_allowed' });
  if (ticket.resolutionDueAt === null) throw new AppError('conflict', { detailKey: 'sla:errors.move_no_target' });
  const now = deps.clock.now();
  const due = readInstant(input.dueAt, 'UTC', 'dueAt');
  if (due <= now.getTime()) throw new AppError('validation_failed', { detailKey: 'sla:errors.move_in_past', errors: [{ path: 'dueAt', message: 'must be in the future' }] });
  const at = now.toISOString();
  const dueIso = new Date(due).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertMove(trx, {
      id: uuidv7(), ticketId: ticket.id, target: 'resolution', dueAt: dueIso, previousDueAt: ticket.resolutionDueAt, reason: input.reason.trim(),
      pendingReason: ticket.pendingReason, actorId: input.actor.id, createdAt: at,
    });
    await insertHistory(trx, [ticketHistory(ticket.id, input.actor.id, at, 'sla_target_moved', { field: 'resolutionDueAt', before: ticket.resolutionDueAt, after: { dueAt: dueIso, reason: input.reason.trim() }, internal: false })]);
    await runTicketHooks(
      { trx, ticketId: ticket.id, actorId: input.actor.id, event: { type: 'updated', changes: [{ field: 'resolutionTarget', before: ticket.resolutionDueAt, after: dueIso }], reason: input.reason.trim() }, at },
      deps,
    );
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
  return (await findTicket(deps.db, ticket.id))!;
}
