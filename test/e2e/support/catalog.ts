import { readFileSync } from 'node:fs';
import path from 'node:path';

const LOCALES = path.resolve(import.meta.dirname, '..', '..', '..', 'src', 'i18n', 'locales');
type Tree = { [k: string]: string | Tree };
const cache = new Map<string, Tree>();

/**
 * The text a person reads for a key in a language, from the same catalogues the app uses, so the
 * journeys find buttons by what they say without copying any wording. `{{x}}` is filled from vars.
 */
export function tr(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const [ns, rest] = key.split(':') as [string, string];
  const file = `${lang}/${ns}`;
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(path.join(LOCALES, `${file}.json`), 'utf8')) as Tree);
  let node: string | Tree | undefined = cache.get(file);
  for (const part of rest.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no text for ${lang}:${key}`);
  return node.replace(/{{\s*(\w+)\s*}}/g, (_, v: string) => String(vars[v] ?? `{{${v}}}`));
}

/** The plural form of a key for a count, as i18next picks it (Intl plural rules). */
export function trCount(lang: string, key: string, count: number, vars: Record<string, string | number> = {}): string {
  return tr(lang, `${key}_${new Intl.PluralRules(lang).select(count)}`, { ...vars, count });
}

/** A pattern for a text whose listed placeholders vary (sizes and dates formatted by the browser). */
export function trPattern(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\{\\{\w+\\}\\}/g, '.+?'));
}
