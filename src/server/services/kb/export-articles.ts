import { listArticlesPage, listCategoryRows } from '../../repositories/kb.repository.js';
import type { ServiceDeps } from '../deps.js';

/** Articles read per page while exporting. */
const PAGE = 500;

/**
 * Writes every article as one JSON line in the import format ({"id","title","body","lang"}, plus
 * "kind" for FAQ entries and "category" when set): `id` is the external id, or the article id for
 * articles written in Guichet, so an export imports back onto the same articles.
 */
export async function exportArticles(deps: ServiceDeps, write: (line: string) => void | Promise<void>, options: { lang?: string | undefined; publishedOnly?: boolean } = {}): Promise<number> {
  const slugs = new Map((await listCategoryRows(deps.db)).map((c) => [c.id, c.slug]));
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const rows = await listArticlesPage(deps.db, after, PAGE, options.lang);
    if (rows.length === 0) return count;
    for (const r of rows) {
      after = r.id;
      if (options.publishedOnly && r.state !== 'published') continue;
      const record: Record<string, string> = { id: r.externalId ?? r.id, title: r.title, body: r.bodyMd, lang: r.lang };
      if (r.kind !== 'article') record.kind = r.kind;
      const category = r.categoryId ? slugs.get(r.categoryId) : undefined;
      if (category) record.category = category;
      await write(JSON.stringify(record));
      count += 1;
    }
  }
}
