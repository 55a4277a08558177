import { notFound } from '../../errors/app-error.js';
import { findArticle, listTranslations, type KbArticleRow } from '../../repositories/kb.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { articleUrl } from './kb-urls.js';
import { requireStaff } from './staff.js';

/** An article link ready for a reply. */
export interface ArticleLinkOut {
  id: string;
  lang: 'fr' | 'es' | 'en' | 'ru';
  title: string;
  url: string;
  markdown: string;
  text: string;
}

/** The published version of an article in a language when there is one, else the article itself if published. */
export async function publishedVersion(deps: ServiceDeps, articleId: string, lang?: string): Promise<KbArticleRow> {
  const article = await findArticle(deps.db, articleId);
  if (!article) throw notFound('resource');
  if (lang && article.lang !== lang) {
    const translation = (await listTranslations(deps.db, article.translationGroupId)).find((t) => t.lang === lang && t.state === 'published');
    if (translation) return translation;
  }
  if (article.state !== 'published') throw notFound('resource');
  return article;
}

/** Title and public URL of an article (in the reply's language when translated) for the composer. */
export async function articleLink(deps: ServiceDeps, input: { actor: Actor; articleId: string; lang?: string | undefined }): Promise<ArticleLinkOut> {
  requireStaff(input.actor);
  const article = await publishedVersion(deps, input.articleId, input.lang);
  const url = articleUrl(deps.config, article.lang, article.slug);
  const title = article.title || article.slug;
  return { id: article.id, lang: article.lang as ArticleLinkOut['lang'], title, url, markdown: `[${title.replace(/[[\]]/g, '')}](${url})`, text: `${title}: ${url}` };
}
