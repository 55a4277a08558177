import { v7 as uuidv7 } from 'uuid';
import type { MessageDto } from '../../../contracts/tickets.js';
import { transition, type PendingReason, type TicketState } from '../../../domain/ticket/state-machine.js';
import { AppError, forbidden, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { findTicket, updateTicketRow, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks, type FieldChange } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { listMessages } from '../tickets/read-thread.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';

/** A customer (or an agent for them) says the answer did not solve the problem. */
export interface ReopenInput {
  actor: Actor;
  /** Ticket id or number. */
  ticketId: string;
  /** Why the customer is not satisfied (plain text). */
  comment: string;
  /** How the comment came: web, api, email (a reply to the solved notification), phone... */
  channel: string;
  /** Pre-rendered safe HTML of the comment (e-mail); derived from `comment` when absent. */
  commentHtml?: string;
}

/**
 * Reopens a solved (or, for agents, closed) ticket as "not satisfied": the comment becomes a
 * customer message, the ticket goes back to open with its reopen count raised, and the original
 * question, the last public answer and the comment are remembered together for the agent view.
 * Customers may reopen only their own requests.
 */
export async function reopenAsNotSatisfied(deps: ServiceDeps, input: ReopenInput): Promise<TicketRow> {
  const { actor } = input;
  const ticket = await loadVisibleTicket(deps.db, actor, input.ticketId);
  const staff = isStaff(actor);
  if (!staff && ticket.requesterId !== actor.id) throw forbidden('customers_only_own_tickets');
  const from = ticket.state as TicketState;
  if (from !== 'solved' && from !== 'closed') {
    throw new AppError('illegal_transition', { detailKey: 'intake:errors.reopen_not_solved', params: { state: from } });
  }
  const r = transition({ from, to: 'open', currentReason: ticket.pendingReason as PendingReason | null, actor: staff ? 'agent' : 'customer' });
  if (!r.ok) throw new AppError('illegal_transition', { detailKey: 'illegal_transition', params: { from, to: 'open' } });
  const comment = input.comment.trim();
  if (!comment) throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'comment', message: 'required' }] });

  const at = deps.clock.now().toISOString();
  const messageId = uuidv7();
  const body = renderPlainText(comment);
  const changes: FieldChange[] = [{ field: 'state', before: from, after: 'open' }];
  await deps.db.transaction().execute(async (trx) => {
    const thread = await trx
      .selectFrom('messages')
      .select(['id', 'kind', 'internal'])
      .where('ticketId', '=', ticket.id)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    const question = thread.find((m) => m.kind === 'customer') ?? null;
    const answer = [...thread].reverse().find((m) => m.kind === 'reply' && !m.internal) ?? null;
    await insertMessage(trx, {
      id: messageId,
      ticketId: ticket.id,
      authorId: ticket.requesterId,
      createdById: actor.id,
      kind: 'customer',
      internal: 0,
      channel: input.channel,
      bodyText: body.text,
      bodyHtml: input.commentHtml ?? body.html,
      createdAt: at,
    });
    await updateTicketRow(trx, ticket.id, {
      state: 'open',
      pendingReason: null,
      solvedAt: null,
      closedAt: null,
      reopenCount: Number(ticket.reopenCount) + 1,
      lastCustomerMessageAt: at,
      updatedAt: at,
    });
    await trx
      .insertInto('ticketReopens')
      .values({ id: uuidv7(), ticketId: ticket.id, questionMessageId: question?.id ?? null, answerMessageId: answer?.id ?? null, commentMessageId: messageId, actorId: actor.id, createdAt: at })
      .execute();
    await insertHistory(trx, [
      ticketHistory(ticket.id, actor.id, at, 'message_added', { after: { messageId, kind: 'customer', channel: input.channel } }),
      ticketHistory(ticket.id, actor.id, at, 'reopened', { field: 'state', before: from, after: 'open' }),
      ticketHistory(ticket.id, actor.id, at, 'not_satisfied', { after: { messageId, reopenCount: Number(ticket.reopenCount) + 1 } }),
    ]);
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'message_added', messageId, kind: 'customer', internal: false }, at }, deps);
    await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes }, at }, deps);
  });
  deps.events.publish({ ticketId: ticket.id, type: 'updated', internal: false, at });
  return (await findTicket(deps.db, ticket.id))!;
}

/** What the agent sees together after a "not satisfied" reopen. */
export interface ReopenContext {
  question: MessageDto;
  lastAnswer: MessageDto | null;
  comment: MessageDto | null;
}

/** The latest "not satisfied" reopen of a ticket: original question, last answer, comment; 404 when never reopened so. */
export async function reopenContext(deps: ServiceDeps, actor: Actor, ticketRef: string): Promise<ReopenContext> {
  const ticket = await loadVisibleTicket(deps.db, actor, ticketRef);
  const row = await deps.db
    .selectFrom('ticketReopens')
    .selectAll()
    .where('ticketId', '=', ticket.id)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound('resource');
  const messages = await listMessages(deps, actor, ticket.id);
  const pick = (id: string | null) => (id ? (messages.find((m) => m.id === id) ?? null) : null);
  const question = pick(row.questionMessageId) ?? messages.find((m) => m.kind === 'customer') ?? null;
  if (!question) throw notFound('resource');
  return { question, lastAnswer: pick(row.answerMessageId), comment: pick(row.commentMessageId) };
}
