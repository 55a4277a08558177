/**
 * A ticket's service levels, computed from scratch from its event log: first response (from
 * creation, met by the first public agent reply), next response (from the first unanswered customer
 * message after a reply, met by the next public reply), resolution (from creation or the last
 * reopening, met when solved; an agent may move its due date). Waiting for the customer pauses first
 * response and resolution; a solved or closed ticket stops every clock.
 */
import { addBusinessMs, businessMsBetween, type Pause } from './business-time.js';
import type { BusinessClock, CompiledCalendar } from './compiled-calendar.js';
import { dueDate, extendByPauses, targetClock, type SlaTarget } from './due-dates.js';
import { isStopped, isWaitingForCustomer, lastReopenedAt, pausesWhere, splitOpenPause, stoppedSince, type StatePoint } from './pauses.js';

/** The three targets of a policy. */
export const TARGET_NAMES = ['firstResponse', 'nextResponse', 'resolution'] as const;
/** A target name. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** Everything the computation needs, gathered by the caller. */
export interface TicketSlaInput {
  calendar: CompiledCalendar;
  targets: Record<TargetName, SlaTarget | null>;
  createdAt: number;
  /** From buildTimeline. */
  timeline: StatePoint[];
  /** Public customer messages and public agent replies (internal notes and system messages excluded). */
  messages: Array<{ at: number; from: 'customer' | 'agent' }>;
  /** Agents' moves of the resolution due date (cannot reproduce, diagnostics, product update). */
  moves: Array<{ at: number; dueAt: number }>;
  /** Share of a target's business time after which the escalation warning fires (0..1). */
  warningShare: number;
}

/** The state of one target. */
export interface TargetResult {
  /** When its clock started (creation, reopening, first unanswered message). */
  start: number;
  dueAt: number | null;
  metAt: number | null;
  /** The due instant, once it has passed without the target being met (never cleared). */
  breachedAt: number | null;
  /** Since when the clock has been stopped while the target is not met. */
  pausedSince: number | null;
  /** When the escalation warning is due (only while the target runs). */
  warningAt: number | null;
}

/** A ticket's computed service levels. */
export interface TicketSlaResult {
  firstResponse: TargetResult | null;
  nextResponse: TargetResult | null;
  resolution: TargetResult | null;
  /** Start of the current wait for the customer, if the ticket waits for them. */
  waitingSince: number | null;
}

function clip(pauses: Pause[], until: number): Pause[] {
  return pauses.filter((p) => p.start < until).map((p) => ({ start: p.start, end: Math.min(p.end, until) }));
}

/** When the warning should fire: after `share` of the target's business time has elapsed. */
function warningInstant(clock: BusinessClock, start: number, due: number, pauses: Pause[], share: number): number | null {
  if (due <= start || !(share > 0 && share < 1)) return null;
  const total = businessMsBetween(clock, start, due, pauses);
  return total > 0 ? addBusinessMs(clock, start, total * share, pauses) : null;
}

/** One target from its start, pauses, met instant and (for resolution) an agent's move. */
function evaluate(
  input: TicketSlaInput,
  target: SlaTarget,
  start: number,
  pauses: Pause[],
  metAt: number | null,
  now: number,
  move: { at: number; dueAt: number } | null,
): TargetResult {
  const { closed, openSince } = splitOpenPause(metAt !== null ? clip(pauses, metAt) : pauses);
  const clock = targetClock(input.calendar, target);
  const windowStart = move ? move.at : start;
  const dueAt = move ? extendByPauses(clock, move.at, move.dueAt, closed.filter((p) => p.end > move.at)) : dueDate(input.calendar, start, target, closed);
  let breachedAt: number | null = null;
  if (dueAt !== null) {
    const stop = metAt ?? openSince ?? now;
    if (metAt !== null ? stop > dueAt : stop >= dueAt) breachedAt = dueAt;
  }
  const running = metAt === null && openSince === null && dueAt !== null;
  return {
    start,
    dueAt,
    metAt,
    breachedAt,
    pausedSince: metAt === null ? openSince : null,
    warningAt: running ? warningInstant(clock, windowStart, dueAt, closed, input.warningShare) : null,
  };
}

function firstResponse(input: TicketSlaInput, target: SlaTarget, firstReplyAt: number | null, now: number): TargetResult {
  const pauses = pausesWhere(input.timeline, input.createdAt, (p) => isWaitingForCustomer(p) || isStopped(p));
  return evaluate(input, target, input.createdAt, pauses, firstReplyAt, now, null);
}

/** The latest next-response cycle: its start (first unanswered customer message) and its reply. */
function nextResponseCycle(messages: TicketSlaInput['messages']): { start: number; metAt: number | null } | null {
  const sorted = [...messages].sort((a, b) => a.at - b.at);
  let replied = false;
  let open: number | null = null;
  let last: { start: number; metAt: number | null } | null = null;
  for (const m of sorted) {
    if (m.from === 'agent') {
      if (replied && open !== null) last = { start: open, metAt: m.at };
      open = null;
      replied = true;
    } else if (replied && open === null) {
      open = m.at;
    }
  }
  return open !== null ? { start: open, metAt: null } : last;
}

function resolution(input: TicketSlaInput, target: SlaTarget, now: number): TargetResult {
  const start = lastReopenedAt(input.timeline) ?? input.createdAt;
  const metAt = stoppedSince(input.timeline, start);
  const pauses = pausesWhere(input.timeline, start, isWaitingForCustomer);
  const moves = input.moves.filter((m) => m.at >= start && (metAt === null || m.at <= metAt)).sort((a, b) => a.at - b.at);
  return evaluate(input, target, start, pauses, metAt, now, moves[moves.length - 1] ?? null);
}

/** Computes every target of a ticket at `now` (the instant of the change being recorded). */
export function computeTicketSla(input: TicketSlaInput, now: number): TicketSlaResult {
  const { targets, timeline } = input;
  const firstReplyAt = input.messages.filter((m) => m.from === 'agent').reduce<number | null>((min, m) => (min === null || m.at < min ? m.at : min), null);
  const cycle = firstReplyAt !== null && targets.nextResponse ? nextResponseCycle(input.messages) : null;
  const last = timeline[timeline.length - 1]!;
  return {
    firstResponse: targets.firstResponse ? firstResponse(input, targets.firstResponse, firstReplyAt, now) : null,
    nextResponse:
      cycle && targets.nextResponse
        ? evaluate(input, targets.nextResponse, cycle.start, pausesWhere(timeline, cycle.start, isStopped), cycle.metAt, now, null)
        : null,
    resolution: targets.resolution ? resolution(input, targets.resolution, now) : null,
    waitingSince: isWaitingForCustomer(last) ? last.at : null,
  };
}

/**
 * Business milliseconds left before a due instant (negative once overdue), frozen at the start of
 * a pause while the clock is stopped.
 */
export function remainingBusinessMs(clock: BusinessClock, now: number, dueAt: number, pausedSince: number | null): number {
  const at = pausedSince ?? now;
  return at <= dueAt ? businessMsBetween(clock, at, dueAt) : -businessMsBetween(clock, dueAt, at);
}
