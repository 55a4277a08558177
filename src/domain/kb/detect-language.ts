import { franc } from 'franc';
import type { KbLang } from './analyze.js';

const ISO3: Record<string, KbLang> = { fra: 'fr', spa: 'es', eng: 'en', rus: 'ru' };

/**
 * The language of a question among fr, es, en and ru, or null when the text is too short or too
 * mixed to tell. Cyrillic letters decide for Russian at once (franc needs more text for that).
 */
export function detectLanguage(text: string): KbLang | null {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return null;
  const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  if (cyrillic / letters.length > 0.5) return 'ru';
  const code = franc(text.slice(0, 2000), { only: Object.keys(ISO3), minLength: 10 });
  return ISO3[code] ?? null;
}
