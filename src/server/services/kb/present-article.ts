import type { ArticleDto } from '../../../contracts/kb.js';
import type { Executor } from '../../db/schema.js';
import { listArticleFiles, listTranslations, type KbArticleRow } from '../../repositories/kb.repository.js';
import type { ServiceDeps } from '../deps.js';
import { articleFilePath, articleUrl } from './kb-urls.js';

/** The API face of an article, with its other languages and its files. */
export async function presentArticle(deps: ServiceDeps, row: KbArticleRow, db: Executor = deps.db): Promise<ArticleDto> {
  const [translations, files] = await Promise.all([listTranslations(db, row.translationGroupId), listArticleFiles(db, row.id)]);
  return {
    id: row.id,
    externalId: row.externalId,
    translationGroupId: row.translationGroupId,
    lang: row.lang as ArticleDto['lang'],
    kind: row.kind as ArticleDto['kind'],
    categoryId: row.categoryId,
    title: row.title,
    slug: row.slug,
    bodyMd: row.bodyMd,
    bodyHtml: row.bodyHtml,
    state: row.state as ArticleDto['state'],
    position: Number(row.position),
    publishedAt: row.publishedAt,
    url: articleUrl(deps.config, row.lang, row.slug),
    translations: translations
      .filter((t) => t.id !== row.id)
      .map((t) => ({ id: t.id, lang: t.lang as ArticleDto['lang'], title: t.title, state: t.state as ArticleDto['state'], url: articleUrl(deps.config, t.lang, t.slug) })),
    files: files.map((f) => {
      const path = articleFilePath(f.id, f.filename);
      const image = f.contentType.startsWith('image/');
      return { id: f.id, filename: f.filename, contentType: f.contentType, size: Number(f.size), url: `${deps.config.publicUrl}${path}`, markdown: `${image ? '!' : ''}[${f.filename.replace(/[[\]]/g, '')}](${path})` };
    }),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
