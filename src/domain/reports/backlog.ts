/*
 * Backlog over time: how many tickets were not yet solved at the end of each day. A ticket's state at an
 * instant comes from its creation and its state changes (the history), so reopened tickets count again
 * from their reopening, which tickets.solved_at alone (cleared on reopen) could not tell.
 */

/** A ticket's creation and its state changes, times in epoch milliseconds. */
export interface TicketStates {
  createdAt: number;
  changes: ReadonlyArray<{ at: number; state: string }>;
}

/** States that are backlog (waiting for us or for the customer); solved and closed are not. */
export const BACKLOG_STATES: ReadonlySet<string> = new Set(['new', 'open', 'pending']);

/** The state of a ticket at an instant (null before it existed). */
export function stateAt(ticket: TicketStates, at: number): string | null {
  if (ticket.createdAt > at) return null;
  let state = 'new';
  let last = -Infinity;
  for (const c of ticket.changes) {
    // Changes are usually sorted; the latest one at or before `at` wins either way.
    if (c.at <= at && c.at >= last) {
      state = c.state;
      last = c.at;
    }
  }
  return state;
}

/** One point of the series: tickets in the backlog at the end of the day, and how many of them were pending. */
export interface BacklogPoint {
  day: string;
  open: number;
  pending: number;
  total: number;
}

/** The first index whose value is >= t in an ascending list (list.length when none). */
function firstAtOrAfter(list: readonly number[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Backlog at the end of each day (`dayEnds[i]` = first instant after `days[i]`, ascending). Each
 * backlog stretch of a ticket adds one to the days whose end falls inside it (a difference array), so
 * the cost is the number of state changes plus the number of days, not their product.
 */
export function backlogSeries(tickets: readonly TicketStates[], days: readonly string[], dayEnds: readonly number[]): BacklogPoint[] {
  const instants = dayEnds.map((e) => e - 1);
  const open = new Array<number>(days.length + 1).fill(0);
  const pending = new Array<number>(days.length + 1).fill(0);
  for (const t of tickets) {
    // A stable sort keeps the later of two changes at the same instant last, as stateAt reads them.
    const changes = [...t.changes].filter((c) => c.at >= t.createdAt).sort((a, b) => a.at - b.at);
    const before = t.changes.filter((c) => c.at < t.createdAt).sort((a, b) => a.at - b.at);
    let state = before.length ? before[before.length - 1]!.state : 'new';
    let start = t.createdAt;
    for (let k = 0; k <= changes.length; k++) {
      const end = k < changes.length ? changes[k]!.at : Infinity;
      if (end > start && BACKLOG_STATES.has(state)) {
        const from = firstAtOrAfter(instants, start);
        const to = end === Infinity ? days.length : firstAtOrAfter(instants, end);
        const diff = state === 'pending' ? pending : open;
        diff[from]! += 1;
        diff[to]! -= 1;
      }
      if (k < changes.length) {
        state = changes[k]!.state;
        start = end;
      }
    }
  }
  let o = 0;
  let p = 0;
  return days.map((day, i) => {
    o += open[i]!;
    p += pending[i]!;
    return { day, open: o, pending: p, total: o + p };
  });
}
