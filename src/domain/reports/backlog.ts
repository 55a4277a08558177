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

/** Backlog at the end of each day (`dayEnds[i]` = first instant after `days[i]`). */
export function backlogSeries(tickets: readonly TicketStates[], days: readonly string[], dayEnds: readonly number[]): BacklogPoint[] {
  return days.map((day, i) => {
    const at = dayEnds[i]! - 1;
    let open = 0;
    let pending = 0;
    for (const t of tickets) {
      const s = stateAt(t, at);
      if (s === null || !BACKLOG_STATES.has(s)) continue;
      if (s === 'pending') pending += 1;
      else open += 1;
    }
    return { day, open, pending, total: open + pending };
  });
}
