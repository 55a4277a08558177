import { v7 as uuidv7 } from 'uuid';
import type { SuggestResult } from '../../../contracts/kb.js';
import type { KbLang } from '../../../domain/kb/analyze.js';
import { detectLanguage } from '../../../domain/kb/detect-language.js';
import { fallbackTitle, normalizeQuestion, weekOf } from '../../../domain/kb/slug.js';
import { isLang } from '../../../i18n/languages.js';
import { findArticle } from '../../repositories/kb.repository.js';
import { findSession, insertSession, updateSession, type KbSessionRow } from '../../repositories/kb-sessions.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { articleUrl } from './kb-urls.js';
import { searchArticles, type ArticleHit } from './search-articles.js';

/** A question typed on the portal (or in the agent's composer). */
export interface SuggestInput {
  /** Null for an anonymous visitor of the portal. */
  actor: Actor | null;
  q: string;
  /** Language the UI asks for; ignored when not one of fr, es, en, ru. */
  lang?: string | undefined;
  /** Language to use when neither the UI nor the text tells (the reader's). */
  fallbackLang: string;
  limit: number;
  /** The session of the previous call for the same question. */
  sessionId?: string | undefined;
}

/** Suggestions with the language searched and the session recorded. */
export interface SuggestOutput {
  results: SuggestResult[];
  lang: KbLang;
  sessionId: string | null;
}

/** Sessions remember at most this many shown articles. */
const MAX_SHOWN = 50;

/** The language of the question: the UI's, else detected from the text, else the reader's. */
export function questionLanguage(q: string, uiLang: string | undefined, fallback: string): { lang: KbLang; detected: KbLang | null } {
  const detected = detectLanguage(q);
  if (isLang(uiLang)) return { lang: uiLang, detected };
  return { lang: detected ?? (isLang(fallback) ? fallback : 'en'), detected };
}

/** The API face of a hit; `sessionId` is carried in the link so the page records the opening. */
export function presentHit(deps: ServiceDeps, hit: ArticleHit, sessionId: string | null): SuggestResult {
  const url = articleUrl(deps.config, hit.article.lang, hit.article.slug);
  return {
    id: hit.article.id,
    externalId: hit.article.externalId,
    title: fallbackTitle(hit.article.title, hit.article.bodyText),
    snippet: hit.snippet,
    url: sessionId ? `${url}?kbs=${sessionId}` : url,
    score: hit.score,
  };
}

async function recordSession(deps: ServiceDeps, input: SuggestInput, lang: KbLang, hits: ArticleHit[]): Promise<string> {
  const at = deps.clock.now().toISOString();
  const shown = hits.map((h) => h.article.id);
  const question = input.q.trim().slice(0, 2000);
  let previous: KbSessionRow | undefined;
  if (input.sessionId && /^[0-9a-f-]{36}$/i.test(input.sessionId)) previous = await findSession(deps.db, input.sessionId);
  const usable = previous && previous.ticketId === null && (previous.userId === null || previous.userId === (input.actor?.id ?? null));
  if (previous && usable) {
    const union = [...new Set([...(JSON.parse(previous.shownArticleIds) as string[]), ...shown])].slice(0, MAX_SHOWN);
    await updateSession(
      deps.db,
      previous.id,
      {
        lang,
        question,
        questionNorm: normalizeQuestion(question),
        resultsCount: hits.length,
        shownArticleIds: JSON.stringify(union),
        userId: previous.userId ?? input.actor?.id ?? null,
        updatedAt: at,
      },
      deps.dialect,
    );
    return previous.id;
  }
  const id = uuidv7();
  const row = {
    id,
    lang,
    question,
    questionNorm: normalizeQuestion(question),
    userId: input.actor?.id ?? null,
    resultsCount: hits.length,
    shownArticleIds: JSON.stringify(shown),
    openedArticleId: null,
    openedAt: null,
    ticketId: null,
    ticketFiledAt: null,
    week: weekOf(at),
    createdAt: at,
    updatedAt: at,
  };
  await insertSession(deps.db, row, deps.dialect);
  return id;
}

/**
 * Suggests articles for a question as it is typed. Any input gets an answer (maybe empty): the
 * analysis keeps only letters and digits, so query syntax means nothing. Customers' and visitors'
 * questions are recorded as one session per question (the deflection report); agents' are not.
 */
export async function suggestArticles(deps: ServiceDeps, input: SuggestInput): Promise<SuggestOutput> {
  const { lang, detected } = questionLanguage(input.q, input.lang, input.fallbackLang);
  let searched = lang;
  let hits = await searchArticles(deps, { text: input.q, lang, limit: input.limit });
  if (hits.length === 0 && detected && detected !== lang) {
    // The portal is in one language and the customer typed in another: answer in theirs.
    hits = await searchArticles(deps, { text: input.q, lang: detected, limit: input.limit });
    if (hits.length > 0) searched = detected;
  }
  const record = !(input.actor && isStaff(input.actor)) && /[\p{L}\p{N}]/u.test(input.q);
  const sessionId = record ? await recordSession(deps, input, searched, hits) : null;
  return { results: hits.map((h) => presentHit(deps, h, sessionId)), lang: searched, sessionId };
}

/** Records that the reader of a session opened an article (from the portal, or the link's ?kbs=). */
export async function recordArticleOpened(deps: ServiceDeps, input: { sessionId: string; articleId: string }): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(input.sessionId)) return false;
  const session = await findSession(deps.db, input.sessionId);
  const article = await findArticle(deps.db, input.articleId);
  if (!session || !article || article.state !== 'published') return false;
  await updateSession(deps.db, session.id, { openedArticleId: article.id, openedAt: deps.clock.now().toISOString() });
  return true;
}
