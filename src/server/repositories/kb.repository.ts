import { sql, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { KbArticleFilesTable, KbArticlesTable, KbCategoriesTable, KbCategoryNamesTable } from '../db/tables/kb.js';

/** An article row. */
export type KbArticleRow = Selectable<KbArticlesTable>;
/** A category row. */
export type KbCategoryRow = Selectable<KbCategoriesTable>;
/** A category name row. */
export type KbCategoryNameRow = Selectable<KbCategoryNamesTable>;
/** An article file row. */
export type KbFileRow = Selectable<KbArticleFilesTable>;

/** Inserts an article. */
export async function insertArticle(db: Executor, row: Insertable<KbArticlesTable>): Promise<void> {
  await db.insertInto('kbArticles').values(row).execute();
}

/** Updates an article. */
export async function updateArticleRow(db: Executor, id: string, patch: Updateable<KbArticlesTable>): Promise<void> {
  await db.updateTable('kbArticles').set(patch).where('id', '=', id).execute();
}

/** Deletes an article (its files and index rows go with it). */
export async function deleteArticleRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('kbArticles').where('id', '=', id).execute();
}

/** One article by id. */
export function findArticle(db: Executor, id: string): Promise<KbArticleRow | undefined> {
  return db.selectFrom('kbArticles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Articles by id, in no particular order. */
export function findArticles(db: Executor, ids: string[]): Promise<KbArticleRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('kbArticles').selectAll().where('id', 'in', ids).execute();
}

/** What a search result shows of an article. */
export type KbArticleSummary = Pick<KbArticleRow, 'id' | 'externalId' | 'lang' | 'title' | 'slug' | 'bodyText' | 'state'>;

/** Search-result fields of articles, by id, in no particular order. */
export function findArticleSummaries(db: Executor, ids: string[]): Promise<KbArticleSummary[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('kbArticles').select(['id', 'externalId', 'lang', 'title', 'slug', 'bodyText', 'state']).where('id', 'in', ids).execute();
}

/** The article with this slug in a language. */
export function findArticleBySlug(db: Executor, lang: string, slug: string): Promise<KbArticleRow | undefined> {
  return db.selectFrom('kbArticles').selectAll().where('lang', '=', lang).where('slug', '=', slug).executeTakeFirst();
}

/** The article imported under this external id in a language. */
export function findArticleByExternalId(db: Executor, externalId: string, lang: string): Promise<KbArticleRow | undefined> {
  return db.selectFrom('kbArticles').selectAll().where('externalId', '=', externalId).where('lang', '=', lang).executeTakeFirst();
}

/** Any article with this external id (another language: a translation to link). */
export function findArticleByExternalIdAnyLang(db: Executor, externalId: string): Promise<KbArticleRow | undefined> {
  return db.selectFrom('kbArticles').selectAll().where('externalId', '=', externalId).orderBy('createdAt').orderBy('id').executeTakeFirst();
}

/** Every language version of an article. */
export function listTranslations(db: Executor, groupId: string): Promise<KbArticleRow[]> {
  return db.selectFrom('kbArticles').selectAll().where('translationGroupId', '=', groupId).orderBy('lang').execute();
}

/** Whether a slug is taken in a language (by another article than `exceptId`). */
export async function slugTaken(db: Executor, lang: string, slug: string, exceptId: string | null): Promise<boolean> {
  let q = db.selectFrom('kbArticles').select('id').where('lang', '=', lang).where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Article list filters. */
export interface ArticleListFilter {
  lang?: string;
  state?: string;
  categoryId?: string;
  kind?: string;
  /** Substring of the title, any case for ASCII letters (admin list). */
  titleContains?: string;
  after?: { updatedAt: string; id: string } | null;
  limit: number;
}

/** Articles, most recently updated first, keyset-paginated. */
export function listArticleRows(db: Executor, f: ArticleListFilter): Promise<KbArticleRow[]> {
  let q = db.selectFrom('kbArticles').selectAll();
  if (f.lang) q = q.where('lang', '=', f.lang);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.categoryId) q = q.where('categoryId', '=', f.categoryId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.titleContains) {
    const pattern = `%${f.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<SqlBool>`lower(title) like ${pattern} escape '\\'`);
  }
  if (f.after) {
    const after = f.after;
    q = q.where((eb) => eb(eb.refTuple('updatedAt', 'id'), '<', eb.tuple(after.updatedAt, after.id)));
  }
  return q.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Published articles of a language in a category (or without one), in their order. */
export function listPublishedInCategory(db: Executor, lang: string, categoryId: string | null): Promise<KbArticleRow[]> {
  let q = db.selectFrom('kbArticles').selectAll().where('lang', '=', lang).where('state', '=', 'published');
  q = categoryId === null ? q.where('categoryId', 'is', null) : q.where('categoryId', '=', categoryId);
  return q.orderBy('kind').orderBy('position').orderBy('title').limit(500).execute();
}

/** Count of published articles per category in a language. */
export async function countPublishedByCategory(db: Executor, lang: string): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('kbArticles')
    .select(['categoryId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('lang', '=', lang)
    .where('state', '=', 'published')
    .groupBy('categoryId')
    .execute();
  return new Map(rows.map((r) => [r.categoryId, Number(r.n)]));
}

/** Recently published articles of a language. */
export function listRecentPublished(db: Executor, lang: string, limit: number): Promise<KbArticleRow[]> {
  return db
    .selectFrom('kbArticles')
    .selectAll()
    .where('lang', '=', lang)
    .where('state', '=', 'published')
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every article, by id, a page at a time (export). */
export function listArticlesPage(db: Executor, afterId: string | null, limit: number, lang?: string): Promise<KbArticleRow[]> {
  let q = db.selectFrom('kbArticles').selectAll();
  if (afterId) q = q.where('id', '>', afterId);
  if (lang) q = q.where('lang', '=', lang);
  return q.orderBy('id').limit(limit).execute();
}

/** Inserts a category with its names. */
export async function insertCategory(db: Executor, row: Insertable<KbCategoriesTable>, names: Insertable<KbCategoryNamesTable>[]): Promise<void> {
  await db.insertInto('kbCategories').values(row).execute();
  if (names.length > 0) await db.insertInto('kbCategoryNames').values(names).execute();
}

/** Replaces a category's slug, position and names. */
export async function updateCategoryRow(db: Executor, id: string, patch: Updateable<KbCategoriesTable>, names: Insertable<KbCategoryNamesTable>[] | null): Promise<void> {
  await db.updateTable('kbCategories').set(patch).where('id', '=', id).execute();
  if (names) {
    await db.deleteFrom('kbCategoryNames').where('categoryId', '=', id).execute();
    if (names.length > 0) await db.insertInto('kbCategoryNames').values(names).execute();
  }
}

/** Deletes a category (its articles keep existing, without category). */
export async function deleteCategoryRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('kbCategories').where('id', '=', id).execute();
}

/** One category by id or slug. */
export function findCategory(db: Executor, idOrSlug: string): Promise<KbCategoryRow | undefined> {
  return db.selectFrom('kbCategories').selectAll().where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)])).executeTakeFirst();
}

/** Every category in order. */
export function listCategoryRows(db: Executor): Promise<KbCategoryRow[]> {
  return db.selectFrom('kbCategories').selectAll().orderBy('position').orderBy('slug').execute();
}

/** Names of the given categories (all languages). */
export function listCategoryNames(db: Executor, categoryIds: string[]): Promise<KbCategoryNameRow[]> {
  if (categoryIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('kbCategoryNames').selectAll().where('categoryId', 'in', categoryIds).execute();
}

/** Inserts a file row. */
export async function insertArticleFile(db: Executor, row: Insertable<KbArticleFilesTable>): Promise<void> {
  await db.insertInto('kbArticleFiles').values(row).execute();
}

/** Files of an article. */
export function listArticleFiles(db: Executor, articleId: string): Promise<KbFileRow[]> {
  return db.selectFrom('kbArticleFiles').selectAll().where('articleId', '=', articleId).orderBy('createdAt').orderBy('id').execute();
}

/** One file. */
export function findArticleFile(db: Executor, id: string): Promise<KbFileRow | undefined> {
  return db.selectFrom('kbArticleFiles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes a file row. */
export async function deleteArticleFileRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('kbArticleFiles').where('id', '=', id).execute();
}
