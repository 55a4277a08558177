import { transition, type PendingReason, type TicketState } from '../../../domain/ticket/state-machine.js';
import { AppError } from '../../errors/app-error.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { addMessage } from '../tickets/add-message.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';
import { updateTicket } from '../tickets/update-ticket.js';
import { articleUrl } from './kb-urls.js';
import { publishedVersion } from './article-link.js';
import { requireStaff } from './staff.js';

/** An agent answers a request with a knowledge-base article. */
export interface AnswerWithArticleInput {
  actor: Actor;
  /** Ticket id or number. */
  ticketId: string;
  articleId: string;
  /** Text before the link; a translated default in the ticket's language when absent. */
  message?: string | undefined;
  defaultChannel: 'web' | 'api' | 'email';
}

/**
 * "Answered by the documentation": posts a public reply with the article's link (its translation in
 * the ticket's language when published), records the article on the ticket and solves it, through
 * the ticket services so history, hooks and notifications run as for any reply and any change.
 * The move to solved is checked first, so a refused move posts nothing.
 */
export async function answerWithArticle(deps: ServiceDeps, input: AnswerWithArticleInput): Promise<TicketRow> {
  requireStaff(input.actor);
  const ticket = await loadVisibleTicket(deps.db, input.actor, input.ticketId);
  const article = await publishedVersion(deps, input.articleId, ticket.language);
  const afterReply: TicketState = ticket.state === 'new' ? 'open' : (ticket.state as TicketState);
  const check = transition({ from: afterReply, to: 'solved', currentReason: ticket.pendingReason as PendingReason | null, actor: 'agent' });
  if (!check.ok) throw new AppError('illegal_transition', { detailKey: 'illegal_transition', params: { from: ticket.state, to: 'solved' } });
  const t = deps.i18n.getFixedT(ticket.language, 'kb');
  const url = articleUrl(deps.config, article.lang, article.slug);
  const intro = input.message?.trim() || t('answer.intro');
  const body = `${intro}\n\n${article.title || article.slug}\n${url}\n\n${t('answer.outro')}`;
  await addMessage(deps, { actor: input.actor, ticketId: ticket.id, body, defaultChannel: input.defaultChannel });
  return updateTicket(deps, { actor: input.actor, ticketId: ticket.id, state: 'solved', answeredByArticleId: article.id });
}
