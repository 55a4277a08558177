import { AppError } from '../../errors/app-error.js';
import { findCategory, listArticleRows, type ArticleListFilter, type KbArticleRow } from '../../repositories/kb.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { requireStaff } from './staff.js';

/** Filters of the agents' article list. */
export interface ListArticlesInput {
  actor: Actor;
  lang?: string | undefined;
  state?: string | undefined;
  kind?: string | undefined;
  /** Category id or slug. */
  category?: string | undefined;
  title?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof updatedAt === 'string' && typeof id === 'string') return { updatedAt, id };
  } catch {
    /* answered below */
  }
  throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'cursor', message: 'invalid cursor' }] });
}

/** One page of articles (drafts included), most recently changed first. */
export async function listArticles(deps: ServiceDeps, input: ListArticlesInput): Promise<{ items: KbArticleRow[]; nextCursor: string | null }> {
  requireStaff(input.actor);
  const filter: ArticleListFilter = { limit: input.limit + 1, after: input.cursor ? decodeCursor(input.cursor) : null };
  if (input.lang) filter.lang = input.lang;
  if (input.state) filter.state = input.state;
  if (input.kind) filter.kind = input.kind;
  if (input.title?.trim()) filter.titleContains = input.title.trim();
  if (input.category) {
    const category = await findCategory(deps.db, input.category);
    if (!category) return { items: [], nextCursor: null };
    filter.categoryId = category.id;
  }
  const rows = await listArticleRows(deps.db, filter);
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? Buffer.from(JSON.stringify([last.updatedAt, last.id])).toString('base64url') : null };
}
