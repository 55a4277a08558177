import { weekOf } from '../../../domain/kb/slug.js';
import { countSessionsByWeek, topUnanswered } from '../../repositories/kb-sessions.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { requireStaff } from './staff.js';

/** A report period (UTC days) and filters. */
export interface DeflectionReportInput {
  actor: Actor;
  /** YYYY-MM-DD; default twelve weeks before `to`. */
  from?: string | undefined;
  /** YYYY-MM-DD; default today. */
  to?: string | undefined;
  lang?: string | undefined;
  /** How many unanswered questions to list. */
  top: number;
}

const DAY = 86_400_000;

/**
 * Deflection by week and language: of the questions that showed articles, the share not followed
 * by a request; and the most frequent questions that found nothing (articles to write).
 */
export async function deflectionReport(deps: ServiceDeps, input: DeflectionReportInput) {
  requireStaff(input.actor);
  const to = input.to ?? deps.clock.now().toISOString().slice(0, 10);
  const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 83 * DAY).toISOString().slice(0, 10);
  const endExclusive = new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString();
  const weeks = await countSessionsByWeek(deps.db, weekOf(`${from}T00:00:00Z`), weekOf(`${to}T00:00:00Z`), input.lang);
  const unanswered = await topUnanswered(deps.db, `${from}T00:00:00.000Z`, endExclusive, input.top, input.lang);
  return {
    from,
    to,
    weeks: weeks.map((w) => ({ ...w, lang: w.lang as 'fr' | 'es' | 'en' | 'ru', deflectionRate: w.withResults > 0 ? Math.round((w.deflected / w.withResults) * 1000) / 1000 : null })),
    unanswered: unanswered.map((u) => ({ ...u, lang: u.lang as 'fr' | 'es' | 'en' | 'ru' })),
  };
}
