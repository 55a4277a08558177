import type { QueueFilter } from '../api/queue.js';
import type { TicketFilter } from '../api/tickets.js';

/**
 * A list of the console. Work views read the ranked queue (GET /api/v1/queue) and show each
 * ticket's place with its reasons; browsing views read GET /api/v1/tickets in date order.
 */
export type TicketView =
  | { id: string; kind: 'queue'; filter: QueueFilter }
  | {
      id: string;
      kind: 'list';
      filter: TicketFilter;
      /** First come, first served for work lists; newest first to browse. */
      order: 'oldest' | 'newest';
      /** Whether the person may narrow the view by state. */
      stateFilter: boolean;
    };

/** "Breaching soon": a service-level target due within this many minutes (overdue ones included). */
export const BREACHING_SOON_MINUTES = 120;

/** The console's views, in menu order. Add one here and name it in console2.json "views". */
export const TICKET_VIEWS: TicketView[] = [
  { id: 'mine', kind: 'queue', filter: { scope: 'all', assignee: 'me' } },
  { id: 'my_groups', kind: 'queue', filter: { scope: 'my_groups' } },
  { id: 'unassigned', kind: 'queue', filter: { scope: 'my_groups', assignee: 'none' } },
  { id: 'breaching', kind: 'queue', filter: { scope: 'my_groups', dueWithin: BREACHING_SOON_MINUTES } },
  { id: 'pending', kind: 'list', filter: { state: 'pending' }, order: 'oldest', stateFilter: false },
  { id: 'all', kind: 'list', filter: {}, order: 'newest', stateFilter: true },
];

/** The view of an id, or undefined. */
export function findView(id: string | undefined): TicketView | undefined {
  return TICKET_VIEWS.find((v) => v.id === id);
}

let lastList = '/console/views/mine';

/** Remembers the list the agent came from, so "back" (and u) return to it with its filter. */
export function rememberList(path: string): void {
  lastList = path;
}

/** The list to go back to from a ticket. */
export function lastListPath(): string {
  return lastList;
}
