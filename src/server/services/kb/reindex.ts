import { listArticlesPage } from '../../repositories/kb.repository.js';
import type { ServiceDeps } from '../deps.js';
import { reindexTicket } from '../search/ticket-search-hook.js';
import { syncArticleIndex } from './index-article.js';

const PAGE = 200;

/**
 * Rebuilds the search index from the articles and tickets (after an upgrade, or a change of the
 * analysis). Each page commits on its own: a stopped run leaves a usable index.
 */
export async function reindexAll(deps: ServiceDeps, onProgress?: (what: 'articles' | 'tickets', done: number, total: number) => void): Promise<{ articles: number; tickets: number }> {
  const count = async (table: 'kbArticles' | 'tickets') => Number((await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const articleTotal = await count('kbArticles');
  let articles = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await listArticlesPage(deps.db, after, PAGE);
    if (rows.length === 0) break;
    await deps.db.transaction().execute(async (trx) => {
      for (const row of rows) await syncArticleIndex(deps, trx, row);
    });
    articles += rows.length;
    after = rows[rows.length - 1]!.id;
    onProgress?.('articles', articles, articleTotal);
  }
  const ticketTotal = await count('tickets');
  let tickets = 0;
  let afterTicket: string | null = null;
  for (;;) {
    let q = deps.db.selectFrom('tickets').select('id').orderBy('id').limit(PAGE);
    if (afterTicket) q = q.where('id', '>', afterTicket);
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) break;
    await deps.db.transaction().execute(async (trx) => {
      for (const id of ids) await reindexTicket(deps, trx, id);
    });
    tickets += ids.length;
    afterTicket = ids[ids.length - 1]!;
    onProgress?.('tickets', tickets, ticketTotal);
  }
  return { articles, tickets };
}
