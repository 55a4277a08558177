import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { KbCandidateRequest, KbCandidateRow, KbIndexEntry, KbTermStats, SearchIndex, TicketIndexEntry, TicketTextQuery } from '../ports/search-index.js';

/** Prefix terms are counted in kb_search_terms under this mark, apart from stems. */
const PREFIX_MARK = '~';
const CHUNK = 400;

/** Only letters and digits reach an engine's query syntax: nothing a user typed can change it. */
export function safeTerm(term: string): string | null {
  return /^[\p{L}\p{N}]{1,64}$/u.test(term) ? term : null;
}

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function distinctTerms(e: { titleTerms: string[]; bodyTerms: string[]; titlePrefixes: string[]; bodyPrefixes: string[] }): string[] {
  const set = new Set<string>([...e.titleTerms, ...e.bodyTerms]);
  for (const p of [...e.titlePrefixes, ...e.bodyPrefixes]) set.add(PREFIX_MARK + p);
  return [...set].sort();
}

const split = (s: string): string[] => (s ? s.split(' ') : []);

/**
 * What both engines share: the analysed text lives in plain tables (kb_search_docs, ticket_search)
 * that each engine indexes its own way, and per-term document counts (kb_search_terms) with
 * per-language totals (kb_search_stats) feed the ranking. Subclasses write the engine's queries.
 */
export abstract class SqlSearchIndex implements SearchIndex {
  abstract readonly engine: 'fts5' | 'postgres';
  abstract articleCandidates(executor: Executor, request: KbCandidateRequest): Promise<KbCandidateRow[]>;
  abstract ticketMatch(query: TicketTextQuery, audience: 'public' | 'all'): Expression<SqlBool>;

  async indexArticle(executor: Executor, entry: KbIndexEntry): Promise<void> {
    await this.removeArticle(executor, entry.articleId);
    await executor
      .insertInto('kbSearchDocs')
      .values({
        articleId: entry.articleId,
        lang: entry.lang,
        titleTerms: entry.titleTerms.join(' '),
        bodyTerms: entry.bodyTerms.join(' '),
        titlePrefixes: entry.titlePrefixes.join(' '),
        bodyPrefixes: entry.bodyPrefixes.join(' '),
        titleLen: entry.titleTerms.length,
        bodyLen: entry.bodyTerms.length,
      })
      .execute();
    for (const part of chunks(distinctTerms(entry))) {
      await executor
        .insertInto('kbSearchTerms')
        .values(part.map((term) => ({ lang: entry.lang, term, df: 1 })))
        .onConflict((oc) => oc.columns(['lang', 'term']).doUpdateSet({ df: sql`kb_search_terms.df + 1` }))
        .execute();
    }
    await this.addTotals(executor, entry.lang, 1, entry.titleTerms.length, entry.bodyTerms.length);
  }

  async removeArticle(executor: Executor, articleId: string): Promise<void> {
    const old = await executor.selectFrom('kbSearchDocs').selectAll().where('articleId', '=', articleId).executeTakeFirst();
    if (!old) return;
    await executor.deleteFrom('kbSearchDocs').where('articleId', '=', articleId).execute();
    const terms = distinctTerms({ titleTerms: split(old.titleTerms), bodyTerms: split(old.bodyTerms), titlePrefixes: split(old.titlePrefixes), bodyPrefixes: split(old.bodyPrefixes) });
    for (const part of chunks(terms)) {
      await executor.updateTable('kbSearchTerms').set({ df: sql`df - 1` }).where('lang', '=', old.lang).where('term', 'in', part).execute();
    }
    await executor.deleteFrom('kbSearchTerms').where('lang', '=', old.lang).where('df', '<=', 0).execute();
    await this.addTotals(executor, old.lang, -1, -Number(old.titleLen), -Number(old.bodyLen));
  }

  private async addTotals(executor: Executor, lang: string, docs: number, titleLen: number, bodyLen: number): Promise<void> {
    await executor
      .insertInto('kbSearchStats')
      .values({ lang, docs, titleLen, bodyLen })
      .onConflict((oc) =>
        oc.column('lang').doUpdateSet({
          docs: sql`kb_search_stats.docs + ${docs}`,
          titleLen: sql`kb_search_stats.title_len + ${titleLen}`,
          bodyLen: sql`kb_search_stats.body_len + ${bodyLen}`,
        }),
      )
      .execute();
  }

  async termStats(executor: Executor, lang: string, terms: string[]): Promise<KbTermStats> {
    const totals = await executor.selectFrom('kbSearchStats').selectAll().where('lang', '=', lang).executeTakeFirst();
    const df = new Map<string, number>();
    const wanted = [...new Set(terms)];
    for (const part of chunks(wanted, 2000)) {
      const rows = await executor.selectFrom('kbSearchTerms').select(['term', 'df']).where('lang', '=', lang).where('term', 'in', part).execute();
      for (const r of rows) df.set(r.term, Number(r.df));
    }
    return { docs: Number(totals?.docs ?? 0), titleLen: Number(totals?.titleLen ?? 0), bodyLen: Number(totals?.bodyLen ?? 0), df };
  }

  async indexTicket(executor: Executor, entry: TicketIndexEntry): Promise<void> {
    const row = { publicTerms: entry.publicTerms.join(' '), internalTerms: entry.internalTerms.join(' ') };
    await executor
      .insertInto('ticketSearch')
      .values({ ticketId: entry.ticketId, ...row })
      .onConflict((oc) => oc.column('ticketId').doUpdateSet(row))
      .execute();
  }
}
