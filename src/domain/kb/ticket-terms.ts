import { isStopword, termOf, words, type KbLang } from './analyze.js';
import { foldWord } from './stopwords.js';

const LANGS: KbLang[] = ['fr', 'es', 'en', 'ru'];
/** Words of one ticket text that are indexed; the rest of a huge message adds nothing findable. */
const MAX_WORDS = 20_000;
/** Words of a search that count. */
const MAX_QUERY_WORDS = 12;

/**
 * The index terms of a ticket text: each word as written (folded) and its stem in the ticket's
 * language, so "licences" finds "licence" and a ticket number or e-mail is found word by word.
 */
export function ticketIndexTerms(text: string, lang: string): string[] {
  const out: string[] = [];
  const stemLang = (LANGS as string[]).includes(lang) ? (lang as KbLang) : null;
  for (const w of words(text).slice(0, MAX_WORDS)) {
    const surface = foldWord(w).slice(0, 40);
    out.push(surface);
    if (stemLang) {
      const stem = termOf(w, stemLang);
      if (stem && stem !== surface) out.push(stem);
    }
  }
  return out;
}

/**
 * A ticket search from what an agent or a customer typed: every word must be found (in any field),
 * as the beginning of a word or as a stem in any of the four languages. Function words are dropped
 * unless nothing else is left. Only letters and digits survive, so nothing typed is query syntax.
 */
export function ticketQueryGroups(q: string): string[][] {
  const all = words(q).slice(0, 50);
  const content = all.filter((w) => !LANGS.some((l) => isStopword(w, l)));
  const chosen = (content.length > 0 ? content : all).slice(0, MAX_QUERY_WORDS);
  return chosen.map((w) => {
    const surface = foldWord(w).slice(0, 40);
    const alts = new Set<string>([surface.length >= 3 ? `${surface}*` : surface]);
    for (const l of LANGS) {
      const stem = termOf(w, l);
      if (stem && stem !== surface) alts.add(stem);
    }
    return [...alts];
  });
}
