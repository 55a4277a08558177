/** Languages Guichet speaks, with the default for people we know nothing about. */
export const LANGUAGES = ['fr', 'es', 'en', 'ru'] as const;
/** A supported language. */
export type Lang = (typeof LANGUAGES)[number];
/** Used when nothing says which language a person reads. */
export const DEFAULT_LANGUAGE: Lang = 'en';

/** Whether a string is a supported language code. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header (RFC 9110 q-values). */
export function pickLanguage(acceptLanguage: string | undefined | null, fallback: Lang = DEFAULT_LANGUAGE): Lang {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((x) => x.base && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((x) => x.base).find(isLang) ?? fallback;
}
