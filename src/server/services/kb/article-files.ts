import { notFound } from '../../errors/app-error.js';
import { deleteArticleFileRow, deleteArticleRow, findArticle, findArticleFile, insertArticleFile, listArticleFiles, type KbFileRow } from '../../repositories/kb.repository.js';
import { isStaff, type Actor } from '../actor.js';
import { persistWithAttachments } from '../attachments/persist-with-attachments.js';
import type { UploadedFile } from '../attachments/uploaded-file.js';
import type { ServiceDeps } from '../deps.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { v7 as uuidv7 } from 'uuid';
import { requireStaff } from './staff.js';

/** Stores images or attachments of an article (same limits and stores as ticket attachments). */
export async function addArticleFiles(deps: ServiceDeps, input: { actor: Actor; articleId: string; files: UploadedFile[] }): Promise<KbFileRow[]> {
  requireStaff(input.actor);
  const article = await findArticle(deps.db, input.articleId);
  if (!article) throw notFound('resource');
  const at = deps.clock.now().toISOString();
  const rows = await persistWithAttachments(deps, input.files, async (trx, planned) => {
    const made: KbFileRow[] = planned.map((p) => ({
      id: p.id,
      articleId: article.id,
      filename: p.filename,
      contentType: p.contentType,
      size: p.size,
      sha256: p.sha256,
      storage: deps.blobs.kind,
      storageKey: p.key,
      createdAt: at,
    }));
    for (const row of made) await insertArticleFile(trx, row);
    return made;
  });
  return rows;
}

/** Removes a file of an article. */
export async function deleteArticleFile(deps: ServiceDeps, input: { actor: Actor; articleId: string; fileId: string }): Promise<void> {
  requireStaff(input.actor);
  const file = await findArticleFile(deps.db, input.fileId);
  if (!file || file.articleId !== input.articleId) throw notFound('resource');
  await deps.db.transaction().execute(async (trx) => {
    await deleteArticleFileRow(trx, file.id);
    if (deps.blobs.kind === 'db') await deps.blobs.delete(trx, file.storageKey);
  });
  if (deps.blobs.kind !== 'db') await deps.blobs.delete(deps.db, file.storageKey);
}

/** Deletes an article, its files and its place in the index. */
export async function deleteArticle(deps: ServiceDeps, input: { actor: Actor | null; articleId: string }): Promise<void> {
  if (input.actor) requireStaff(input.actor);
  const article = await findArticle(deps.db, input.articleId);
  if (!article) throw notFound('resource');
  const files = await listArticleFiles(deps.db, article.id);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await deps.search.removeArticle(trx, article.id);
    // Sessions and tickets keep their history; their links to the article are cleared by the schema.
    await deleteArticleRow(trx, article.id);
    if (deps.blobs.kind === 'db') for (const f of files) await deps.blobs.delete(trx, f.storageKey);
    await insertHistory(trx, [
      { id: uuidv7(), ticketId: null, entityType: 'kb_article', entityId: article.id, actorId: input.actor?.id ?? null, action: 'deleted', field: null, before: JSON.stringify({ title: article.title, lang: article.lang }), after: null, internal: 1, createdAt: at },
    ]);
  });
  if (deps.blobs.kind !== 'db') for (const f of files) await deps.blobs.delete(deps.db, f.storageKey);
}

/** A file for a public page: anyone when its article is published, staff otherwise. */
export async function readArticleFile(deps: ServiceDeps, actor: Actor | null, fileId: string): Promise<{ row: KbFileRow; data: Buffer }> {
  const row = await findArticleFile(deps.db, fileId);
  if (!row) throw notFound('resource');
  const article = await findArticle(deps.db, row.articleId);
  if (!article || (article.state !== 'published' && !(actor && isStaff(actor)))) throw notFound('resource');
  const data = await deps.blobs.get(deps.db, row.storageKey);
  if (!data) throw notFound('resource');
  return { row, data };
}
