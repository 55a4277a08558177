import { analyzeDoc } from '../../../domain/kb/rank.js';
import type { KbLang } from '../../../domain/kb/analyze.js';
import type { Executor } from '../../db/schema.js';
import type { KbArticleRow } from '../../repositories/kb.repository.js';
import type { ServiceDeps } from '../deps.js';

/** Puts a published article in the search index, or takes a draft out; inside the caller's transaction. */
export async function syncArticleIndex(deps: ServiceDeps, executor: Executor, row: Pick<KbArticleRow, 'id' | 'lang' | 'title' | 'bodyText' | 'state'>): Promise<void> {
  if (row.state !== 'published') {
    await deps.search.removeArticle(executor, row.id);
    return;
  }
  const doc = analyzeDoc(row.title, row.bodyText, row.lang as KbLang);
  await deps.search.indexArticle(executor, { articleId: row.id, lang: row.lang, ...doc });
}
