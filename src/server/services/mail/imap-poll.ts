import type { ServiceDeps } from '../deps.js';

/** The IMAP polling timer. */
export const IMAP_POLL_JOB = 'mail.imap-poll';

/** (Re)schedules the next IMAP poll: one queued run at a time. */
export async function scheduleImapPoll(deps: ServiceDeps, runAt?: string): Promise<void> {
  await deps.jobs.enqueue(deps.db, IMAP_POLL_JOB, {}, { uniqueKey: IMAP_POLL_JOB, ...(runAt ? { runAt } : {}) });
}
