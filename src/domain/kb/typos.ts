import type { KbLang } from './analyze.js';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';

/** Shortest query term that gets typo tolerance: short words have too many neighbours. */
export const MIN_TYPO_LENGTH = 4;

/**
 * Every string one edit (deletion, insertion, substitution, transposition) away from a term, over
 * the folded alphabet of its language. The caller keeps those the index knows.
 */
export function editVariants(term: string, lang: KbLang): string[] {
  if (term.length < MIN_TYPO_LENGTH) return [];
  const alphabet = lang === 'ru' ? CYRILLIC : LATIN;
  const out = new Set<string>();
  for (let i = 0; i <= term.length; i++) {
    const head = term.slice(0, i);
    const tail = term.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of alphabet) {
      out.add(head + c + tail);
      if (tail && c !== tail[0]) out.add(head + c + tail.slice(1));
    }
  }
  out.delete(term);
  return [...out];
}
