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
}
