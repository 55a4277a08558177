import type { Executor } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';
import { invalidateSlaSetup } from './sla-setup.js';

/** Name of the job recomputing active tickets after a change of calendars, policies or teams' calendars. */
export const REBUILD_JOB = 'sla.rebuild';

/**
 * Called inside the transaction of an admin change: queues one recomputation of active tickets
 * (coalesced by key, so a burst of edits rebuilds once). The cached setup is dropped after commit.
 */
export async function queueSlaRebuild(deps: ServiceDeps, executor: Executor): Promise<void> {
  await deps.jobs.enqueue(executor, REBUILD_JOB, {}, { uniqueKey: 'sla-rebuild' });
}

/** Drops the cached setup once the change is committed. */
export function slaConfigCommitted(deps: ServiceDeps): void {
  invalidateSlaSetup(deps.db);
}
