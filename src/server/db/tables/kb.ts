import type { Generated } from 'kysely';

/** ISO-8601 UTC strings in TypeScript. */
type Timestamp = string;

/** A knowledge-base category (its names per language live in kb_category_names). */
export interface KbCategoriesTable {
  id: string;
  /** Language-neutral, used in public URLs. */
  slug: string;
  position: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** The name of a category in one language. */
export interface KbCategoryNamesTable {
  categoryId: string;
  lang: string;
  name: string;
  description: string | null;
}

/** An article or FAQ entry in one language; a translation group links its languages. */
export interface KbArticlesTable {
  id: string;
  /** Identifier in the system it was imported from; unique per language. */
  externalId: string | null;
  translationGroupId: string;
  lang: string;
  /** article | faq */
  kind: string;
  categoryId: string | null;
  title: string;
  /** Unique per language, used in public URLs. */
  slug: string;
  bodyMd: string;
  /** Sanitized HTML rendered from bodyMd. */
  bodyHtml: string;
  /** Plain text of the body (snippets). */
  bodyText: string;
  /** draft | published */
  state: string;
  position: Generated<number>;
  publishedAt: Timestamp | null;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** An image or attachment of an article; bytes in the BlobStore. */
export interface KbArticleFilesTable {
  id: string;
  articleId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storage: string;
  storageKey: string;
  createdAt: Timestamp;
}

/** Analysed text of a published article (space-separated terms) for the search index. */
export interface KbSearchDocsTable {
  articleId: string;
  lang: string;
  titleTerms: string;
  bodyTerms: string;
  titlePrefixes: string;
  bodyPrefixes: string;
  titleLen: number;
  bodyLen: number;
  /** New at each indexing: nodes cache the analysed text by (article, version). */
  version: string;
}

/** How many indexed articles of a language contain a term (prefix terms start with "~"). */
export interface KbSearchTermsTable {
  lang: string;
  term: string;
  df: number;
}

/** Totals per language for the ranking (article count, term counts). */
export interface KbSearchStatsTable {
  lang: string;
  docs: number;
  titleLen: number;
  bodyLen: number;
}

/** One suggestion session: a question typed on the portal, what it showed and what followed. */
export interface KbSessionsTable {
  id: string;
  lang: string;
  /** The latest text of the question. */
  question: string;
  /** Lower-cased, spaces collapsed: groups identical questions in reports. */
  questionNorm: string;
  userId: string | null;
  /** Results of the latest search. */
  resultsCount: number;
  /** JSON array of every article id shown during the session, in order of first appearance. */
  shownArticleIds: string;
  openedArticleId: string | null;
  openedAt: Timestamp | null;
  /** The request filed after the session, if any. */
  ticketId: string | null;
  ticketFiledAt: Timestamp | null;
  /** Monday (YYYY-MM-DD, UTC) of the session's week, for reports. */
  week: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Analysed text of a ticket for full-text search: what customers may see, and internal notes. */
export interface TicketSearchTable {
  ticketId: string;
  publicTerms: string;
  internalTerms: string;
}

/** Tables of the knowledge base. */
export interface KbTables {
  kbCategories: KbCategoriesTable;
  kbCategoryNames: KbCategoryNamesTable;
  kbArticles: KbArticlesTable;
  kbArticleFiles: KbArticleFilesTable;
  kbSearchDocs: KbSearchDocsTable;
  kbSearchTerms: KbSearchTermsTable;
  kbSearchStats: KbSearchStatsTable;
  kbSessions: KbSessionsTable;
  ticketSearch: TicketSearchTable;
}
