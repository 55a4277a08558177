import { ticketIndexTerms } from '../../../domain/kb/ticket-terms.js';
import type { Executor } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import type { TicketHook } from '../hooks/ticket-hooks.js';

/** Longest share of one message that is indexed. */
const MAX_MESSAGE_CHARS = 50_000;

/**
 * Rebuilds a ticket's full-text entry from its row and thread: number, subject, requester and
 * public messages in the part customers may search; internal notes apart, for agents only.
 */
export async function reindexTicket(deps: Pick<ServiceDeps, 'search'>, executor: Executor, ticketId: string): Promise<void> {
  const ticket = await executor
    .selectFrom('tickets')
    .innerJoin('users', 'users.id', 'tickets.requesterId')
    .select(['tickets.id', 'tickets.number', 'tickets.subject', 'tickets.language', 'users.name', 'users.email'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) return;
  // Guichet's own system messages (confirmations, due-date announcements) repeat the ticket's facts
  // and would keep an old subject findable: they are not indexed.
  const messages = await executor.selectFrom('messages').select(['bodyText', 'internal']).where('ticketId', '=', ticketId).where('kind', '!=', 'system').orderBy('createdAt').execute();
  const head = `${ticket.number} ${ticket.subject} ${ticket.name} ${ticket.email}`;
  const publicText = [head, ...messages.filter((m) => !m.internal).map((m) => m.bodyText.slice(0, MAX_MESSAGE_CHARS))].join('\n');
  const internalText = messages.filter((m) => m.internal).map((m) => m.bodyText.slice(0, MAX_MESSAGE_CHARS)).join('\n');
  await deps.search.indexTicket(executor, {
    ticketId,
    publicTerms: ticketIndexTerms(publicText, ticket.language),
    internalTerms: ticketIndexTerms(internalText, ticket.language),
  });
}

/** Keeps the ticket full-text index current: on creation, every message, and subject changes. */
export const ticketSearchHook: TicketHook = {
  name: 'ticket-search-index',
  async run(ctx) {
    const e = ctx.event;
    const relevant = e.type === 'created' || e.type === 'message_added' || (e.type === 'updated' && e.changes.some((c) => c.field === 'subject'));
    if (relevant) await reindexTicket(ctx.deps, ctx.trx, ctx.ticketId);
  },
};
