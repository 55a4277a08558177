import type { Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { slugify } from '../../../domain/kb/slug.js';
import type { Executor } from '../../db/schema.js';
import type { KbArticlesTable } from '../../db/tables/kb.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import {
  findArticle,
  findArticleByExternalId,
  findArticleByExternalIdAnyLang,
  findCategory,
  insertArticle,
  listTranslations,
  slugTaken,
  updateArticleRow,
  type KbArticleRow,
} from '../../repositories/kb.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { syncArticleIndex } from './index-article.js';
import { renderArticle } from './render-article.js';
import { requireStaff } from './staff.js';

/** A new article, or a new language of an existing one. */
export interface CreateArticleInput {
  /** Null for the command line (import). */
  actor: Actor | null;
  lang: string;
  title: string;
  /** Markdown. */
  body: string;
  kind?: string | undefined;
  categoryId?: string | null | undefined;
  slug?: string | undefined;
  externalId?: string | undefined;
  position?: number | undefined;
  /** An article whose translation group this one joins. */
  translationOf?: string | undefined;
  publish?: boolean | undefined;
}

/** Changes to an article. */
export interface UpdateArticleInput {
  actor: Actor | null;
  articleId: string;
  title?: string | undefined;
  body?: string | undefined;
  kind?: string | undefined;
  categoryId?: string | null | undefined;
  slug?: string | undefined;
  externalId?: string | null | undefined;
  position?: number | undefined;
}

/** A slug free in the language: the wanted one, else with -2, -3... appended. */
export async function freeSlug(db: Executor, lang: string, wanted: string, exceptId: string | null): Promise<string> {
  const base = wanted || 'article';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 74)}-${n}`;
    if (!(await slugTaken(db, lang, candidate, exceptId))) return candidate;
  }
  return `${base.slice(0, 60)}-${uuidv7().slice(-12)}`;
}

async function checkCategory(db: Executor, categoryId: string | null | undefined): Promise<string | null> {
  if (!categoryId) return null;
  const category = await findCategory(db, categoryId);
  if (!category) throw new AppError('unprocessable', { detailKey: 'kb_category_unknown', errors: [{ path: 'categoryId', message: 'unknown category' }] });
  return category.id;
}

async function translationGroup(deps: ServiceDeps, input: CreateArticleInput): Promise<string | null> {
  if (input.translationOf) {
    const source = await findArticle(deps.db, input.translationOf);
    if (!source) throw new AppError('unprocessable', { detailKey: 'kb_translation_source_unknown', errors: [{ path: 'translationOf', message: 'unknown article' }] });
    return source.translationGroupId;
  }
  // Records imported under one external id in several languages are translations of each other.
  if (input.externalId) return (await findArticleByExternalIdAnyLang(deps.db, input.externalId))?.translationGroupId ?? null;
  return null;
}

function audit(entityId: string, actorId: string | null, at: string, action: string, after: unknown) {
  return { id: uuidv7(), ticketId: null, entityType: 'kb_article', entityId, actorId, action, field: null, before: null, after: JSON.stringify(after), internal: 1, createdAt: at };
}

/** Writes a new article (draft unless `publish`), rendered and, when published, indexed. */
export async function createArticle(deps: ServiceDeps, input: CreateArticleInput): Promise<KbArticleRow> {
  if (input.actor) requireStaff(input.actor);
  const categoryId = await checkCategory(deps.db, input.categoryId);
  const group = await translationGroup(deps, input);
  if (group && (await listTranslations(deps.db, group)).some((t) => t.lang === input.lang)) {
    throw new AppError('conflict', { detailKey: 'kb_translation_exists', params: { lang: input.lang } });
  }
  if (input.externalId && (await findArticleByExternalId(deps.db, input.externalId, input.lang))) {
    throw new AppError('already_exists', { detailKey: 'kb_external_id_taken', params: { externalId: input.externalId } });
  }
  if (input.slug && (await slugTaken(deps.db, input.lang, input.slug, null))) {
    throw new AppError('already_exists', { detailKey: 'kb_slug_taken', params: { slug: input.slug } });
  }
  const id = uuidv7();
  const at = deps.clock.now().toISOString();
  const rendered = renderArticle(input.body);
  const row: KbArticleRow = {
    id,
    externalId: input.externalId ?? null,
    translationGroupId: group ?? id,
    lang: input.lang,
    kind: input.kind ?? 'article',
    categoryId,
    title: input.title.trim(),
    slug: input.slug ?? (await freeSlug(deps.db, input.lang, slugify(input.title) || slugify(input.externalId ?? ''), null)),
    bodyMd: input.body,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    state: input.publish ? 'published' : 'draft',
    position: input.position ?? 0,
    publishedAt: input.publish ? at : null,
    createdById: input.actor?.id ?? null,
    updatedById: input.actor?.id ?? null,
    createdAt: at,
    updatedAt: at,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertArticle(trx, row);
    await syncArticleIndex(deps, trx, row);
    await insertHistory(trx, [audit(id, input.actor?.id ?? null, at, 'created', { lang: row.lang, state: row.state, externalId: row.externalId })]);
  });
  return row;
}

/** Changes an article; the public URL stays unless a new slug is given. */
export async function updateArticle(deps: ServiceDeps, input: UpdateArticleInput): Promise<KbArticleRow> {
  if (input.actor) requireStaff(input.actor);
  const article = await findArticle(deps.db, input.articleId);
  if (!article) throw notFound('resource');
  const patch: Updateable<KbArticlesTable> = {};
  if (input.title !== undefined) patch.title = input.title.trim();
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.position !== undefined) patch.position = input.position;
  if (input.categoryId !== undefined) patch.categoryId = await checkCategory(deps.db, input.categoryId);
  if (input.body !== undefined) {
    const rendered = renderArticle(input.body);
    Object.assign(patch, { bodyMd: input.body, bodyHtml: rendered.html, bodyText: rendered.text });
  }
  if (input.slug !== undefined && input.slug !== article.slug) {
    if (await slugTaken(deps.db, article.lang, input.slug, article.id)) throw new AppError('already_exists', { detailKey: 'kb_slug_taken', params: { slug: input.slug } });
    patch.slug = input.slug;
  }
  if (input.externalId !== undefined && input.externalId !== article.externalId) {
    if (input.externalId && (await findArticleByExternalId(deps.db, input.externalId, article.lang))) {
      throw new AppError('already_exists', { detailKey: 'kb_external_id_taken', params: { externalId: input.externalId } });
    }
    patch.externalId = input.externalId;
  }
  const at = deps.clock.now().toISOString();
  Object.assign(patch, { updatedAt: at, updatedById: input.actor?.id ?? null });
  const updated = { ...article, ...patch } as KbArticleRow;
  await deps.db.transaction().execute(async (trx) => {
    await updateArticleRow(trx, article.id, patch);
    if (patch.title !== undefined || patch.bodyText !== undefined) await syncArticleIndex(deps, trx, updated);
    await insertHistory(trx, [audit(article.id, input.actor?.id ?? null, at, 'changed', { fields: Object.keys(patch).filter((k) => !['updatedAt', 'updatedById', 'bodyHtml', 'bodyText'].includes(k)) })]);
  });
  return updated;
}

/** Publishes (or takes back to draft) an article: it appears on (or leaves) the public pages and the search. */
export async function setArticleState(deps: ServiceDeps, input: { actor: Actor | null; articleId: string; state: 'draft' | 'published' }): Promise<KbArticleRow> {
  if (input.actor) requireStaff(input.actor);
  const article = await findArticle(deps.db, input.articleId);
  if (!article) throw notFound('resource');
  if (article.state === input.state) return article;
  const at = deps.clock.now().toISOString();
  const patch: Updateable<KbArticlesTable> = { state: input.state, updatedAt: at, updatedById: input.actor?.id ?? null };
  if (input.state === 'published') patch.publishedAt = at;
  const updated = { ...article, ...patch } as KbArticleRow;
  await deps.db.transaction().execute(async (trx) => {
    await updateArticleRow(trx, article.id, patch);
    await syncArticleIndex(deps, trx, updated);
    await insertHistory(trx, [audit(article.id, input.actor?.id ?? null, at, input.state === 'published' ? 'published' : 'unpublished', { state: input.state })]);
  });
  return updated;
}
