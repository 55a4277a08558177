import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDoc, analyzeDoc as analyze } from '../../src/domain/kb/rank.js';
import { ticketIndexTerms, ticketQueryGroups } from '../../src/domain/kb/ticket-terms.js';
import type { SearchIndex } from '../../src/server/ports/search-index.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';

/**
 * The SearchIndex contract: the same cases against the adapter of the database under test
 * (FTS5 on SQLite, tsvector + GIN on PostgreSQL with TEST_DATABASE_URL). Articles need rows in
 * kb_articles (foreign key), tickets in tickets: the runtime's services create them.
 */
let rt: TestRuntime;
let search: SearchIndex;

async function article(id: string, lang: string, title: string, body: string): Promise<void> {
  const at = '2027-03-01T09:00:00.000Z';
  await rt.deps.db
    .insertInto('kbArticles')
    .values({ id, externalId: null, translationGroupId: id, lang, kind: 'article', categoryId: null, title, slug: id, bodyMd: body, bodyHtml: '', bodyText: body, state: 'published', position: 0, publishedAt: at, createdById: null, updatedById: null, createdAt: at, updatedAt: at })
    .execute();
  await rt.deps.db.transaction().execute((trx) => search.indexArticle(trx, { articleId: id, lang, ...analyze(title, body, lang as 'en') }));
}

beforeAll(async () => {
  rt = await createTestRuntime();
  search = rt.deps.search;
  await article('00000000-0000-7000-8000-000000000001', 'en', 'Export invoices to PDF', 'The footer of long invoices may be cut in the PDF export.');
  await article('00000000-0000-7000-8000-000000000002', 'en', 'Back up a project', 'Projects are saved every thirty minutes in the backups folder.');
  await article('00000000-0000-7000-8000-000000000003', 'fr', 'Exporter les factures en PDF', 'Le pied de page des factures longues peut être coupé.');
  await article('00000000-0000-7000-8000-000000000004', 'ru', 'Экспорт счетов в PDF', 'Нижний колонтитул длинных счетов может обрезаться.');
});
afterAll(async () => rt?.dispose());

describe(`SearchIndex contract (${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite FTS5'})`, () => {
  it('is the adapter of the database', () => {
    expect(search.engine).toBe(TEST_DATABASE_URL ? 'postgres' : 'fts5');
  });

  it('counts articles, term totals and document frequencies per language', async () => {
    const stats = await search.termStats(rt.deps.db, 'en', ['invoic', 'pdf', 'project', 'nothing', '~invoic']);
    expect(stats.docs).toBe(2);
    expect(stats.df.get('invoic')).toBe(1);
    expect(stats.df.get('project')).toBe(1);
    expect(stats.df.has('nothing')).toBe(false);
    expect(stats.df.get('~invoic')).toBe(1);
    const doc1 = analyzeDoc('Export invoices to PDF', 'The footer of long invoices may be cut in the PDF export.', 'en');
    const doc2 = analyzeDoc('Back up a project', 'Projects are saved every thirty minutes in the backups folder.', 'en');
    expect(stats.titleLen).toBe(doc1.titleTerms.length + doc2.titleTerms.length);
    expect(stats.bodyLen).toBe(doc1.bodyTerms.length + doc2.bodyTerms.length);
  });

  it('finds candidates containing any term, in the language only', async () => {
    const rows = await search.articleCandidates(rt.deps.db, { lang: 'en', terms: ['pdf', 'project'], prefixTerms: [], limit: 10, ranked: false });
    expect(rows.map((r) => r.articleId).sort()).toEqual(['00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000002']);
    const ru = await search.articleCandidates(rt.deps.db, { lang: 'ru', terms: ['pdf'], prefixTerms: [], limit: 10, ranked: false });
    expect(ru.map((r) => r.articleId)).toEqual(['00000000-0000-7000-8000-000000000004']);
    expect([...ru[0]!.bodyTerms]).toContain(search.dictionary.lookup('колонтитул'));
  });

  it('matches prefixes, and lets its own ranking choose past the limit', async () => {
    const rows = await search.articleCandidates(rt.deps.db, { lang: 'en', terms: [], prefixTerms: ['invo'], limit: 10, ranked: false });
    expect(rows.map((r) => r.articleId)).toEqual(['00000000-0000-7000-8000-000000000001']);
    const top = await search.articleCandidates(rt.deps.db, { lang: 'en', terms: ['export', 'project'], prefixTerms: [], limit: 1, ranked: true });
    expect(top).toHaveLength(1);
  });

  it('never lets query syntax through: quotes, stars, NEAR, colons are not terms', async () => {
    for (const term of ['"', '*', 'NEAR(', 'title:', "'); drop table kb_articles; --", '']) {
      const rows = await search.articleCandidates(rt.deps.db, { lang: 'en', terms: [term], prefixTerms: [term], limit: 10, ranked: true });
      expect(rows).toEqual([]);
    }
  });

  it('keeps the counts in step when an article is replaced and removed', async () => {
    const id = '00000000-0000-7000-8000-000000000009';
    await article(id, 'en', 'Temporary', 'A zebra walks.');
    expect((await search.termStats(rt.deps.db, 'en', ['zebra'])).df.get('zebra')).toBe(1);
    await rt.deps.db.transaction().execute((trx) => search.indexArticle(trx, { articleId: id, lang: 'en', ...analyze('Temporary', 'A giraffe walks.', 'en') }));
    const after = await search.termStats(rt.deps.db, 'en', ['zebra', 'giraff']);
    expect(after.docs).toBe(3);
    expect(after.df.has('zebra')).toBe(false);
    expect(after.df.get('giraff')).toBe(1);
    const found = await search.articleCandidates(rt.deps.db, { lang: 'en', terms: ['giraff'], prefixTerms: [], limit: 10, ranked: false });
    expect(found.map((r) => r.articleId)).toEqual([id]);
    expect([...found[0]!.bodyTerms]).toContain(search.dictionary.lookup('giraff'));
    await rt.deps.db.transaction().execute((trx) => search.removeArticle(trx, id));
    const gone = await search.termStats(rt.deps.db, 'en', ['giraff']);
    expect(gone.docs).toBe(2);
    expect(gone.df.has('giraff')).toBe(false);
    expect(await search.articleCandidates(rt.deps.db, { lang: 'en', terms: ['giraff'], prefixTerms: [], limit: 10, ranked: false })).toEqual([]);
  });

  it('lists the vocabulary of a language (stems only)', async () => {
    const stats = await search.termStats(rt.deps.db, 'fr', []);
    const vocabulary = await search.vocabulary(rt.deps.db, 'fr', stats);
    expect(vocabulary.has('factur')).toBe(true);
    expect([...vocabulary].some((t) => t.startsWith('~'))).toBe(false);
  });

  it('matches tickets word by word (all words), internal notes only for the "all" audience', async () => {
    const requester = await rt.deps.db.selectFrom('users').select('id').executeTakeFirst();
    let userId = requester?.id;
    if (!userId) {
      userId = '00000000-0000-7000-8000-0000000000aa';
      await rt.deps.db.insertInto('users').values({ id: userId, email: 'x@test.example', name: 'X', role: 'customer', organizationId: null, language: 'en', timeZone: 'UTC', passwordHash: null, active: 1, failedLogins: 0, lockedUntil: null, totpSecret: null, createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z' }).execute();
    }
    const ticketId = '00000000-0000-7000-8000-0000000000bb';
    await rt.deps.db
      .insertInto('tickets')
      .values({ id: ticketId, number: 'GU-2027-999999', subject: 'Licence refused', requesterId: userId, organizationId: null, assigneeId: null, groupId: null, state: 'new', pendingReason: null, priority: 'normal', channel: 'web', language: 'en', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z', firstResponseAt: null, lastCustomerMessageAt: null, lastAgentMessageAt: null, solvedAt: null, closedAt: null, productId: null, productVersion: null, criticality: null, licenceNumber: null, planCode: null, slaPolicyId: null, firstResponseDueAt: null, firstResponseMetAt: null, firstResponseBreachedAt: null, nextResponseDueAt: null, nextResponseMetAt: null, nextResponseBreachedAt: null, resolutionDueAt: null, resolutionMetAt: null, resolutionBreachedAt: null, answeredByArticleId: null })
      .execute();
    await search.indexTicket(rt.deps.db, { ticketId, publicTerms: ticketIndexTerms('GU-2027-999999 Licence refused', 'en'), internalTerms: ticketIndexTerms('Known bug 4821 in the licence server', 'en') });
    const find = async (q: string, audience: 'public' | 'all') =>
      (await rt.deps.db.selectFrom('tickets').select('id').where(search.ticketMatch({ groups: ticketQueryGroups(q) }, audience)).execute()).map((r) => r.id);
    expect(await find('licences refused', 'public')).toEqual([ticketId]);
    expect(await find('GU-2027-999999', 'public')).toEqual([ticketId]);
    expect(await find('licen', 'public')).toEqual([ticketId]);
    expect(await find('4821', 'all')).toEqual([ticketId]);
    expect(await find('4821', 'public')).toEqual([]);
    expect(await find('refused 4821', 'all')).toEqual([ticketId]);
    expect(await find('refused accepted', 'all')).toEqual([]);
    expect(await find('"*: NEAR', 'all')).toEqual([]);
    expect(await find('?!', 'all')).toEqual([]);
  });

  it('answers the same on a fresh connection (the index lives in the database)', async () => {
    const n = await sql<{ n: number }>`select count(*) as n from kb_search_docs`.execute(rt.deps.db);
    expect(Number(n.rows[0]!.n)).toBe(4);
  });
});
