import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages.js';
import { loadServerResources } from '../../i18n/server-resources.js';

/**
 * The web app's strings: every text a person reads goes through t(), every literal key exists in
 * the four languages, and no French, Spanish or Russian text is left as the English one.
 * (Keys built at run time, like `common:state.${s}`, are checked by the browser journeys, which
 * fail on any key i18next reports missing.)
 */
const WEB_DIR = path.resolve(import.meta.dirname, '..');
const WEB_NAMESPACES = ['web', 'portal', 'console', 'console2', 'admin'];
/** Attributes people read or hear. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
/** Texts that are the same in every language on purpose: the product's name. */
const SAME_EVERYWHERE = new Set(['web:brand', 'web:documentTitle']);
/** Words that are genuinely the same in a language as in English. */
const COGNATES: Record<string, Set<string>> = {
  fr: new Set(['console:columns.ticket', 'console:nav.tickets', 'portal:new.body', 'web:thread.support', 'console:nav.admin', 'admin:nav.label', 'admin:calendar.exceptionDate', 'admin:sla.inactive', 'admin:sla.field.active', 'admin:sla.tier.premium', 'admin:sla.tier.standard', 'admin:nav.licences', 'admin:common.actions', 'admin:org.sharing', 'admin:product.field.code', 'admin:product.field.version', 'admin:plan.field.code', 'admin:licence.title', 'admin:licence.field.version', 'admin:kb.kind.article']),
  es: new Set(['console:columns.ticket', 'console:nav.tickets', 'admin:calendar.general', 'admin:sla.cond.plans', 'admin:org.sharing', 'admin:contract.field.planCode']),
  ru: new Set(),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** JSX text and read-aloud attributes with letters that do not come from t(). */
function hardCodedTexts(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const at = (node: ts.Node, text: string) => out.push({ file: path.relative(WEB_DIR, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) at(node, node.text.trim());
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
      at(node, `${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Literal keys passed to t(): t('ns:key', ...) and t(`ns:prefix.${x}`) (as their static prefix). */
function usedKeys(file: string): { exact: string[]; prefixes: string[] } {
  const text = readFileSync(file, 'utf8');
  const exact = [...text.matchAll(/\bt\(\s*'([a-z0-9]+:[\w.]+)'/g)].map((m) => m[1]!);
  const prefixes = [...text.matchAll(/\bt\(\s*`([a-z0-9]+:[\w.]+)\.\$\{/g)].map((m) => m[1]!);
  return { exact, prefixes };
}

type Tree = { [k: string]: string | Tree };
const resources = loadServerResources() as Record<string, Record<string, Tree>>;

function lookup(lang: string, key: string): string | Tree | undefined {
  const [ns, rest] = key.split(':') as [string, string];
  let node: string | Tree | undefined = resources[lang]?.[ns];
  for (const part of rest.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (node === undefined && typeof resources[lang]?.[ns] === 'object') {
    // plural keys live as key_one, key_other...
    const parent = rest.split('.').slice(0, -1).reduce<string | Tree | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), resources[lang]![ns]);
    const last = rest.split('.').pop()!;
    if (typeof parent === 'object' && typeof parent[`${last}_other`] === 'string') return parent[`${last}_other`];
  }
  return node;
}

function flatten(tree: Tree, prefix: string): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

const files = sourceFiles(WEB_DIR);

describe('web app strings', () => {
  it('shows no text that bypasses the translations', () => {
    expect(files.flatMap(hardCodedTexts)).toEqual([]);
  });

  it.each(LANGUAGES)('%s has every key the code names', (lang) => {
    const missing: string[] = [];
    for (const file of files) {
      const { exact, prefixes } = usedKeys(file);
      for (const key of exact) if (typeof lookup(lang, key) !== 'string') missing.push(`${key} (${path.relative(WEB_DIR, file)})`);
      for (const prefix of prefixes) if (typeof lookup(lang, prefix) !== 'object') missing.push(`${prefix}.* (${path.relative(WEB_DIR, file)})`);
    }
    expect(missing).toEqual([]);
  });

  it('finds the keys it checks (the scan itself works)', () => {
    const all = files.map(usedKeys);
    expect(all.flatMap((k) => k.exact).length).toBeGreaterThan(150);
    expect(all.flatMap((k) => k.prefixes)).toContain('common:state');
  });

  it.each(['fr', 'es', 'ru'])('%s leaves no web text in English', (lang) => {
    const untranslated: string[] = [];
    for (const ns of WEB_NAMESPACES) {
      const english = new Map(flatten(resources.en![ns]!, `${ns}:`));
      for (const [key, value] of flatten(resources[lang]![ns]!, `${ns}:`)) {
        const base = key.replace(/_(one|few|many|other)$/, '');
        const en = english.get(key) ?? english.get(`${base}_other`);
        if (en !== undefined && en === value && /\p{L}{3,}/u.test(value.replace(/{{\w+}}/g, '')) && !SAME_EVERYWHERE.has(base) && !COGNATES[lang]!.has(base)) {
          untranslated.push(`${key}: ${value}`);
        }
      }
    }
    expect(untranslated).toEqual([]);
  });
});
