import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { KbCandidateRequest, TicketTextQuery } from '../ports/search-index.js';
import { safeTerm, SqlSearchIndex, type CandidateRef } from './search-sql-common.js';

/** A tsquery lexeme (terms are letters and digits only; quoted all the same). */
const lexeme = (term: string): string => `'${term.replaceAll("'", "''")}'`;

/** PostgreSQL: generated tsvector columns ('simple' configuration over analysed terms) with GIN indexes. */
export class PostgresSearchIndex extends SqlSearchIndex {
  readonly engine = 'postgres' as const;

  protected async candidateRefs(executor: Executor, request: KbCandidateRequest): Promise<CandidateRef[]> {
    const exact = request.terms.map(safeTerm).filter((t): t is string => t !== null).map(lexeme);
    const prefix = request.prefixTerms.map(safeTerm).filter((t): t is string => t !== null).map((t) => `${lexeme(t)}:*`);
    const parts = [...new Set([...exact, ...prefix])];
    if (parts.length === 0) return [];
    const query = parts.join(' | ');
    // Weights {D, C, B, A}: a title (A) occurrence counts twice a body (B) one when the engine must choose.
    const order = request.ranked ? sql`order by ts_rank('{0.1, 0.2, 0.5, 1.0}', tsv, q, 1) desc, article_id` : sql``;
    const result = await sql<CandidateRef>`
      select article_id as "articleId", version
      from kb_search_docs, to_tsquery('simple', ${query}) q
      where lang = ${request.lang} and tsv @@ q
      ${order}
      limit ${request.limit}`.execute(executor);
    return result.rows;
  }

  ticketMatch(query: TicketTextQuery, audience: 'public' | 'all'): Expression<SqlBool> {
    const groups = query.groups
      .map((alts) =>
        alts
          .map((a) => (a.endsWith('*') ? (safeTerm(a.slice(0, -1)) ? `${lexeme(a.slice(0, -1))}:*` : null) : safeTerm(a) ? lexeme(a) : null))
          .filter((x): x is string => x !== null),
      )
      .filter((alts) => alts.length > 0)
      .map((alts) => `(${alts.join(' | ')})`);
    if (groups.length === 0) return sql<SqlBool>`false`;
    const text = groups.join(' & ');
    const column = audience === 'public' ? sql.ref('s.public_tsv') : sql.ref('s.all_tsv');
    return sql<SqlBool>`tickets.id in (select s.ticket_id from ticket_search s where ${column} @@ to_tsquery('simple', ${text}))`;
  }
}
