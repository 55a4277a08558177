import type { TicketState } from '../../contracts/enums.js';
import type { TicketFilter } from '../api/tickets.js';

/** A ticket list of the console: a filter of GET /api/v1/tickets and its default order. */
export interface TicketView {
  id: string;
  filter: TicketFilter;
  /** First come, first served for work queues; newest first to browse. */
  order: 'oldest' | 'newest';
  /** Whether the person may narrow the view by state. */
  stateFilter: boolean;
}

const view = (id: string, filter: TicketFilter, order: TicketView['order'], stateFilter = false): TicketView => ({ id, filter, order, stateFilter });
const byState = (state: TicketState) => view(state, { state }, 'oldest');

/** The console's views, in menu order. Add one here and name it in console.json "views". */
export const TICKET_VIEWS: TicketView[] = [
  view('mine', { assignee: 'me' }, 'newest', true),
  view('unassigned', { assignee: 'none' }, 'oldest', true),
  byState('new'),
  byState('open'),
  byState('pending'),
  view('all', {}, 'newest', true),
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
