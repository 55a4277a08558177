import { foldWord } from './stopwords.js';
import { isStopword, termOf, words, type KbLang } from './analyze.js';
import type { TermDictionary } from './term-dictionary.js';

/**
 * The ranking of knowledge-base articles for a question: BM25F over two fields (title, body) on
 * two representations of the words (Snowball stems, and the first letters of each folded word, which
 * catches what the stemmer splits: "écossais"/"écossaise"), plus typo tolerance (a query word the
 * index does not know is replaced by known words one edit away) and a proximity bonus for query
 * words found close together in the body. Every word of the question counts, none is required.
 * Pure: the caller brings the candidate articles and the corpus statistics.
 */
export interface RankParams {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation. */
  b: number;
  /** Weight of a title occurrence against a body occurrence. */
  titleWeight: number;
  /** Weight of the prefix representation against the stems. */
  prefixWeight: number;
  /** Letters kept by the prefix representation. */
  prefixLength: number;
  /** Weight of a known word one edit away from an unknown query word. */
  fuzzyWeight: number;
  /** Weight of the proximity bonus. */
  proximityWeight: number;
  /** Largest distance (in terms) that earns a proximity bonus. */
  proximityWindow: number;
}

/**
 * Parameters tuned on one half of the DEV questions of the benchmark (split by a hash of the query
 * id) and checked on the other half; see BENCHMARKS.md.
 */
export const RANK_PARAMS: RankParams = {
  k1: 1.0,
  b: 0.6,
  titleWeight: 1,
  prefixWeight: 0.5,
  prefixLength: 6,
  fuzzyWeight: 0.5,
  proximityWeight: 0.5,
  proximityWindow: 10,
};

/** Marks prefix terms in the per-term document counts, apart from stems. */
export const PREFIX_MARK = '~';

/** The analysed form of a text for the index: stems and prefixes of the title and the body. */
export interface AnalyzedDoc {
  titleTerms: string[];
  bodyTerms: string[];
  titlePrefixes: string[];
  bodyPrefixes: string[];
}

/** The analysed question. */
export interface AnalyzedQuery {
  lang: KbLang;
  /** Stems of the content words, in order. */
  terms: string[];
  /** Prefixes of the content words, in order. */
  prefixes: string[];
}

/** The prefix form of a word: folded, cut to `length` letters. */
export function prefixOf(word: string, length = RANK_PARAMS.prefixLength): string {
  const f = foldWord(word);
  return f.length > length ? f.slice(0, length) : f;
}

function analyzeField(text: string, lang: KbLang): { terms: string[]; prefixes: string[] } {
  const terms: string[] = [];
  const prefixes: string[] = [];
  for (const w of words(text)) {
    if (isStopword(w, lang)) continue;
    const t = termOf(w, lang);
    if (!t) continue;
    terms.push(t);
    prefixes.push(prefixOf(w));
  }
  return { terms, prefixes };
}

/** Analyses an article for the index. */
export function analyzeDoc(title: string, body: string, lang: KbLang): AnalyzedDoc {
  const t = analyzeField(title, lang);
  const b = analyzeField(body, lang);
  return { titleTerms: t.terms, bodyTerms: b.terms, titlePrefixes: t.prefixes, bodyPrefixes: b.prefixes };
}

/** Analyses a question. Long input is cut: a question past 64 content words adds only noise. */
export function analyzeQuery(text: string, lang: KbLang): AnalyzedQuery {
  const { terms, prefixes } = analyzeField(text.slice(0, 4000), lang);
  return { lang, terms: terms.slice(0, 64), prefixes: prefixes.slice(0, 64) };
}

/** A candidate article with its analysed fields as term numbers (prefix terms carry PREFIX_MARK). */
export interface RankCandidate {
  id: string;
  titleTerms: Int32Array;
  bodyTerms: Int32Array;
  titlePrefixes: Int32Array;
  bodyPrefixes: Int32Array;
}

/** Corpus statistics of the language. */
export interface CorpusStats {
  docs: number;
  avgTitleLen: number;
  avgBodyLen: number;
  /** Number of articles containing a term (prefix terms carry PREFIX_MARK). */
  df: ReadonlyMap<string, number>;
}

/** A scored article. */
export interface Ranked {
  id: string;
  score: number;
}

type FieldTf = Map<number, [number, number]>;

/**
 * Occurrences in the title and the body of the wanted terms only (a candidate has a hundred terms,
 * a question a handful), with the body positions of each for the proximity bonus.
 */
function fieldTf(title: Int32Array, body: Int32Array, wanted: ReadonlyMap<number, unknown>, positions?: Map<number, number[]>): FieldTf {
  const tf: FieldTf = new Map();
  for (let i = 0; i < title.length; i++) {
    const x = title[i]!;
    if (!wanted.has(x)) continue;
    const e = tf.get(x);
    if (e) e[0] += 1;
    else tf.set(x, [1, 0]);
  }
  for (let i = 0; i < body.length; i++) {
    const x = body[i]!;
    if (!wanted.has(x)) continue;
    const e = tf.get(x);
    if (e) e[1] += 1;
    else tf.set(x, [0, 1]);
    if (positions) {
      const list = positions.get(x);
      if (list) list.push(i);
      else positions.set(x, [i]);
    }
  }
  return tf;
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Robertson–Spärck Jones IDF, never negative. */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

interface Bm25Field {
  tf: FieldTf;
  titleLen: number;
  bodyLen: number;
}

/** A query term: its number, its weight in the question and its IDF. */
interface QueryTerm {
  qtf: number;
  idf: number;
}

function bm25(field: Bm25Field, query: ReadonlyMap<number, QueryTerm>, stats: CorpusStats, p: RankParams, matched?: number[]): number {
  const nt = 1 - p.b + p.b * (field.titleLen / (stats.avgTitleLen || 1));
  const nb = 1 - p.b + p.b * (field.bodyLen / (stats.avgBodyLen || 1));
  let score = 0;
  for (const [term, q] of query) {
    const e = field.tf.get(term);
    if (!e) continue;
    matched?.push(term);
    const tf = (p.titleWeight * e[0]) / nt + e[1] / nb;
    score += q.idf * ((tf * (p.k1 + 1)) / (tf + p.k1)) * q.qtf;
  }
  return score;
}

function minDistance(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let best = Infinity;
  while (i < a.length && j < b.length) {
    best = Math.min(best, Math.abs(a[i]! - b[j]!));
    if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return best;
}

function proximity(positions: Map<number, number[]>, matched: number[], query: ReadonlyMap<number, QueryTerm>, p: RankParams): number {
  if (matched.length < 2) return 0;
  let bonus = 0;
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const a = positions.get(matched[i]!);
      const b = positions.get(matched[j]!);
      if (!a || !b) continue;
      const d = minDistance(a, b);
      if (d <= p.proximityWindow) bonus += (p.proximityWeight * Math.min(query.get(matched[i]!)!.idf, query.get(matched[j]!)!.idf)) / (d * d);
    }
  }
  return bonus;
}

/**
 * The weighted query terms: each stem with its count in the question, plus, for stems the index does
 * not know, the known stems one edit away (`fuzzy`), at a reduced weight.
 */
export function queryTermWeights(query: AnalyzedQuery, fuzzy: ReadonlyMap<string, string[]>, p: RankParams = RANK_PARAMS): Map<string, number> {
  const weights = counts(query.terms);
  for (const near of fuzzy.values()) {
    for (const v of near) weights.set(v, (weights.get(v) ?? 0) + p.fuzzyWeight);
  }
  return weights;
}

/** Query terms by number: terms the dictionary does not know cannot occur in any candidate. */
function encodeQuery(weights: Map<string, number>, dictionary: TermDictionary, stats: CorpusStats, mark: string): Map<number, QueryTerm> {
  const out = new Map<number, QueryTerm>();
  for (const [term, qtf] of weights) {
    const id = dictionary.lookup(mark + term);
    if (id !== undefined) out.set(id, { qtf, idf: idf(stats.df.get(mark + term) ?? 0, stats.docs) });
  }
  return out;
}

/** Scores candidates for a question, best first (ties by id, so both databases agree). */
export function rankCandidates(
  query: AnalyzedQuery,
  candidates: RankCandidate[],
  stats: CorpusStats,
  dictionary: TermDictionary,
  fuzzy: ReadonlyMap<string, string[]> = new Map(),
  p: RankParams = RANK_PARAMS,
): Ranked[] {
  const stemQuery = encodeQuery(queryTermWeights(query, fuzzy, p), dictionary, stats, '');
  const prefixQuery = encodeQuery(counts(query.prefixes), dictionary, stats, PREFIX_MARK);
  const out: Ranked[] = [];
  for (const c of candidates) {
    const matched: number[] = [];
    const positions = new Map<number, number[]>();
    const stems = { tf: fieldTf(c.titleTerms, c.bodyTerms, stemQuery, positions), titleLen: c.titleTerms.length, bodyLen: c.bodyTerms.length };
    let score = bm25(stems, stemQuery, stats, p, matched);
    if (p.prefixWeight > 0 && prefixQuery.size > 0) {
      const pre = { tf: fieldTf(c.titlePrefixes, c.bodyPrefixes, prefixQuery), titleLen: c.titleTerms.length, bodyLen: c.bodyTerms.length };
      score += p.prefixWeight * bm25(pre, prefixQuery, stats, p);
    }
    if (score <= 0) continue;
    score += proximity(positions, matched, stemQuery, p);
    out.push({ id: c.id, score });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
