import { purgeRawMail } from '../../repositories/mail.repository.js';
import type { ServiceDeps } from '../deps.js';

/** The daily timer that drops raw mail past its retention. */
export const PURGE_RAW_JOB = 'mail.purge-raw';

/** Drops raw mail past its retention (the log rows stay) and schedules the next run in a day. */
export async function purgeExpiredRawMail(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  const purged = await purgeRawMail(deps.db, now.toISOString());
  await scheduleRawMailPurge(deps, new Date(now.getTime() + 86_400_000).toISOString());
  return purged;
}

/** (Re)schedules the purge timer: one queued run at a time. */
export async function scheduleRawMailPurge(deps: ServiceDeps, runAt?: string): Promise<void> {
  await deps.jobs.enqueue(deps.db, PURGE_RAW_JOB, {}, { uniqueKey: PURGE_RAW_JOB, ...(runAt ? { runAt } : {}) });
}
