import { v7 as uuidv7 } from 'uuid';
import type { CategoryDto } from '../../../contracts/kb.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { deleteCategoryRow, findCategory, insertCategory, listCategoryNames, listCategoryRows, updateCategoryRow, type KbCategoryRow } from '../../repositories/kb.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { requireStaff } from './staff.js';

/** Names of a category per language. */
export type CategoryNames = Partial<Record<'fr' | 'es' | 'en' | 'ru', { name: string; description?: string | null | undefined }>>;

/** A category to create. */
export interface CreateCategoryInput {
  actor: Actor | null;
  slug: string;
  position?: number | undefined;
  names: CategoryNames;
}

function nameRows(categoryId: string, names: CategoryNames) {
  return Object.entries(names).map(([lang, n]) => ({ categoryId, lang, name: n!.name.trim(), description: n!.description?.trim() || null }));
}

/** Every category with its names and published-article count. */
export async function listCategories(deps: ServiceDeps): Promise<CategoryDto[]> {
  const rows = await listCategoryRows(deps.db);
  const names = await listCategoryNames(deps.db, rows.map((r) => r.id));
  const counts = await deps.db
    .selectFrom('kbArticles')
    .select(['categoryId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'published')
    .groupBy('categoryId')
    .execute();
  const countOf = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
  return rows.map((r) => presentCategory(r, names.filter((n) => n.categoryId === r.id), countOf.get(r.id) ?? 0));
}

/** The API face of a category. */
export function presentCategory(row: KbCategoryRow, names: Array<{ lang: string; name: string; description: string | null }>, articleCount: number): CategoryDto {
  return {
    id: row.id,
    slug: row.slug,
    position: Number(row.position),
    names: Object.fromEntries(names.map((n) => [n.lang, { name: n.name, description: n.description }])),
    articleCount,
  };
}

/** Creates a category; 409 when the slug is taken. */
export async function createCategory(deps: ServiceDeps, input: CreateCategoryInput): Promise<CategoryDto> {
  if (input.actor) requireStaff(input.actor);
  if (await findCategory(deps.db, input.slug)) throw new AppError('already_exists', { detailKey: 'kb_category_slug_taken', params: { slug: input.slug } });
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  const row = { id, slug: input.slug, position: input.position ?? 0, createdAt: at, updatedAt: at };
  const names = nameRows(id, input.names);
  await deps.db.transaction().execute((trx) => insertCategory(trx, row, names));
  return presentCategory(row, names, 0);
}

/** Changes a category's slug, position or names (the names given replace all of them). */
export async function updateCategory(deps: ServiceDeps, input: { actor: Actor; categoryId: string; slug?: string | undefined; position?: number | undefined; names?: CategoryNames | undefined }): Promise<CategoryDto> {
  requireStaff(input.actor);
  const category = await findCategory(deps.db, input.categoryId);
  if (!category) throw notFound('resource');
  if (input.slug && input.slug !== category.slug && (await findCategory(deps.db, input.slug))) {
    throw new AppError('already_exists', { detailKey: 'kb_category_slug_taken', params: { slug: input.slug } });
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute((trx) =>
    updateCategoryRow(
      trx,
      category.id,
      { ...(input.slug ? { slug: input.slug } : {}), ...(input.position !== undefined ? { position: input.position } : {}), updatedAt: at },
      input.names ? nameRows(category.id, input.names) : null,
    ),
  );
  return (await listCategories(deps)).find((c) => c.id === category.id)!;
}

/** Deletes a category; its articles stay, without category. */
export async function deleteCategory(deps: ServiceDeps, input: { actor: Actor; categoryId: string }): Promise<void> {
  requireStaff(input.actor);
  const category = await findCategory(deps.db, input.categoryId);
  if (!category) throw notFound('resource');
  await deleteCategoryRow(deps.db, category.id);
}
