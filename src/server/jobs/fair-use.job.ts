import { z } from 'zod';
import { ensureFairUseSweep, FAIR_USE_SWEEP, recomputeFairUse, sweepFairUse } from '../services/fair-use/recompute-fair-use.js';
import { defineJob } from './define-job.js';

/** Recomputes one customer's fair-use score (queued a minute after their activity). */
export const fairUseRecomputeJob = defineJob({
  name: 'fair-use.recompute',
  payload: z.object({ userId: z.string().min(1) }),
  handler: async (deps, { userId }) => {
    await recomputeFairUse(deps, userId);
    await ensureFairUseSweep(deps, deps.db, deps.clock.now());
  },
});

/** Recomputes every recently active customer, then schedules itself again (the window slides). */
export const fairUseSweepJob = defineJob({
  name: FAIR_USE_SWEEP.name,
  payload: z.object({}).passthrough(),
  handler: async (deps) => {
    await sweepFairUse(deps);
    const runAt = new Date(deps.clock.now().getTime() + FAIR_USE_SWEEP.everyMinutes * 60_000).toISOString();
    await deps.jobs.enqueue(deps.db, FAIR_USE_SWEEP.name, {}, { runAt, uniqueKey: FAIR_USE_SWEEP.uniqueKey });
  },
});
