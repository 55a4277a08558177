import { sql, type Expression, type SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Executor } from '../db/schema.js';
import { TermDictionary } from '../../domain/kb/term-dictionary.js';
import type { KbCandidate, KbCandidateRequest, KbIndexEntry, KbTermStats, SearchIndex, TicketIndexEntry, TicketTextQuery } from '../ports/search-index.js';

/** Prefix terms are counted in kb_search_terms under this mark, apart from stems. */
const PREFIX_MARK = '~';
const CHUNK = 400;
/** Analysed articles kept in memory per process (about a kB each, as term numbers). */
const DOC_CACHE_MAX = 20_000;

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

/** A candidate found by the engine: the article and the version of its analysed text. */
export interface CandidateRef {
  articleId: string;
  version: string;
}

/**
 * What both engines share: the analysed text lives in plain tables (kb_search_docs, ticket_search)
 * that each engine indexes its own way, and per-term document counts (kb_search_terms) with
 * per-language totals (kb_search_stats) feed the ranking. The analysed text of candidates is cached
 * in memory by (article, version), so a search moves only ids over the wire once warm.
 * Subclasses write the engine's queries.
 */
export abstract class SqlSearchIndex implements SearchIndex {
  abstract readonly engine: 'fts5' | 'postgres';
  /** Ids (and versions) of the articles of a language containing any of the terms. */
  protected abstract candidateRefs(executor: Executor, request: KbCandidateRequest): Promise<CandidateRef[]>;
  abstract ticketMatch(query: TicketTextQuery, audience: 'public' | 'all'): Expression<SqlBool>;

  readonly dictionary = new TermDictionary();
  private readonly docs = new Map<string, KbCandidate & { version: string }>();
  private readonly vocabularies = new Map<string, { key: string; terms: Set<string> }>();

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
        version: uuidv7(),
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
    // One round trip: the totals come back as three rows named with a character no term has.
    const totals = (['docs', 'titleLen', 'bodyLen'] as const).map((column) =>
      executor.selectFrom('kbSearchStats').select([sql<string>`${`#${column}`}`.as('term'), sql<number>`${sql.ref(column)}`.as('df')]).where('lang', '=', lang),
    );
    const wanted = [...new Set(terms)];
    const df = new Map<string, number>();
    const out = { docs: 0, titleLen: 0, bodyLen: 0, df };
    const parts = chunks(wanted, 2000);
    for (let i = 0; i < Math.max(1, parts.length); i++) {
      let q = executor.selectFrom('kbSearchTerms').select(['term', 'df']).where('lang', '=', lang).where('term', 'in', parts[i] ?? ['#none']);
      if (i === 0) q = q.unionAll(totals[0]!).unionAll(totals[1]!).unionAll(totals[2]!);
      for (const r of await q.execute()) {
        if (r.term.startsWith('#')) out[r.term.slice(1) as 'docs' | 'titleLen' | 'bodyLen'] = Number(r.df);
        else df.set(r.term, Number(r.df));
      }
    }
    return out;
  }

  async vocabulary(executor: Executor, lang: string, totals: Pick<KbTermStats, 'docs' | 'titleLen' | 'bodyLen'>): Promise<ReadonlySet<string>> {
    const key = `${totals.docs}:${totals.titleLen}:${totals.bodyLen}`;
    const cached = this.vocabularies.get(lang);
    if (cached?.key === key) return cached.terms;
    const rows = await executor.selectFrom('kbSearchTerms').select('term').where('lang', '=', lang).where('term', 'not like', `${PREFIX_MARK}%`).execute();
    const terms = new Set(rows.map((r) => r.term));
    this.vocabularies.set(lang, { key, terms });
    return terms;
  }

  async articleCandidates(executor: Executor, request: KbCandidateRequest): Promise<KbCandidate[]> {
    const refs = await this.candidateRefs(executor, request);
    const missing = refs.filter((r) => this.docs.get(r.articleId)?.version !== r.version).map((r) => r.articleId);
    for (const part of chunks(missing, 500)) {
      const rows = await executor
        .selectFrom('kbSearchDocs')
        .select(['articleId', 'titleTerms', 'bodyTerms', 'titlePrefixes', 'bodyPrefixes', 'version'])
        .where('articleId', 'in', part)
        .execute();
      for (const row of rows) {
        if (this.docs.size >= DOC_CACHE_MAX) this.docs.delete(this.docs.keys().next().value as string);
        const d = this.dictionary;
        this.docs.set(row.articleId, {
          articleId: row.articleId,
          version: row.version,
          titleTerms: d.encode(row.titleTerms),
          bodyTerms: d.encode(row.bodyTerms),
          titlePrefixes: d.encode(row.titlePrefixes, PREFIX_MARK),
          bodyPrefixes: d.encode(row.bodyPrefixes, PREFIX_MARK),
        });
      }
    }
    return refs.map((r) => this.docs.get(r.articleId)).filter((d): d is KbCandidate & { version: string } => d !== undefined);
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
