import type { CompiledCalendar } from '../../../domain/sla/compiled-calendar.js';
import { buildTimeline, type StateChange } from '../../../domain/sla/pauses.js';
import { selectPolicy } from '../../../domain/sla/select-policy.js';
import { computeTicketSla, TARGET_NAMES, type TargetName, type TicketSlaResult } from '../../../domain/sla/ticket-sla.js';
import type { Executor } from '../../db/schema.js';
import { movesOf, stateHistoryOf, threadFactsOf } from '../../repositories/sla-inputs.repository.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';
import { resolveCalendarId, type PolicyRecord, type SlaSetup } from './sla-setup.js';

/** The ticket columns the SLA area writes. */
export const SLA_COLUMNS = [
  'slaPolicyId',
  'slaCalendarId',
  'slaPausedAt',
  'firstResponseDueAt',
  'firstResponseMetAt',
  'firstResponseBreachedAt',
  'nextResponseDueAt',
  'nextResponseMetAt',
  'nextResponseBreachedAt',
  'resolutionDueAt',
  'resolutionMetAt',
  'resolutionBreachedAt',
] as const;
/** An SLA column of the ticket row. */
export type SlaColumn = (typeof SLA_COLUMNS)[number];
/** Values of the SLA columns. */
export type SlaColumns = Record<SlaColumn, string | null>;

/** What a ticket's SLA is computed from, besides the row: its event log. */
export interface TicketInputs {
  changes: StateChange[];
  messages: Array<{ at: number; from: 'customer' | 'agent' }>;
  moves: Array<{ at: number; dueAt: number; reason: string }>;
}

/** The ticket facts the SLA reads (a TicketRow has them all). */
export type SlaTicket = Pick<
  TicketRow,
  'id' | 'createdAt' | 'updatedAt' | 'state' | 'pendingReason' | 'planCode' | 'priority' | 'criticality' | 'channel' | 'organizationId' | 'tier' | 'premium' | 'groupId' | 'firstResponseAt' | SlaColumn
>;

/** The inputs of a ticket that was just created (nothing to read yet). */
export function newTicketInputs(ticket: Pick<TicketRow, 'createdAt'>): TicketInputs {
  return { changes: [], messages: [{ at: Date.parse(ticket.createdAt), from: 'customer' }], moves: [] };
}

/** Loads the event logs of tickets: state history, public messages, target moves (3 queries). */
export async function loadTicketInputs(db: Executor, ticketIds: string[]): Promise<Map<string, TicketInputs>> {
  const out = new Map<string, TicketInputs>(ticketIds.map((id) => [id, { changes: [], messages: [], moves: [] }]));
  for (const h of await stateHistoryOf(db, ticketIds)) {
    const after = h.after === null ? null : (JSON.parse(h.after) as string | null);
    const change: StateChange = h.field === 'state' ? { at: Date.parse(h.createdAt), state: String(after) } : { at: Date.parse(h.createdAt), pendingReason: after };
    out.get(h.ticketId)?.changes.push(change);
  }
  for (const m of await threadFactsOf(db, ticketIds)) out.get(m.ticketId)?.messages.push({ at: Date.parse(m.createdAt), from: m.kind === 'reply' ? 'agent' : 'customer' });
  for (const m of await movesOf(db, ticketIds)) {
    if (m.target === 'resolution') out.get(m.ticketId)?.moves.push({ at: Date.parse(m.createdAt), dueAt: Date.parse(m.dueAt), reason: m.reason });
  }
  return out;
}

/** A ticket's computed SLA: which policy and calendar, the domain result, the columns to store. */
export interface SlaPlan {
  policy: PolicyRecord | null;
  calendarId: string | null;
  calendar: CompiledCalendar | null;
  result: TicketSlaResult | null;
  columns: SlaColumns;
}

const iso = (t: number | null | undefined): string | null => (t === null || t === undefined ? null : new Date(t).toISOString());

function noSla(ticket: SlaTicket): SlaColumns {
  const columns = Object.fromEntries(SLA_COLUMNS.map((c) => [c, null])) as SlaColumns;
  // Breaches already recorded stay recorded, even when the ticket no longer has a policy.
  for (const t of TARGET_NAMES) columns[`${t}BreachedAt`] = ticket[`${t}BreachedAt`];
  return columns;
}

/** Computes a ticket's SLA at `now` from the setup, the row and its event log. Pure apart from reading the setup. */
export function planTicketSla(setup: SlaSetup, ticket: SlaTicket, inputs: TicketInputs, now: number): SlaPlan {
  const policy = selectPolicy(setup.policies, {
    planCode: ticket.planCode,
    priority: ticket.priority,
    criticality: ticket.criticality,
    channel: ticket.channel,
    organizationId: ticket.organizationId,
    tier: ticket.tier,
    premium: Boolean(ticket.premium),
  });
  const calendarId = policy ? resolveCalendarId(setup, policy, ticket.groupId) : null;
  const calendar = calendarId ? setup.calendars.get(calendarId)!.calendar : null;
  if (!policy || !calendar) return { policy: null, calendarId: null, calendar: null, result: null, columns: noSla(ticket) };
  const createdAt = Date.parse(ticket.createdAt);
  const messages = [...inputs.messages];
  // Imported or seeded tickets may know their first response without its message.
  if (ticket.firstResponseAt && !messages.some((m) => m.from === 'agent')) messages.push({ at: Date.parse(ticket.firstResponseAt), from: 'agent' });
  const result = computeTicketSla(
    {
      calendar,
      targets: policy.targets,
      createdAt,
      timeline: buildTimeline(createdAt, inputs.changes, { state: ticket.state, pendingReason: ticket.pendingReason, updatedAt: Date.parse(ticket.updatedAt) }),
      messages,
      moves: inputs.moves,
      warningShare: policy.warningShare ?? setup.warningShare,
    },
    now,
  );
  const columns = { slaPolicyId: policy.id, slaCalendarId: calendarId, slaPausedAt: iso(result.waitingSince) } as SlaColumns;
  for (const name of TARGET_NAMES) {
    const r = result[name];
    columns[`${name}DueAt`] = iso(r?.dueAt);
    columns[`${name}MetAt`] = iso(r?.metAt);
    // A breach of the current cycle stays recorded even if the due date later moves or is met late.
    const previous = ticket[`${name}BreachedAt`];
    const keep = previous !== null && r !== null && Date.parse(previous) >= r.start;
    columns[`${name}BreachedAt`] = keep ? previous : iso(r?.breachedAt);
  }
  return { policy, calendarId, calendar, result, columns };
}

/** Columns whose value differs between the row and the plan. */
export function changedColumns(ticket: SlaTicket, columns: SlaColumns): SlaColumn[] {
  const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b) || a === b);
  return SLA_COLUMNS.filter((c) => !same(ticket[c] ?? null, columns[c]));
}

/** Whether a target's stored state differs from the plan (due, met or breach). */
export function targetChanged(changed: SlaColumn[], name: TargetName): boolean {
  return changed.some((c) => c.startsWith(name));
}
