import type { Executor } from '../db/schema.js';

/** When and how a job runs. */
export interface EnqueueOptions {
  /** ISO instant; now when absent. */
  runAt?: string;
  /**
   * At most one queued job per key: enqueueing again with the same key replaces the queued one
   * (new payload and run time). A job already running is not affected.
   */
  uniqueKey?: string;
}

/** Puts work in the durable jobs table, inside the caller's transaction. */
export interface JobQueue {
  enqueue(executor: Executor, name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Cancels the queued job with that key, if any; returns how many were cancelled. */
  cancel(executor: Executor, uniqueKey: string): Promise<number>;
  /**
   * Enqueues many jobs in a few statements (bulk work such as rebuilds); same rules as enqueue, and
   * when two jobs share a unique key, the last one wins.
   */
  enqueueMany(executor: Executor, jobs: Array<{ name: string; payload: unknown; options?: EnqueueOptions }>): Promise<void>;
  /** Cancels the queued jobs with these keys. */
  cancelMany(executor: Executor, uniqueKeys: string[]): Promise<number>;
}
