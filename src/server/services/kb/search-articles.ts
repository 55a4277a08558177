import type { KbLang } from '../../../domain/kb/analyze.js';
import { analyzeQuery, PREFIX_MARK, rankCandidates, type AnalyzedQuery, type CorpusStats, type RankCandidate } from '../../../domain/kb/rank.js';
import { snippet } from '../../../domain/kb/snippet.js';
import { editVariants } from '../../../domain/kb/typos.js';
import type { Executor } from '../../db/schema.js';
import { findArticleSummaries, type KbArticleSummary } from '../../repositories/kb.repository.js';
import type { KbCandidate, KbTermStats } from '../../ports/search-index.js';
import type { ServiceDeps } from '../deps.js';

/**
 * How candidates are picked: the question's rarest terms, from the rarest up, while the articles
 * containing them add up to at most `budget` (the first term always counts). Common terms still
 * count in the ranking; they only do not bring candidates. At most `limit` candidates are ranked;
 * only when the picked terms may bring more does the engine order them by its own ranking.
 */
export const CANDIDATE_POLICY = { budget: 300, limit: 300 };
/** Unknown query words that get typo tolerance, and known words kept per unknown word. */
const MAX_TYPO_WORDS = 4;
const MAX_TYPO_VARIANTS = 5;

/** A question to search. */
export interface SearchArticlesInput {
  text: string;
  lang: KbLang;
  limit: number;
}

/** One article found. */
export interface ArticleHit {
  article: KbArticleSummary;
  score: number;
  /** HTML extract with the matching words in <mark>. */
  snippet: string;
}

function toCandidate(row: KbCandidate): RankCandidate {
  return { id: row.articleId, titleTerms: row.titleTerms, bodyTerms: row.bodyTerms, titlePrefixes: row.titlePrefixes, bodyPrefixes: row.bodyPrefixes };
}

async function typoExpansions(deps: ServiceDeps, db: Executor, query: AnalyzedQuery, totals: KbTermStats): Promise<Map<string, string[]>> {
  const unknown = [...new Set(query.terms)].filter((t) => !totals.df.has(t)).slice(0, MAX_TYPO_WORDS);
  if (unknown.length === 0) return new Map();
  const vocabulary = await deps.search.vocabulary(db, query.lang, totals);
  const near = new Map(unknown.map((t) => [t, editVariants(t, query.lang).filter((v) => vocabulary.has(v))]));
  if ([...near.values()].every((l) => l.length === 0)) return new Map();
  const found = await deps.search.termStats(db, query.lang, [...near.values()].flat());
  const out = new Map<string, string[]>();
  for (const [term, list] of near) {
    const known = list.filter((v) => found.df.has(v)).sort((a, b) => found.df.get(b)! - found.df.get(a)! || (a < b ? -1 : 1)).slice(0, MAX_TYPO_VARIANTS);
    for (const v of known) totals.df.set(v, found.df.get(v)!);
    if (known.length > 0) out.set(term, known);
  }
  return out;
}

/** The terms that pick candidates: the informative ones (common words would bring half the base). */
function candidateTerms(terms: string[], df: Map<string, number>): { terms: string[]; reach: number } {
  const known = [...new Set(terms)].filter((t) => df.has(t)).sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  const picked: string[] = [];
  let reach = 0;
  for (const t of known) {
    if (picked.length > 0 && reach + df.get(t)! > CANDIDATE_POLICY.budget) break;
    picked.push(t);
    reach += df.get(t)!;
  }
  return { terms: picked, reach };
}

/**
 * Finds the published articles of a language that answer a question, best first: the engine brings
 * the articles sharing an informative word with the question, the domain ranking orders them.
 */
export async function rankArticles(deps: ServiceDeps, text: string, lang: KbLang, db: Executor = deps.db): Promise<{ query: AnalyzedQuery; ranked: Array<{ id: string; score: number }> }> {
  const query = analyzeQuery(text, lang);
  if (query.terms.length === 0) return { query, ranked: [] };
  const wanted = [...query.terms, ...query.prefixes.map((p) => PREFIX_MARK + p)];
  const totals = await deps.search.termStats(db, lang, wanted);
  if (totals.docs === 0) return { query, ranked: [] };
  const fuzzy = await typoExpansions(deps, db, query, totals);
  const pick = candidateTerms([...query.terms, ...[...fuzzy.values()].flat()], totals.df);
  if (pick.terms.length === 0) return { query, ranked: [] };
  const rows = await deps.search.articleCandidates(db, { lang, terms: pick.terms, prefixTerms: [], limit: CANDIDATE_POLICY.limit, ranked: pick.reach > CANDIDATE_POLICY.limit });
  const stats: CorpusStats = { docs: totals.docs, avgTitleLen: totals.titleLen / totals.docs, avgBodyLen: totals.bodyLen / totals.docs, df: totals.df };
  return { query, ranked: rankCandidates(query, rows.map(toCandidate), stats, deps.search.dictionary, fuzzy) };
}

/** Searches and returns the best articles with their highlighted extract. */
export async function searchArticles(deps: ServiceDeps, input: SearchArticlesInput, db: Executor = deps.db): Promise<ArticleHit[]> {
  const { query, ranked } = await rankArticles(deps, input.text, input.lang, db);
  const top = ranked.slice(0, input.limit);
  if (top.length === 0) return [];
  const rows = new Map((await findArticleSummaries(db, top.map((r) => r.id))).map((r) => [r.id, r]));
  const terms = new Set(query.terms);
  return top
    .filter((r) => rows.get(r.id)?.state === 'published')
    .map((r) => {
      const article = rows.get(r.id)!;
      return { article, score: Math.round(r.score * 1000) / 1000, snippet: snippet(article.bodyText, terms, input.lang) };
    });
}
