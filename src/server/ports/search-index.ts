import type { Expression, SqlBool } from 'kysely';
import type { TermDictionary } from '../../domain/kb/term-dictionary.js';
import type { Executor } from '../db/schema.js';

/** A published article as the index stores it: analysed terms of its title and body. */
export interface KbIndexEntry {
  articleId: string;
  lang: string;
  titleTerms: string[];
  bodyTerms: string[];
  titlePrefixes: string[];
  bodyPrefixes: string[];
}

/** Which articles to fetch for ranking. */
export interface KbCandidateRequest {
  lang: string;
  /** Terms an article must contain at least one of (exact terms). */
  terms: string[];
  /** Terms that also match longer terms starting with them. */
  prefixTerms: string[];
  /** How many candidates at most. */
  limit: number;
  /** When more than `limit` may match: let the engine's own ranking choose them (costs more). */
  ranked: boolean;
}

/** A candidate with its analysed fields as numbers of the index's TermDictionary (prefixes marked "~"). */
export interface KbCandidate {
  articleId: string;
  titleTerms: Int32Array;
  bodyTerms: Int32Array;
  titlePrefixes: Int32Array;
  bodyPrefixes: Int32Array;
}

/** Corpus statistics of one language, and the document counts of some terms. */
export interface KbTermStats {
  docs: number;
  titleLen: number;
  bodyLen: number;
  df: Map<string, number>;
}

/** A ticket as the full-text index stores it. */
export interface TicketIndexEntry {
  ticketId: string;
  /** What the requester may see: number, subject, requester, public messages. */
  publicTerms: string[];
  /** Internal notes (agents only). */
  internalTerms: string[];
}

/**
 * A ticket search: every group must match (AND); within a group, any alternative (OR). An
 * alternative ending in "*" matches as a prefix.
 */
export interface TicketTextQuery {
  groups: string[][];
}

/**
 * Full-text search, one adapter per engine (SQLite FTS5, PostgreSQL tsvector + GIN). Terms come
 * analysed (lower case, folded, stemmed) from the application, so both engines index the same
 * terms; the engines find candidates, the application ranks them.
 */
export interface SearchIndex {
  readonly engine: 'fts5' | 'postgres';
  /** Numbers of the terms in the candidates it returns. */
  readonly dictionary: TermDictionary;
  /** Adds or replaces a published article; keeps the per-term document counts in step. */
  indexArticle(executor: Executor, entry: KbIndexEntry): Promise<void>;
  /** Removes an article (unpublished or deleted); nothing happens when it is not indexed. */
  removeArticle(executor: Executor, articleId: string): Promise<void>;
  /** Article count and term totals of a language, with the document count of each given term. */
  termStats(executor: Executor, lang: string, terms: string[]): Promise<KbTermStats>;
  /** Every stem indexed in a language (typo tolerance); may be cached while the language's totals stay the same. */
  vocabulary(executor: Executor, lang: string, totals: Pick<KbTermStats, 'docs' | 'titleLen' | 'bodyLen'>): Promise<ReadonlySet<string>>;
  /** Articles of a language containing any of the terms, best first by the engine's ranking. */
  articleCandidates(executor: Executor, request: KbCandidateRequest): Promise<KbCandidate[]>;
  /** Adds or replaces a ticket's text. */
  indexTicket(executor: Executor, entry: TicketIndexEntry): Promise<void>;
  /** A condition on `tickets.id` matching the query; `public` searches only what customers may see. */
  ticketMatch(query: TicketTextQuery, audience: 'public' | 'all'): Expression<SqlBool>;
}
