/**
 * The ticket's state over time, rebuilt from its history, and the pauses of the SLA clock derived
 * from it. Nothing is counted as it goes: every recomputation starts again from the event log.
 */
import type { Pause } from './business-time.js';

/** The ticket's state from an instant on. */
export interface StatePoint {
  at: number;
  state: string;
  pendingReason: string | null;
}

/** One recorded change (a history row about state or pending reason). */
export interface StateChange {
  at: number;
  state?: string;
  pendingReason?: string | null;
}

const STOPPED = new Set(['solved', 'closed']);

/** Whether agents owe no work in this state (solved or closed). */
export function isStopped(p: Pick<StatePoint, 'state'>): boolean {
  return STOPPED.has(p.state);
}

/** Whether the customer owes information (the clock of first response and resolution pauses). */
export function isWaitingForCustomer(p: Pick<StatePoint, 'state' | 'pendingReason'>): boolean {
  return p.state === 'pending' && p.pendingReason === 'waiting_for_customer';
}

/**
 * The state timeline: starts in `new` at creation, applies every change in time order (changes at
 * the same instant fold into one point), and ends in the ticket's current state even when history
 * is missing (imported or seeded tickets): the current state is then taken from `updatedAt`.
 */
export function buildTimeline(createdAt: number, changes: readonly StateChange[], current: { state: string; pendingReason: string | null; updatedAt: number }): StatePoint[] {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  const points: StatePoint[] = [{ at: createdAt, state: 'new', pendingReason: null }];
  for (const c of sorted) {
    const last = points[points.length - 1]!;
    const next: StatePoint = { at: Math.max(c.at, last.at), state: c.state ?? last.state, pendingReason: c.pendingReason !== undefined ? c.pendingReason : last.pendingReason };
    if (next.state !== 'pending') next.pendingReason = null;
    if (next.at === last.at) points[points.length - 1] = next;
    else if (next.state !== last.state || next.pendingReason !== last.pendingReason) points.push(next);
  }
  const last = points[points.length - 1]!;
  const currentReason = current.state === 'pending' ? current.pendingReason : null;
  if (last.state !== current.state || last.pendingReason !== currentReason) {
    points.push({ at: Math.max(current.updatedAt, last.at), state: current.state, pendingReason: currentReason });
  }
  return points;
}

/** The intervals (from `from` on) during which `paused` holds; the last one is open-ended if it still holds. */
export function pausesWhere(timeline: readonly StatePoint[], from: number, paused: (p: StatePoint) => boolean): Pause[] {
  const out: Pause[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const p = timeline[i]!;
    if (!paused(p)) continue;
    const end = i + 1 < timeline.length ? timeline[i + 1]!.at : Infinity;
    const start = Math.max(p.at, from);
    if (end <= start) continue;
    const prev = out[out.length - 1];
    if (prev && prev.end >= start) prev.end = Math.max(prev.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** The instant of the last reopening (solved/closed back to an active state), or null. */
export function lastReopenedAt(timeline: readonly StatePoint[]): number | null {
  for (let i = timeline.length - 1; i > 0; i--) {
    if (!isStopped(timeline[i]!) && isStopped(timeline[i - 1]!)) return timeline[i]!.at;
  }
  return null;
}

/** When the ticket was last solved (or closed) after `from`, if it is solved or closed now. */
export function stoppedSince(timeline: readonly StatePoint[], from: number): number | null {
  const last = timeline[timeline.length - 1]!;
  if (!isStopped(last)) return null;
  let at = last.at;
  for (let i = timeline.length - 2; i >= 0 && isStopped(timeline[i]!); i--) at = timeline[i]!.at;
  return Math.max(at, from);
}

/** Splits pauses into the ones that are over and the one still running (its start). */
export function splitOpenPause(pauses: readonly Pause[]): { closed: Pause[]; openSince: number | null } {
  const last = pauses[pauses.length - 1];
  if (last && last.end === Infinity) return { closed: pauses.slice(0, -1), openSince: last.start };
  return { closed: [...pauses], openSince: null };
}
