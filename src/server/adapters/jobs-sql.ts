import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB, Dialect, Executor } from '../db/schema.js';
import type { EnqueueOptions, JobQueue } from '../ports/job-queue.js';
import type { ClaimedJob, JobStore } from '../ports/job-store.js';

const DEFAULT_MAX_ATTEMPTS = 5;

/** Enqueues into the jobs table through the caller's executor (so jobs commit with their cause). */
export class SqlJobQueue implements JobQueue {
  constructor(
    private readonly now: () => Date,
    private readonly maxAttempts: (name: string) => number = () => DEFAULT_MAX_ATTEMPTS,
    private readonly onEnqueue: () => void = () => {},
  ) {}

  async enqueue(executor: Executor, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
    const nowIso = this.now().toISOString();
    const id = uuidv7();
    const row = {
      id,
      name,
      payload: JSON.stringify(payload ?? null),
      runAt: options.runAt ?? nowIso,
      state: 'queued' as const,
      attempts: 0,
      maxAttempts: this.maxAttempts(name),
      uniqueKey: options.uniqueKey ?? null,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    const insert = executor.insertInto('jobs').values(row);
    const result = options.uniqueKey
      ? await insert
          .onConflict((oc) =>
            oc
              .column('uniqueKey')
              .where('state', '=', sql.lit('queued'))
              .doUpdateSet({ payload: row.payload, runAt: row.runAt, attempts: 0, updatedAt: nowIso, lastError: null }),
          )
          .returning('id')
          .executeTakeFirstOrThrow()
      : await insert.returning('id').executeTakeFirstOrThrow();
    this.onEnqueue();
    return result.id;
  }

  async enqueueMany(executor: Executor, jobs: Array<{ name: string; payload: unknown; options?: EnqueueOptions }>): Promise<void> {
    if (jobs.length === 0) return;
    const nowIso = this.now().toISOString();
    // One row per unique key (the last wins): a statement may not update the same row twice.
    const byKey = new Map<string, (typeof jobs)[number]>();
    const unkeyed: typeof jobs = [];
    for (const j of jobs) {
      if (j.options?.uniqueKey) byKey.set(j.options.uniqueKey, j);
      else unkeyed.push(j);
    }
    const row = (j: (typeof jobs)[number]) => ({
      id: uuidv7(),
      name: j.name,
      payload: JSON.stringify(j.payload ?? null),
      runAt: j.options?.runAt ?? nowIso,
      state: 'queued' as const,
      attempts: 0,
      maxAttempts: this.maxAttempts(j.name),
      uniqueKey: j.options?.uniqueKey ?? null,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
    const keyed = [...byKey.values()].map(row);
    for (let i = 0; i < keyed.length; i += 500) {
      await executor
        .insertInto('jobs')
        .values(keyed.slice(i, i + 500))
        .onConflict((oc) =>
          oc
            .column('uniqueKey')
            .where('state', '=', sql.lit('queued'))
            .doUpdateSet((eb) => ({ payload: eb.ref('excluded.payload'), runAt: eb.ref('excluded.runAt'), attempts: 0, updatedAt: nowIso, lastError: null })),
        )
        .execute();
    }
    const plain = unkeyed.map(row);
    for (let i = 0; i < plain.length; i += 500) await executor.insertInto('jobs').values(plain.slice(i, i + 500)).execute();
    this.onEnqueue();
  }

  async cancelMany(executor: Executor, uniqueKeys: string[]): Promise<number> {
    const nowIso = this.now().toISOString();
    let n = 0;
    for (let i = 0; i < uniqueKeys.length; i += 500) {
      const r = await executor
        .updateTable('jobs')
        .set({ state: 'done', lastError: 'cancelled', updatedAt: nowIso, finishedAt: nowIso })
        .where('uniqueKey', 'in', uniqueKeys.slice(i, i + 500))
        .where('state', '=', 'queued')
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    return n;
  }

  async cancel(executor: Executor, uniqueKey: string): Promise<number> {
    const nowIso = this.now().toISOString();
    const r = await executor
      .updateTable('jobs')
      .set({ state: 'done', lastError: 'cancelled', updatedAt: nowIso, finishedAt: nowIso })
      .where('uniqueKey', '=', uniqueKey)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}

/** Claims and settles jobs: FOR UPDATE SKIP LOCKED on PostgreSQL, an atomic UPDATE on SQLite. */
export class SqlJobStore implements JobStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  async claim(workerId: string, now: Date, limit: number, lockSeconds: number): Promise<ClaimedJob[]> {
    const nowIso = now.toISOString();
    const lockedUntil = new Date(now.getTime() + lockSeconds * 1000).toISOString();
    const due = this.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'queued'), eb('runAt', '<=', nowIso)]),
          eb.and([eb('state', '=', 'running'), eb('lockedUntil', '<', nowIso)]),
        ]),
      )
      .orderBy('runAt')
      .limit(limit);
    const lockedDue = this.dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    const rows = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        lockedBy: workerId,
        lockedUntil,
        attempts: eb('attempts', '+', 1),
        updatedAt: nowIso,
      }))
      .where('id', 'in', lockedDue)
      .returning(['id', 'name', 'payload', 'attempts', 'maxAttempts', 'runAt', 'uniqueKey'])
      .execute();
    return rows.sort((a, b) => a.runAt.localeCompare(b.runAt));
  }

  async complete(jobId: string, now: Date): Promise<void> {
    const nowIso = now.toISOString();
    await this.db
      .updateTable('jobs')
      .set({ state: 'done', lockedBy: null, lockedUntil: null, updatedAt: nowIso, finishedAt: nowIso })
      .where('id', '=', jobId)
      .execute();
  }

  async retry(jobId: string, now: Date, runAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ state: 'queued', lockedBy: null, lockedUntil: null, runAt: runAt.toISOString(), lastError: error.slice(0, 4000), updatedAt: now.toISOString() })
      .where('id', '=', jobId)
      .execute();
  }

  async fail(jobId: string, now: Date, error: string): Promise<void> {
    const nowIso = now.toISOString();
    await this.db
      .updateTable('jobs')
      .set({ state: 'failed', lockedBy: null, lockedUntil: null, lastError: error.slice(0, 4000), updatedAt: nowIso, finishedAt: nowIso })
      .where('id', '=', jobId)
      .execute();
  }

  async acquireLease(name: string, holder: string, now: Date, seconds: number): Promise<boolean> {
    const nowIso = now.toISOString();
    const expiresAt = new Date(now.getTime() + seconds * 1000).toISOString();
    const row = await this.db
      .insertInto('leases')
      .values({ name, holder, expiresAt })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ holder, expiresAt }).where((eb) =>
          eb.or([eb('leases.holder', '=', holder), eb('leases.expiresAt', '<', nowIso)]),
        ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
