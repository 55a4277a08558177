import {
  countPublishedByCategory,
  findArticleBySlug,
  findCategory,
  listArticleFiles,
  listCategoryNames,
  listCategoryRows,
  listPublishedInCategory,
  listRecentPublished,
  listTranslations,
  type KbArticleRow,
  type KbFileRow,
} from '../../repositories/kb.repository.js';
import type { ServiceDeps } from '../deps.js';

/** A category as a public page shows it, named in the page's language. */
export interface PublicCategory {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  /** Published articles in the page's language. */
  count: number;
  /** Languages the category has a name in. */
  langs: string[];
}

/** Names a category in a language, else in English, else in any language it has. */
function pickName(names: Array<{ lang: string; name: string; description: string | null }>, lang: string): { name: string; description: string | null } {
  return names.find((n) => n.lang === lang) ?? names.find((n) => n.lang === 'en') ?? names[0] ?? { name: '', description: null };
}

/** Every category of the knowledge base, named in a language, with its published-article count there. */
export async function publicCategories(deps: ServiceDeps, lang: string): Promise<PublicCategory[]> {
  const rows = await listCategoryRows(deps.db);
  const names = await listCategoryNames(deps.db, rows.map((r) => r.id));
  const counts = await countPublishedByCategory(deps.db, lang);
  return rows.map((r) => {
    const own = names.filter((n) => n.categoryId === r.id);
    const picked = pickName(own, lang);
    return { id: r.id, slug: r.slug, name: picked.name || r.slug, description: picked.description, count: counts.get(r.id) ?? 0, langs: own.map((n) => n.lang) };
  });
}

/** The home page of a language: categories and recent articles. */
export async function publicHome(deps: ServiceDeps, lang: string): Promise<{ categories: PublicCategory[]; recent: KbArticleRow[]; uncategorized: number }> {
  const [categories, recent, counts] = await Promise.all([publicCategories(deps, lang), listRecentPublished(deps.db, lang, 8), countPublishedByCategory(deps.db, lang)]);
  return { categories, recent, uncategorized: counts.get(null) ?? 0 };
}

/** A category page: its published articles and FAQ entries in a language. */
export async function publicCategory(deps: ServiceDeps, lang: string, slug: string): Promise<{ category: PublicCategory; articles: KbArticleRow[] } | null> {
  const row = await findCategory(deps.db, slug);
  if (!row || row.slug !== slug) return null;
  const category = (await publicCategories(deps, lang)).find((c) => c.id === row.id)!;
  return { category, articles: await listPublishedInCategory(deps.db, lang, row.id) };
}

/** An article page: the published article, its published translations, its category and files. */
export async function publicArticle(
  deps: ServiceDeps,
  lang: string,
  slug: string,
): Promise<{ article: KbArticleRow; translations: KbArticleRow[]; category: PublicCategory | null; files: KbFileRow[] } | null> {
  const article = await findArticleBySlug(deps.db, lang, slug);
  if (!article || article.state !== 'published') return null;
  const [translations, files, categories] = await Promise.all([
    listTranslations(deps.db, article.translationGroupId),
    listArticleFiles(deps.db, article.id),
    article.categoryId ? publicCategories(deps, lang) : Promise.resolve([]),
  ]);
  return {
    article,
    translations: translations.filter((t) => t.state === 'published'),
    category: categories.find((c) => c.id === article.categoryId) ?? null,
    files,
  };
}
