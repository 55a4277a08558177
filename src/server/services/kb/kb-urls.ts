import type { Config } from '../../config/config.js';

/** Public address of an article page. */
export function articleUrl(config: Pick<Config, 'publicUrl'>, lang: string, slug: string): string {
  return `${config.publicUrl}/kb/${lang}/articles/${encodeURIComponent(slug)}`;
}

/** Public address of a category page. */
export function categoryUrl(config: Pick<Config, 'publicUrl'>, lang: string, slug: string): string {
  return `${config.publicUrl}/kb/${lang}/categories/${encodeURIComponent(slug)}`;
}

/** Public address of the knowledge base home of a language. */
export function kbHomeUrl(config: Pick<Config, 'publicUrl'>, lang: string): string {
  return `${config.publicUrl}/kb/${lang}`;
}

/** Path of an article file (relative, so article bodies survive a change of public address). */
export function articleFilePath(fileId: string, filename: string): string {
  return `/kb/files/${fileId}/${encodeURIComponent(filename)}`;
}
