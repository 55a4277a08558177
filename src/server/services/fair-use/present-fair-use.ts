import type { FairUseFactor } from '../../../domain/fair-use/score.js';
import { langOf } from '../entitlements/explain.js';
import type { ServiceDeps } from '../deps.js';

/** Factors with a sentence each, in a language. */
export function presentFactors(deps: ServiceDeps, lang: string, factors: FairUseFactor[]): Array<FairUseFactor & { text: string }> {
  const t = deps.i18n.getFixedT(langOf(lang), 'entitlements');
  return factors.map((f) => ({
    ...f,
    text: t(`fair_use.factor.${f.name}`, { ...f, percent: Math.round(f.value * 100), normPercent: Math.round(f.norm * 100) }),
  }));
}

/** The polite notice a customer sees while their new requests rank after others, naming what caused it. */
export function fairUseNotice(deps: ServiceDeps, lang: string, factors: FairUseFactor[], windowDays: number): string {
  const t = deps.i18n.getFixedT(langOf(lang), 'entitlements');
  const causes = factors.filter((f) => f.points > 0).map((f) => t(`fair_use.notice_reason.${f.name}`));
  const list = new Intl.ListFormat(langOf(lang), { type: 'conjunction' }).format(causes);
  return t('fair_use.notice', { reasons: `${list}.`, days: windowDays });
}
