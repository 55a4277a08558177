import type { z } from 'zod';
import type { ServiceDeps } from '../services/deps.js';

/** Information about the current run of a job. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** When the job was due. */
  runAt: string;
}

/** A kind of durable job: a name, a validated payload and a handler that calls one service. */
export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  /** Runs before giving up (default 5). */
  maxAttempts?: number;
  /** Seconds to wait before attempt n+1 (default: 30s, 2m, 8m...). */
  backoffSeconds?: (attempt: number) => number;
  handler: (deps: ServiceDeps, payload: P, ctx: JobContext) => Promise<void>;
  /** Called once when the last attempt failed (e.g. add an internal note to the ticket). */
  onFinalFailure?: (deps: ServiceDeps, payload: P, error: Error, ctx: JobContext) => Promise<void>;
}

/** Declares a job (keeps the payload type tied to the handler). */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** Default retry delays: 30 s, 2 min, 8 min, 32 min... capped at 6 h. */
export function defaultBackoffSeconds(attempt: number): number {
  return Math.min(30 * 4 ** (attempt - 1), 6 * 3600);
}
