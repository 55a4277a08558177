import type { SuggestResult } from '../../../contracts/kb.js';
import type { KbLang } from '../../../domain/kb/analyze.js';
import { detectLanguage } from '../../../domain/kb/detect-language.js';
import { isLang } from '../../../i18n/languages.js';
import { findArticles } from '../../repositories/kb.repository.js';
import { findSessionOfTicket } from '../../repositories/kb-sessions.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';
import { articleUrl } from './kb-urls.js';
import { requireStaff } from './staff.js';
import { searchArticles } from './search-articles.js';
import { presentHit } from './suggest-articles.js';

/** The first characters of the request that are searched (subject and question). */
const QUESTION_CHARS = 4000;

/** What an agent sees beside a ticket: the best articles for it, and what the customer saw before filing. */
export interface TicketSuggestionsOut {
  results: SuggestResult[];
  shownBeforeFiling: Array<{ id: string; title: string; url: string; opened: boolean }>;
  question: string | null;
  answeredByArticleId: string | null;
}

/** The best matching articles for a ticket (its subject and first message, in its language). */
export async function ticketSuggestions(deps: ServiceDeps, input: { actor: Actor; ticketId: string; limit: number }): Promise<TicketSuggestionsOut> {
  requireStaff(input.actor);
  const ticket = await loadVisibleTicket(deps.db, input.actor, input.ticketId);
  const first = await deps.db.selectFrom('messages').select('bodyText').where('ticketId', '=', ticket.id).where('internal', '=', 0).orderBy('createdAt').orderBy('id').executeTakeFirst();
  const text = `${ticket.subject}\n${first?.bodyText ?? ''}`.slice(0, QUESTION_CHARS);
  const lang: KbLang = isLang(ticket.language) ? ticket.language : (detectLanguage(text) ?? 'en');
  const hits = await searchArticles(deps, { text, lang, limit: input.limit });
  const session = await findSessionOfTicket(deps.db, ticket.id);
  const shownIds = session ? (JSON.parse(session.shownArticleIds) as string[]) : [];
  const shown = new Map((await findArticles(deps.db, shownIds)).map((a) => [a.id, a]));
  return {
    results: hits.map((h) => presentHit(deps, h, null)),
    shownBeforeFiling: shownIds
      .filter((id) => shown.has(id))
      .map((id) => {
        const a = shown.get(id)!;
        return { id, title: a.title, url: articleUrl(deps.config, a.lang, a.slug), opened: session?.openedArticleId === id };
      }),
    question: session?.question ?? null,
    answeredByArticleId: ticket.answeredByArticleId,
  };
}
