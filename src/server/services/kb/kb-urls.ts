import type { Config } from '../../config/config.js';

/** Path of an article page (links inside the pages, which work whatever host serves them). */
export function articlePath(lang: string, slug: string): string {
  return `/kb/${lang}/articles/${encodeURIComponent(slug)}`;
}

/** Path of a category page. */
export function categoryPath(lang: string, slug: string): string {
  return `/kb/${lang}/categories/${encodeURIComponent(slug)}`;
}

/** Public address of an article page (canonical links, e-mails, replies). */
export function articleUrl(config: Pick<Config, 'publicUrl'>, lang: string, slug: string): string {
  return `${config.publicUrl}${articlePath(lang, slug)}`;
}

/** Public address of a category page. */
export function categoryUrl(config: Pick<Config, 'publicUrl'>, lang: string, slug: string): string {
  return `${config.publicUrl}${categoryPath(lang, slug)}`;
}

/** Public address of the knowledge base home of a language. */
export function kbHomeUrl(config: Pick<Config, 'publicUrl'>, lang: string): string {
  return `${config.publicUrl}/kb/${lang}`;
}

/** Path of an article file (relative, so article bodies survive a change of public address). */
export function articleFilePath(fileId: string, filename: string): string {
  return `/kb/files/${fileId}/${encodeURIComponent(filename)}`;
}
