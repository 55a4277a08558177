import type { Updateable } from 'kysely';
import { transition, type PendingReason, type TicketState } from '../../../domain/ticket/state-machine.js';
import type { TicketsTable } from '../../db/tables/foundation.js';
import { AppError, forbidden } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findTicket, updateTicketRow, type TicketRow } from '../../repositories/tickets.repository.js';
import { findUserById } from '../../repositories/users.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks, type FieldChange } from '../hooks/ticket-hooks.js';
import { ticketHistory } from './history-entry.js';
import { loadVisibleTicket } from './ticket-access.js';

/** Changes to a ticket. */
export interface UpdateTicketInput {
  actor: Actor;
  /** Ticket id or number. */
  ticketId: string;
  state?: TicketState | undefined;
  /** Required with state pending; alone on a pending ticket, changes the reason. */
  pendingReason?: PendingReason | undefined;
  priority?: string | undefined;
  /** An agent's id, or null to unassign. */
  assigneeId?: string | null | undefined;
  groupId?: string | null | undefined;
  subject?: string | undefined;
  /** The knowledge-base article that answered the request ("answered by the documentation"). */
  answeredByArticleId?: string | null | undefined;
}

function refuseTransition(reason: string, from: string, to: string): never {
  if (reason === 'pending_reason_required') throw new AppError('pending_reason_required', { detailKey: 'pending_reason_required' });
  throw new AppError('illegal_transition', { detailKey: reason === 'reason_not_allowed' ? 'reason_not_allowed' : 'illegal_transition', params: { from, to } });
}

async function checkAssignment(deps: ServiceDeps, input: UpdateTicketInput): Promise<void> {
  if (input.assigneeId) {
    const user = await findUserById(deps.db, input.assigneeId);
    if (!user || user.role === 'customer' || !user.active) {
      throw new AppError('unprocessable', { detailKey: 'assignee_not_agent', errors: [{ path: 'assigneeId', message: 'not an active agent' }] });
    }
  }
  if (input.groupId) {
    const group = await deps.db.selectFrom('groups').select('id').where('id', '=', input.groupId).executeTakeFirst();
    if (!group) throw new AppError('unprocessable', { detailKey: 'group_unknown', errors: [{ path: 'groupId', message: 'unknown group' }] });
  }
}

function stateChanges(input: UpdateTicketInput, ticket: TicketRow, at: string, patch: Updateable<TicketsTable>): { changes: FieldChange[]; reopened: boolean } {
  const wantsReasonOnly = input.state === undefined && input.pendingReason !== undefined;
  const to = input.state ?? (wantsReasonOnly ? 'pending' : undefined);
  if (to === undefined) return { changes: [], reopened: false };
  const from = ticket.state as TicketState;
  const r = transition({
    from,
    to,
    reason: input.pendingReason ?? null,
    currentReason: ticket.pendingReason as PendingReason | null,
    actor: isStaff(input.actor) ? 'agent' : 'customer',
  });
  if (!r.ok) refuseTransition(r.reason, from, to);
  patch.state = r.state;
  patch.pendingReason = r.pendingReason;
  const changes: FieldChange[] = [];
  if (r.state !== from) changes.push({ field: 'state', before: from, after: r.state });
  if (r.pendingReason !== ticket.pendingReason) changes.push({ field: 'pendingReason', before: ticket.pendingReason, after: r.pendingReason });
  if (r.state === 'solved') patch.solvedAt = at;
  if (r.state === 'closed') patch.closedAt = at;
  if (r.reopened) {
    patch.reopenCount = Number(ticket.reopenCount) + 1;
    patch.solvedAt = null;
    patch.closedAt = null;
  }
  return { changes, reopened: r.reopened };
}

/**
 * Moves a ticket through its lifecycle and changes priority, assignment, group or subject.
 * Customers may only solve, close or reopen their own requests.
 */
export async function updateTicket(deps: ServiceDeps, input: UpdateTicketInput): Promise<TicketRow> {
  const { actor } = input;
  const ticket = await loadVisibleTicket(deps.db, actor, input.ticketId);
  if (!isStaff(actor)) {
    if (input.priority !== undefined || input.assigneeId !== undefined || input.groupId !== undefined || input.subject !== undefined || input.answeredByArticleId !== undefined) {
      throw forbidden('customers_cannot_change_field');
    }
    if (ticket.requesterId !== actor.id) throw forbidden('customers_only_own_tickets');
  }
  await checkAssignment(deps, input);
  const at = deps.clock.now().toISOString();
  const patch: Updateable<TicketsTable> = {};
  const { changes, reopened } = stateChanges(input, ticket, at, patch);
  const simple: Array<[keyof TicketRow & keyof Updateable<TicketsTable>, unknown]> = [
    ['priority', input.priority],
    ['assigneeId', input.assigneeId],
    ['groupId', input.groupId],
    ['subject', input.subject?.trim()],
    ['answeredByArticleId', input.answeredByArticleId],
  ];
  for (const [field, value] of simple) {
    if (value !== undefined && value !== ticket[field]) {
      (patch as Record<string, unknown>)[field] = value;
      changes.push({ field, before: ticket[field], after: value });
    }
  }
  if (changes.length === 0) return ticket;
  patch.updatedAt = at;
  await deps.db.transaction().execute(async (trx) => {
    await updateTicketRow(trx, ticket.id, patch);
    await insertHistory(
      trx,
      changes.map((c) => ticketHistory(ticket.id, actor.id, at, c.field === 'state' && reopened ? 'reopened' : 'changed', c)),
    );
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes }, at }, deps);
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
  return (await findTicket(deps.db, ticket.id))!;
}
