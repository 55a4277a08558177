import type { Transaction } from 'kysely';
import { TARGET_NAMES, type TargetName } from '../../../domain/sla/ticket-sla.js';
import type { DB, Executor } from '../../db/schema.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { updateTicketRow } from '../../repositories/tickets.repository.js';
import type { ServiceDeps } from '../deps.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { announceDueChanges, type DueChange, type DueChangeReason } from './announce-due-change.js';
import { changedColumns, targetChanged, type SlaColumn, type SlaColumns, type SlaPlan, type SlaTicket, type TicketInputs } from './sla-plan.js';

/** Name of the escalation job (warning and breach timers). */
export const ESCALATE_JOB = 'sla.escalate';

/** The unique key of a ticket's timer: one queued job per ticket, target and kind. */
export function escalationKey(ticketId: string, target: TargetName, kind: 'warning' | 'breach'): string {
  return `sla:${ticketId}:${target}:${kind}`;
}

/** Timer changes: jobs to (re)queue and keys to cancel. */
export interface TimerOps {
  enqueue: Array<{ name: string; payload: unknown; options: { runAt: string; uniqueKey: string } }>;
  cancel: string[];
}

/**
 * The warning and breach timers of changed targets: queued (replacing queued ones by key) while
 * the target runs, cancelled when it is met, paused or gone. A warning whose instant passed
 * together with the due instant is skipped: the breach says more.
 */
export function escalationOps(ticket: SlaTicket, plan: SlaPlan, targets: readonly TargetName[], now: number, ops: TimerOps = { enqueue: [], cancel: [] }): TimerOps {
  for (const name of targets) {
    const r = plan.result?.[name] ?? null;
    const running = r !== null && r.metAt === null && r.pausedSince === null && r.dueAt !== null;
    const warningKey = escalationKey(ticket.id, name, 'warning');
    const breachKey = escalationKey(ticket.id, name, 'breach');
    if (!running) {
      // Timers exist only for a target that was running; a stale one would find nothing to do anyway.
      if (ticket[`${name}DueAt`] !== null && ticket[`${name}MetAt`] === null) ops.cancel.push(warningKey, breachKey);
      continue;
    }
    const dueAt = new Date(r.dueAt!).toISOString();
    if (r.warningAt !== null && r.dueAt! > now) {
      ops.enqueue.push({ name: ESCALATE_JOB, payload: { ticketId: ticket.id, target: name, kind: 'warning', dueAt }, options: { runAt: new Date(r.warningAt).toISOString(), uniqueKey: warningKey } });
    } else {
      ops.cancel.push(warningKey);
    }
    ops.enqueue.push({ name: ESCALATE_JOB, payload: { ticketId: ticket.id, target: name, kind: 'breach', dueAt }, options: { runAt: dueAt, uniqueKey: breachKey } });
  }
  return ops;
}

/** Writes timer changes to the jobs table (in the caller's transaction). */
export async function applyTimerOps(deps: ServiceDeps, executor: Executor, ops: TimerOps): Promise<void> {
  if (ops.cancel.length > 0) await deps.jobs.cancelMany(executor, ops.cancel);
  if (ops.enqueue.length > 0) await deps.jobs.enqueueMany(executor, ops.enqueue);
}

/** Why the customer-visible due dates moved, read from what happened at this instant. */
export function dueChangeReason(ticket: SlaTicket, plan: SlaPlan, inputs: TicketInputs, now: number): DueChangeReason {
  const move = inputs.moves.find((m) => m.at === now);
  if (move) return { key: 'moved', text: move.reason };
  if (ticket.slaPolicyId !== null && plan.policy?.id !== ticket.slaPolicyId) return { key: 'service_level_changed' };
  if (ticket.slaCalendarId !== null && plan.calendarId !== ticket.slaCalendarId) return { key: 'team_changed' };
  const atNow = inputs.changes.filter((c) => c.at === now);
  if (atNow.some((c) => c.pendingReason !== undefined) && ticket.slaPausedAt !== null) return { key: 'resumed' };
  if (atNow.some((c) => c.state === 'open' || c.state === 'new') && ticket.resolutionMetAt !== null) return { key: 'reopened' };
  return { key: 'schedule_changed' };
}

/** Customer-visible due dates (first response, resolution) that moved and still matter. */
function visibleDueChanges(ticket: SlaTicket, plan: SlaPlan): DueChange[] {
  const out: DueChange[] = [];
  for (const target of ['firstResponse', 'resolution'] as const) {
    const before = ticket[`${target}DueAt`];
    const after = plan.columns[`${target}DueAt`];
    const met = plan.columns[`${target}MetAt`];
    if (before && after && met === null && Math.abs(Date.parse(before) - Date.parse(after)) >= 1000) out.push({ target, before, after });
  }
  return out;
}

/** How to apply a plan. */
export interface ApplyOptions {
  now: number;
  /** Tell the customer about moved due dates (with this reason; computed when absent). */
  announce: boolean | DueChangeReason;
  /** Write an internal history entry listing changed SLA columns. */
  history: boolean;
  /** Reschedule every timer even when nothing changed (rebuilds). */
  rescheduleAll?: boolean;
  actorId: string | null;
  inputs: TicketInputs;
  /** Collects the row write instead of doing it now (rebuilds write many rows at once). */
  deferWrite?: (id: string, columns: SlaColumns) => void;
  /** Collects timer changes instead of writing them now. */
  timers?: TimerOps;
}

/**
 * Stores a plan on the ticket row (only what changed), reschedules the timers of changed targets,
 * records the change in the ticket's history (internal) and tells the customer about moved due
 * dates. Returns the columns that changed.
 */
export async function applySlaPlan(
  deps: ServiceDeps,
  trx: Transaction<DB>,
  ticket: SlaTicket & { language: string; requesterId: string },
  plan: SlaPlan,
  options: ApplyOptions,
): Promise<SlaColumn[]> {
  const changed = changedColumns(ticket, plan.columns);
  const at = new Date(options.now).toISOString();
  if (changed.length > 0) {
    if (options.deferWrite) options.deferWrite(ticket.id, plan.columns);
    else await updateTicketRow(trx, ticket.id, Object.fromEntries(changed.map((c) => [c, plan.columns[c]])));
    if (options.history) {
      const before = Object.fromEntries(changed.map((c) => [c, ticket[c] ?? null]));
      const after = Object.fromEntries(changed.map((c) => [c, plan.columns[c]]));
      await insertHistory(trx, [ticketHistory(ticket.id, options.actorId, at, 'sla_recomputed', { field: 'sla', before, after, internal: true })]);
    }
  }
  const pauseChanged = changed.includes('slaPausedAt') || changed.includes('slaPolicyId') || changed.includes('slaCalendarId');
  const targets = TARGET_NAMES.filter((t) => options.rescheduleAll || pauseChanged || targetChanged(changed, t));
  if (targets.length > 0) {
    if (options.timers) escalationOps(ticket, plan, targets, options.now, options.timers);
    else await applyTimerOps(deps, trx, escalationOps(ticket, plan, targets, options.now));
  }
  if (options.announce !== false) {
    const changes = visibleDueChanges(ticket, plan);
    if (changes.length > 0) {
      const reason = options.announce === true ? dueChangeReason(ticket, plan, options.inputs, options.now) : options.announce;
      await announceDueChanges(deps, trx, ticket, changes, reason, at);
    }
  }
  return changed;
}
