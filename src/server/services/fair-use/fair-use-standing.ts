import type { FairUseScore } from '../../../domain/fair-use/score.js';
import { fairUsePenalty } from '../../../domain/fair-use/score.js';
import type { Executor } from '../../db/schema.js';

/** A customer's standing: the last computed score, the exemption, and the penalty their new tickets get. */
export interface FairUseStanding extends FairUseScore {
  exempt: boolean;
  exemptReason: string | null;
  penalty: 0 | 1;
  computedAt: string | null;
}

/** Reads a customer's stored standing; null when none was ever computed or set. */
export async function readFairUseStanding(db: Executor, userId: string): Promise<FairUseStanding | null> {
  const row = await db.selectFrom('fairUseCustomers').selectAll().where('userId', '=', userId).executeTakeFirst();
  if (!row) return null;
  const stored = JSON.parse(row.factors) as Partial<FairUseScore>;
  const aboveThreshold = Number(row.penalized) === 1;
  const exempt = Number(row.exempt) === 1;
  return {
    score: Number(row.score),
    threshold: stored.threshold ?? 0,
    aboveThreshold,
    factors: stored.factors ?? [],
    exempt,
    exemptReason: row.exemptReason,
    penalty: fairUsePenalty({ aboveThreshold, exempt }),
    computedAt: row.computedAt,
  };
}
