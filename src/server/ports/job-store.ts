import type { JobsTable } from '../db/tables/foundation.js';

/** A claimed job row. */
export type ClaimedJob = Pick<JobsTable, 'id' | 'name' | 'payload' | 'attempts' | 'maxAttempts' | 'runAt' | 'uniqueKey'>;

/** What the worker needs from the jobs table. */
export interface JobStore {
  /**
   * Takes up to `limit` due jobs (queued with run_at <= now, or running with an expired lock) for
   * this worker. Two workers never get the same job.
   */
  claim(workerId: string, now: Date, limit: number, lockSeconds: number): Promise<ClaimedJob[]>;
  complete(jobId: string, now: Date): Promise<void>;
  retry(jobId: string, now: Date, runAt: Date, error: string): Promise<void>;
  fail(jobId: string, now: Date, error: string): Promise<void>;
  /** Takes or renews a named lease; true when this holder has it until now + seconds. */
  acquireLease(name: string, holder: string, now: Date, seconds: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}
