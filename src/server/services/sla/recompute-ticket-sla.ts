import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findTicket } from '../../repositories/tickets.repository.js';
import type { ServiceDeps } from '../deps.js';
import { applySlaPlan, type ApplyOptions } from './apply-sla.js';
import { loadTicketInputs, newTicketInputs, planTicketSla, type SlaColumn, type SlaPlan } from './sla-plan.js';
import { slaSetup } from './sla-setup.js';

/** How a recomputation is asked for. */
export interface RecomputeOptions {
  /** The instant of the change (ISO); now when absent. */
  at?: string;
  actorId?: string | null;
  /** The ticket was created in this transaction: nothing to read from its history yet. */
  justCreated?: boolean;
  announce?: ApplyOptions['announce'];
  history?: boolean;
}

/**
 * Recomputes one ticket's service levels from its event log, inside the caller's transaction, and
 * stores them (row columns, timers, history, customer message when a visible due date moves).
 */
export async function recomputeTicketSla(
  deps: ServiceDeps,
  trx: Transaction<DB>,
  ticketId: string,
  options: RecomputeOptions = {},
): Promise<{ plan: SlaPlan; changed: SlaColumn[] } | null> {
  const ticket = await findTicket(trx, ticketId);
  if (!ticket) return null;
  const now = Date.parse(options.at ?? deps.clock.now().toISOString());
  const setup = await slaSetup(deps, trx);
  if (setup.policies.length === 0 && ticket.slaPolicyId === null) return null;
  const inputs = options.justCreated ? newTicketInputs(ticket) : (await loadTicketInputs(trx, [ticket.id])).get(ticket.id)!;
  const plan = planTicketSla(setup, ticket, inputs, now);
  const changed = await applySlaPlan(deps, trx, ticket, plan, {
    now,
    announce: options.announce ?? true,
    history: options.history ?? true,
    actorId: options.actorId ?? null,
    inputs,
  });
  return { plan, changed };
}
