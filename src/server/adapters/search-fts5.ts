import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { KbCandidateRequest, TicketTextQuery } from '../ports/search-index.js';
import { safeTerm, SqlSearchIndex, type CandidateRef } from './search-sql-common.js';

/** An FTS5 string literal (terms are letters and digits only; quotes are doubled all the same). */
const quote = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/** SQLite FTS5: the kb_fts and ticket_fts tables, kept in step with the plain tables by triggers. */
export class Fts5SearchIndex extends SqlSearchIndex {
  readonly engine = 'fts5' as const;

  /** BM25 weights of the title and body columns for the candidate cut. */
  constructor(private readonly titleWeight = 2) {
    super();
  }

  protected async candidateRefs(executor: Executor, request: KbCandidateRequest): Promise<CandidateRef[]> {
    const exact = request.terms.map(safeTerm).filter((t): t is string => t !== null).map(quote);
    const prefix = request.prefixTerms.map(safeTerm).filter((t): t is string => t !== null).map((t) => `${quote(t)}*`);
    const parts = [...new Set([...exact, ...prefix])];
    if (parts.length === 0) return [];
    const match = parts.join(' OR ');
    const order = request.ranked ? sql`order by bm25(kb_fts, ${this.titleWeight}, 1.0), d.article_id` : sql``;
    const result = await sql<CandidateRef>`
      select d.article_id as "articleId", d.version as "version"
      from kb_fts join kb_search_docs d on d.seq = kb_fts.rowid
      where kb_fts match ${match} and d.lang = ${request.lang}
      ${order}
      limit ${request.limit}`.execute(executor);
    return result.rows;
  }

  ticketMatch(query: TicketTextQuery, audience: 'public' | 'all'): Expression<SqlBool> {
    const groups = query.groups
      .map((alts) =>
        alts
          .map((a) => (a.endsWith('*') ? (safeTerm(a.slice(0, -1)) ? `${quote(a.slice(0, -1))}*` : null) : safeTerm(a) ? quote(a) : null))
          .filter((x): x is string => x !== null),
      )
      .filter((alts) => alts.length > 0)
      .map((alts) => `(${alts.join(' OR ')})`);
    if (groups.length === 0) return sql<SqlBool>`1 = 0`;
    const body = groups.join(' AND ');
    const match = audience === 'public' ? `public_terms : (${body})` : body;
    return sql<SqlBool>`tickets.id in (select s.ticket_id from ticket_fts join ticket_search s on s.seq = ticket_fts.rowid where ticket_fts match ${match})`;
  }
}
