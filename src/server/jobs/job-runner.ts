import type { JobStore } from '../ports/job-store.js';
import type { ServiceDeps } from '../services/deps.js';
import { defaultBackoffSeconds, type JobDefinition } from './define-job.js';

/** How the worker behaves. */
export interface JobRunnerOptions {
  workerId: string;
  batchSize?: number;
  lockSeconds?: number;
  /** On SQLite, only the holder of this lease runs jobs. */
  lease?: { name: string; seconds: number } | null;
}

/** Result of one pass. */
export interface RunResult {
  ran: number;
  failed: number;
  skippedNoLease: boolean;
}

/**
 * Runs due jobs: claims a batch, validates each payload, calls its handler, records the outcome.
 * `runOnce` is what tests call with an injected clock; `start` polls in the background.
 */
export class JobRunner {
  private readonly byName: Map<string, JobDefinition<any>>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wake = false;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly store: JobStore,
    definitions: JobDefinition<any>[],
    private readonly options: JobRunnerOptions,
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
  }

  /** Runs every job due now, batch after batch, until none is left. */
  async runOnce(): Promise<RunResult> {
    const result: RunResult = { ran: 0, failed: 0, skippedNoLease: false };
    const { lease } = this.options;
    if (lease && !(await this.store.acquireLease(lease.name, this.options.workerId, this.deps.clock.now(), lease.seconds))) {
      result.skippedNoLease = true;
      return result;
    }
    for (;;) {
      const jobs = await this.store.claim(this.options.workerId, this.deps.clock.now(), this.options.batchSize ?? 20, this.options.lockSeconds ?? 300);
      if (jobs.length === 0) return result;
      for (const job of jobs) {
        const ok = await this.runJob(job);
        result.ran += 1;
        if (!ok) result.failed += 1;
      }
    }
  }

  private async runJob(job: Awaited<ReturnType<JobStore['claim']>>[number]): Promise<boolean> {
    const def = this.byName.get(job.name);
    const ctx = { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, runAt: job.runAt };
    if (!def) {
      await this.store.fail(job.id, this.deps.clock.now(), `unknown job kind "${job.name}"`);
      this.deps.logger.error({ job: job.id, name: job.name }, 'unknown job kind');
      return false;
    }
    const parsed = def.payload.safeParse(JSON.parse(job.payload));
    if (!parsed.success) {
      await this.store.fail(job.id, this.deps.clock.now(), `invalid payload: ${parsed.error.message}`);
      return false;
    }
    try {
      await def.handler(this.deps, parsed.data, ctx);
      await this.store.complete(job.id, this.deps.clock.now());
      return true;
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const now = this.deps.clock.now();
      const max = def.maxAttempts ?? job.maxAttempts;
      this.deps.logger.warn({ job: job.id, name: job.name, attempt: job.attempts, err: error.message }, 'job failed');
      if (job.attempts < max) {
        const delay = (def.backoffSeconds ?? defaultBackoffSeconds)(job.attempts);
        await this.store.retry(job.id, now, new Date(now.getTime() + delay * 1000), error.message);
      } else {
        await this.store.fail(job.id, now, error.message);
        if (def.onFinalFailure) {
          try {
            await def.onFinalFailure(this.deps, parsed.data, error, ctx);
          } catch (inner) {
            this.deps.logger.error({ job: job.id, err: String(inner) }, 'final-failure handler failed');
          }
        }
      }
      return false;
    }
  }

  /** Polls every `intervalMs` (and soon after `poke`) until `stop`. */
  start(intervalMs = 1000): void {
    if (this.timer) return;
    const tick = (): void => {
      if (this.running) {
        this.wake = true;
        return;
      }
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((e: unknown) => this.deps.logger.error({ err: String(e) }, 'job worker pass failed'))
        .finally(() => {
          this.running = null;
          if (this.wake) {
            this.wake = false;
            setImmediate(tick);
          }
        });
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    this.pokeFn = tick;
    setImmediate(tick);
  }

  private pokeFn: (() => void) | null = null;

  /** Asks for a pass soon (a job was just enqueued in this process). */
  poke(): void {
    if (this.pokeFn) setImmediate(this.pokeFn);
  }

  /** Stops polling and waits for the current pass. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pokeFn = null;
    await this.running;
    if (this.options.lease) await this.store.releaseLease(this.options.lease.name, this.options.workerId).catch(() => {});
  }
}
