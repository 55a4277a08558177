import type { KbLang } from '../../../domain/kb/analyze.js';
import { analyzeQuery, PREFIX_MARK, rankCandidates, type AnalyzedQuery, type CorpusStats, type RankCandidate } from '../../../domain/kb/rank.js';
import { snippet } from '../../../domain/kb/snippet.js';
import { editVariants } from '../../../domain/kb/typos.js';
import type { Executor } from '../../db/schema.js';
import { findArticles, type KbArticleRow } from '../../repositories/kb.repository.js';
import type { KbCandidateRow } from '../../ports/search-index.js';
import type { ServiceDeps } from '../deps.js';

/** How many articles the engine hands over for ranking. */
export const CANDIDATES = 150;
/** A term in more than this share of the articles does not pick candidates (it still counts in the ranking). */
const COMMON_SHARE = 0.08;
/** The rarest terms always pick candidates, however common. */
const MIN_CANDIDATE_TERMS = 3;
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
  article: KbArticleRow;
  score: number;
  /** HTML extract with the matching words in <mark>. */
  snippet: string;
}

const split = (s: string): string[] => (s ? s.split(' ') : []);

function toCandidate(row: KbCandidateRow): RankCandidate {
  return { id: row.articleId, titleTerms: split(row.titleTerms), bodyTerms: split(row.bodyTerms), titlePrefixes: split(row.titlePrefixes), bodyPrefixes: split(row.bodyPrefixes) };
}

async function typoExpansions(deps: ServiceDeps, db: Executor, query: AnalyzedQuery, df: Map<string, number>): Promise<Map<string, string[]>> {
  const unknown = [...new Set(query.terms)].filter((t) => !df.has(t)).slice(0, MAX_TYPO_WORDS);
  const variants = new Map(unknown.map((t) => [t, editVariants(t, query.lang)]));
  const all = [...variants.values()].flat();
  if (all.length === 0) return new Map();
  const found = await deps.search.termStats(db, query.lang, all);
  const out = new Map<string, string[]>();
  for (const [term, list] of variants) {
    const known = list.filter((v) => found.df.has(v)).sort((a, b) => found.df.get(b)! - found.df.get(a)! || (a < b ? -1 : 1)).slice(0, MAX_TYPO_VARIANTS);
    for (const v of known) df.set(v, found.df.get(v)!);
    if (known.length > 0) out.set(term, known);
  }
  return out;
}

/** The terms that pick candidates: the informative ones (common words would bring half the base). */
function candidateTerms(terms: string[], df: Map<string, number>, docs: number): string[] {
  const known = [...new Set(terms)].filter((t) => df.has(t)).sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
  return known.filter((t, i) => i < MIN_CANDIDATE_TERMS || df.get(t)! <= COMMON_SHARE * docs);
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
  const fuzzy = await typoExpansions(deps, db, query, totals.df);
  const pick = candidateTerms([...query.terms, ...[...fuzzy.values()].flat()], totals.df, totals.docs);
  if (pick.length === 0) return { query, ranked: [] };
  const rows = await deps.search.articleCandidates(db, { lang, terms: pick, prefixTerms: [], limit: CANDIDATES });
  const stats: CorpusStats = { docs: totals.docs, avgTitleLen: totals.titleLen / totals.docs, avgBodyLen: totals.bodyLen / totals.docs, df: totals.df };
  return { query, ranked: rankCandidates(query, rows.map(toCandidate), stats, fuzzy) };
}

/** Searches and returns the best articles with their highlighted extract. */
export async function searchArticles(deps: ServiceDeps, input: SearchArticlesInput, db: Executor = deps.db): Promise<ArticleHit[]> {
  const { query, ranked } = await rankArticles(deps, input.text, input.lang, db);
  const top = ranked.slice(0, input.limit);
  if (top.length === 0) return [];
  const rows = new Map((await findArticles(db, top.map((r) => r.id))).map((r) => [r.id, r]));
  const terms = new Set(query.terms);
  return top
    .filter((r) => rows.get(r.id)?.state === 'published')
    .map((r) => {
      const article = rows.get(r.id)!;
      return { article, score: Math.round(r.score * 1000) / 1000, snippet: snippet(article.bodyText, terms, input.lang) };
    });
}
