import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.js';
import { loadServerResources } from './server-resources.js';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const resources = loadServerResources();

/** Keys of one language with plural forms folded to their base key. */
function baseKeys(lang: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [ns, tree] of Object.entries(resources[lang]!)) {
    for (const key of flatten(tree as Tree).keys()) {
      const m = PLURAL.exec(key);
      const base = `${ns}:${m ? key.slice(0, m.index) : key}`;
      if (!out.has(base)) out.set(base, new Set());
      if (m) out.get(base)!.add(m[1]!);
    }
  }
  return out;
}

describe('translation catalogues', () => {
  const all = new Map(LANGUAGES.map((l) => [l, baseKeys(l)]));
  const union = new Set([...all.values()].flatMap((m) => [...m.keys()]));

  it.each(LANGUAGES)('%s has every key of every other language', (lang) => {
    const missing = [...union].filter((k) => !all.get(lang)!.has(k));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has every plural form its grammar needs', (lang) => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.filter((c) => c !== 'zero' && c !== 'two');
    const problems: string[] = [];
    for (const [key, forms] of all.get(lang)!) {
      if (forms.size === 0) continue;
      for (const form of needed) if (!forms.has(form)) problems.push(`${key}_${form}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty string and keeps every {{placeholder}} of English', (lang) => {
    const problems: string[] = [];
    for (const [ns, tree] of Object.entries(resources[lang]!)) {
      const en = flatten((resources.en![ns] ?? {}) as Tree);
      for (const [key, value] of flatten(tree as Tree)) {
        if (!value.trim()) problems.push(`${ns}:${key} is empty`);
        const base = key.replace(PLURAL, '');
        const ref = en.get(key) ?? en.get(`${base}_other`) ?? en.get(base);
        if (!ref) continue;
        const vars = (s: string) => new Set([...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]));
        for (const v of vars(ref)) if (!vars(value).has(v)) problems.push(`${ns}:${key} lacks {{${v}}}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
