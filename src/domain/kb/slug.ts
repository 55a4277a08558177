import { foldWord } from './stopwords.js';

/**
 * A URL slug from a title: lower case, Latin letters without accents, words joined by hyphens,
 * at most 80 characters. Cyrillic letters stay (browsers show them; they are percent-encoded on
 * the wire). Empty when the title has no letter or digit.
 */
export function slugify(title: string): string {
  const words = foldWord(title).match(/[\p{L}\p{N}]+/gu) ?? [];
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > 80) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, 80);
}

/** Monday (YYYY-MM-DD, UTC) of the week of an instant: the bucket of weekly reports. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

/** A question folded for grouping identical questions: lower case, no accents, single spaces. */
export function normalizeQuestion(text: string): string {
  return (foldWord(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ').slice(0, 500);
}

/** A title to show: the article's own, else its first words (imported paragraphs may have none). */
export function fallbackTitle(title: string, text: string): string {
  if (title.trim()) return title.trim();
  const words = text.split(/\s+/).filter(Boolean);
  return words.length ? `${words.slice(0, 10).join(' ')}${words.length > 10 ? '…' : ''}` : '';
}
