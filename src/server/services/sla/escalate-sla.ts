import { v7 as uuidv7 } from 'uuid';
import { nextBusinessInstant } from '../../../domain/sla/business-time.js';
import type { TargetName } from '../../../domain/sla/ticket-sla.js';
import type { Executor } from '../../db/schema.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertNotifications } from '../../repositories/notifications.repository.js';
import { insertAlertOnce } from '../../repositories/sla-inputs.repository.js';
import { findTicket, type TicketRow } from '../../repositories/tickets.repository.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { resolveCalendarId, slaSetup } from './sla-setup.js';

/** Name of the job that makes notifications visible (in the receiving team's working hours). */
export const NOTIFY_JOB = 'sla.notify';

/** What a timer carries. */
export interface EscalationPayload {
  ticketId: string;
  target: TargetName;
  kind: 'warning' | 'breach';
  /** The due instant the timer was set for; a timer for an older due date is stale. */
  dueAt: string;
}

/** Whether the timer still describes the ticket: same due date, not met, clock running. */
function stillDue(ticket: TicketRow, p: EscalationPayload): boolean {
  const due = ticket[`${p.target}DueAt`];
  if (!due || Date.parse(due) !== Date.parse(p.dueAt)) return false;
  if (ticket[`${p.target}MetAt`] !== null) return false;
  if (ticket.state === 'solved' || ticket.state === 'closed') return false;
  return p.target === 'nextResponse' || ticket.slaPausedAt === null;
}

/** Who hears of it: the assignee, else the team's agents, else the admins. */
async function recipients(db: Executor, ticket: TicketRow): Promise<string[]> {
  if (ticket.assigneeId) return [ticket.assigneeId];
  if (ticket.groupId) {
    const members = await db
      .selectFrom('groupMembers')
      .innerJoin('users', 'users.id', 'groupMembers.userId')
      .select('users.id')
      .where('groupMembers.groupId', '=', ticket.groupId)
      .where('users.active', '=', 1)
      .where('users.role', 'in', ['agent', 'admin'])
      .execute();
    if (members.length > 0) return members.map((m) => m.id);
  }
  const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
  return admins.map((a) => a.id);
}

/**
 * Fires an escalation (warning or breach) once: re-reads the ticket, gives up when the timer is
 * stale, records the alert under a unique key (so two workers, or a timer enqueued again, cannot
 * fire it twice), records a breach on the row, writes the ticket history (internal) and schedules
 * the notification of the assignee or team at the next working instant of the team's calendar
 * (at once when the policy says so).
 */
export async function escalateSla(deps: ServiceDeps, p: EscalationPayload): Promise<'fired' | 'stale' | 'duplicate'> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await findTicket(trx, p.ticketId);
    if (!ticket || !stillDue(ticket, p)) return 'stale';
    if (!(await insertAlertOnce(trx, { id: uuidv7(), ticketId: ticket.id, target: p.target, kind: p.kind, dueAt: new Date(p.dueAt).toISOString(), createdAt: at }))) return 'duplicate';
    let breachRecorded = false;
    if (p.kind === 'breach' && ticket[`${p.target}BreachedAt`] === null) {
      await trx.updateTable('tickets').set({ [`${p.target}BreachedAt`]: p.dueAt }).where('id', '=', ticket.id).execute();
      breachRecorded = true;
    }
    await insertHistory(trx, [ticketHistory(ticket.id, null, at, `sla_${p.kind}`, { field: p.target, after: { dueAt: p.dueAt }, internal: true })]);
    const setup = await slaSetup(deps, trx);
    const policy = setup.policies.find((x) => x.id === ticket.slaPolicyId) ?? null;
    const teamCalendarId = resolveCalendarId(setup, null, ticket.groupId);
    const team = teamCalendarId ? setup.calendars.get(teamCalendarId)!.calendar : null;
    const deliverAt = policy?.notifyAnytime || !team ? now.getTime() : (nextBusinessInstant(team, now.getTime()) ?? now.getTime());
    const userIds = await recipients(trx, ticket);
    if (userIds.length > 0) {
      await deps.jobs.enqueue(trx, NOTIFY_JOB, { ...p, userIds }, { runAt: new Date(deliverAt).toISOString(), uniqueKey: `sla-notify:${ticket.id}:${p.target}:${p.kind}:${p.dueAt}` });
    }
    if (breachRecorded) {
      await runTicketHooks({ trx, ticketId: ticket.id, actorId: null, event: { type: 'updated', changes: [{ field: `${p.target}BreachedAt`, before: null, after: p.dueAt }] }, at }, deps);
    }
    return 'fired';
  });
}

/** What the notification job carries. */
export interface NotificationPayload extends EscalationPayload {
  userIds: string[];
}

/** Makes the notifications of an escalation visible to their agents (one row each). */
export async function deliverSlaNotification(deps: ServiceDeps, p: NotificationPayload): Promise<number> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await findTicket(trx, p.ticketId);
    if (!ticket) return 0;
    const active = await trx.selectFrom('users').select('id').where('id', 'in', p.userIds).where('active', '=', 1).execute();
    const payload = JSON.stringify({ ticketNumber: ticket.number, subject: ticket.subject, target: p.target, dueAt: p.dueAt });
    await insertNotifications(trx, active.map((u) => ({ id: uuidv7(), userId: u.id, ticketId: ticket.id, kind: `sla_${p.kind}`, payload, createdAt: at, readAt: null })));
    return active.length;
  });
}
