import type { i18n as I18n } from 'i18next';
import { isLang, DEFAULT_LANGUAGE, type Lang } from '../../../i18n/languages.js';
import type { Explanation } from '../../../domain/entitlement/resolve-entitlement.js';

/** Plan names per language, by plan code. */
export type PlanNames = Map<string, Record<string, string>>;

/** A plan's name in a language (else English, else any, else the code). */
export function planNameIn(names: Record<string, string> | undefined, lang: string, code: string): string {
  if (!names) return code;
  return names[lang] ?? names.en ?? Object.values(names)[0] ?? code;
}

/** Reads plan names out of plan rows. */
export function planNamesOf(rows: Array<{ code: string; names: string }>): PlanNames {
  return new Map(rows.map((r) => [r.code, JSON.parse(r.names) as Record<string, string>]));
}

/** The language to write in: a supported one, else the default. */
export function langOf(value: string | null | undefined): Lang {
  return isLang(value) ? value : DEFAULT_LANGUAGE;
}

/** An explanation in words, in a language; a `plan` parameter becomes the plan's name as {{planName}}. */
export function explainText(i18n: I18n, lang: string, e: Explanation, plans: PlanNames): string {
  const params: Record<string, string | number> = { ...e.params };
  if (typeof params.plan === 'string') params.planName = planNameIn(plans.get(params.plan), lang, params.plan);
  return i18n.getFixedT(langOf(lang), 'entitlements')(e.key, params);
}
