import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { foldWord, STOPWORDS } from './stopwords.js';

/** Languages the knowledge base analyses. */
export type KbLang = 'fr' | 'es' | 'en' | 'ru';

const ALGORITHM: Record<KbLang, string> = { fr: 'french', es: 'spanish', en: 'english', ru: 'russian' };
const STEMMERS = new Map<KbLang, Stemmer>();
const CACHE = new Map<string, string>();
const CACHE_MAX = 200_000;
/** Longest term kept; longer runs of letters are noise (hashes, base64). */
const MAX_TERM = 40;

/** Words of a text: runs of letters (with their marks) and digits; apostrophes and hyphens split. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function stemmer(lang: KbLang): Stemmer {
  let s = STEMMERS.get(lang);
  if (!s) {
    s = newStemmer(ALGORITHM[lang]);
    STEMMERS.set(lang, s);
  }
  return s;
}

/**
 * The index term of one word: lower-cased, Snowball-stemmed in its language, then accent-folded
 * (the stemmers expect accents; folding after them lets "resume" find "résumé"). Cached, since a
 * vocabulary repeats.
 */
export function termOf(word: string, lang: KbLang): string {
  const key = `${lang}:${word}`;
  const hit = CACHE.get(key);
  if (hit !== undefined) return hit;
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  const term = foldWord(stemmer(lang).stem(lower)).slice(0, MAX_TERM);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(key, term);
  return term;
}

/** The words of a text, in order (no analysis). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Whether a word is a function word of the language (or a lone letter). */
export function isStopword(word: string, lang: KbLang): boolean {
  if (word.length === 1 && !/\p{N}/u.test(word)) return true;
  return STOPWORDS[lang].has(foldWord(word));
}

/**
 * The analysis pipeline shared by indexing and querying, on both databases: split into words, drop
 * function words, stem per language, fold accents. Returns the terms in text order.
 */
export function analyze(text: string, lang: KbLang): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isStopword(w, lang)) continue;
    const t = termOf(w, lang);
    if (t) out.push(t);
  }
  return out;
}
