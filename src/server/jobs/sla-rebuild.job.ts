import { z } from 'zod';
import { REBUILD_JOB } from '../services/sla/sla-config-change.js';
import { rebuildSla } from '../services/sla/rebuild-sla.js';
import { defineJob } from './define-job.js';

/**
 * After an admin changes a calendar, a policy or a team's calendar: recomputes the active tickets
 * and tells their customers about moved due dates.
 */
export const slaRebuildJob = defineJob({
  name: REBUILD_JOB,
  payload: z.object({}).passthrough(),
  maxAttempts: 3,
  handler: async (deps) => {
    await rebuildSla(deps, { activeOnly: true, announce: { key: 'schedule_changed' } });
  },
});
