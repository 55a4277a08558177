import { AppError } from '../../errors/app-error.js';
import { listTicketRows, type TicketListFilter, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { ticketQueryGroups } from '../../../domain/kb/ticket-terms.js';

/** Ticket list filters. */
export interface ListTicketsInput {
  actor: Actor;
  state?: string | undefined;
  /** A user id, "me" or "none". */
  assignee?: string | undefined;
  requester?: string | undefined;
  organization?: string | undefined;
  /** Full-text search; customers search only what they may see (never internal notes). */
  q?: string | undefined;
  /** Opaque cursor from a previous page. */
  cursor?: string | undefined;
  limit: number;
  order: 'newest' | 'oldest';
}

/** Encodes a keyset position. */
export function encodeCursor(row: Pick<TicketRow, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    /* answered below */
  }
  throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'cursor', message: 'invalid cursor' }] });
}

/** One page of the tickets the actor may see, newest first by default. */
export async function listTickets(deps: ServiceDeps, input: ListTicketsInput): Promise<{ items: TicketRow[]; nextCursor: string | null }> {
  const { actor } = input;
  const filter: TicketListFilter = { order: input.order, limit: input.limit + 1, after: input.cursor ? decodeCursor(input.cursor) : null };
  if (input.state) filter.state = input.state;
  if (input.assignee) filter.assigneeId = input.assignee === 'none' ? null : input.assignee === 'me' ? actor.id : input.assignee;
  if (input.requester) filter.requesterId = input.requester;
  if (input.organization) filter.organizationId = input.organization;
  if (input.q?.trim()) filter.textMatch = deps.search.ticketMatch({ groups: ticketQueryGroups(input.q) }, isStaff(actor) ? 'all' : 'public');
  if (!isStaff(actor)) filter.visibleTo = { userId: actor.id, organizationId: actor.organizationShares ? actor.organizationId : null };
  const rows = await listTicketRows(deps.db, filter);
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1]!) : null };
}
