import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SqlJobStore } from '../../src/server/adapters/jobs-sql.js';
import { defineJob } from '../../src/server/jobs/define-job.js';
import { JobRunner } from '../../src/server/jobs/job-runner.js';
import { ManualClock } from '../../src/server/ports/clock.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let clock: ManualClock;
const seen: string[] = [];
let failuresLeft = 0;
const finalFailures: string[] = [];

const echo = defineJob({
  name: 'test.echo',
  payload: z.object({ text: z.string() }),
  handler: async (_deps, p) => {
    seen.push(p.text);
  },
});
const flaky = defineJob({
  name: 'test.flaky',
  payload: z.object({ text: z.string() }),
  maxAttempts: 3,
  backoffSeconds: () => 60,
  handler: async (_deps, p) => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('temporary');
    }
    seen.push(p.text);
  },
  onFinalFailure: async (_deps, p, error) => {
    finalFailures.push(`${p.text}: ${error.message}`);
  },
});

function runner(id: string): JobRunner {
  return new JobRunner(rt.deps, new SqlJobStore(rt.deps.db, rt.deps.dialect), [echo, flaky], {
    workerId: id,
    lease: rt.deps.dialect === 'sqlite' ? { name: 'jobs-worker', seconds: 30 } : null,
  });
}

beforeAll(async () => {
  clock = new ManualClock('2027-03-01T09:00:00Z');
  rt = await createTestRuntime({ clock });
});
afterAll(async () => rt?.dispose());
// each test starts with no worker holding the SQLite lease
beforeEach(async () => {
  await rt.deps.db.deleteFrom('leases').execute();
});

describe('durable jobs', () => {
  it('runs a job when due, once', async () => {
    seen.length = 0;
    await rt.deps.jobs.enqueue(rt.deps.db, 'test.echo', { text: 'later' }, { runAt: '2027-03-01T10:00:00.000Z' });
    const r = runner('w1');
    expect((await r.runOnce()).ran).toBe(0);
    clock.set('2027-03-01T10:00:00Z');
    expect((await r.runOnce()).ran).toBe(1);
    expect((await r.runOnce()).ran).toBe(0);
    expect(seen).toEqual(['later']);
  });

  it('retries with backoff, then gives up and calls the final-failure handler', async () => {
    seen.length = 0;
    failuresLeft = 5;
    await rt.deps.jobs.enqueue(rt.deps.db, 'test.flaky', { text: 'mail' });
    const r = runner('w1');
    expect(await r.runOnce()).toMatchObject({ ran: 1, failed: 1 });
    expect((await r.runOnce()).ran).toBe(0);
    clock.advance(61_000);
    expect(await r.runOnce()).toMatchObject({ ran: 1, failed: 1 });
    clock.advance(61_000);
    expect(await r.runOnce()).toMatchObject({ ran: 1, failed: 1 });
    clock.advance(3600_000);
    expect((await r.runOnce()).ran).toBe(0);
    expect(finalFailures).toEqual(['mail: temporary']);
    const row = await rt.deps.db.selectFrom('jobs').selectAll().where('name', '=', 'test.flaky').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'failed', attempts: 3, lastError: 'temporary' });
  });

  it('replaces a queued job with the same unique key instead of adding one', async () => {
    seen.length = 0;
    await rt.deps.jobs.enqueue(rt.deps.db, 'test.echo', { text: 'v1' }, { uniqueKey: 'timer:1', runAt: '2027-03-02T10:00:00.000Z' });
    await rt.deps.jobs.enqueue(rt.deps.db, 'test.echo', { text: 'v2' }, { uniqueKey: 'timer:1', runAt: '2027-03-02T11:00:00.000Z' });
    const queued = await rt.deps.db.selectFrom('jobs').selectAll().where('uniqueKey', '=', 'timer:1').execute();
    expect(queued).toHaveLength(1);
    clock.set('2027-03-02T10:30:00Z');
    expect((await runner('w1').runOnce()).ran).toBe(0);
    clock.set('2027-03-02T11:00:00Z');
    await runner('w1').runOnce();
    expect(seen).toEqual(['v2']);
    expect(await rt.deps.jobs.cancel(rt.deps.db, 'timer:1')).toBe(0);
  });

  it('cancels a queued job by key', async () => {
    await rt.deps.jobs.enqueue(rt.deps.db, 'test.echo', { text: 'never' }, { uniqueKey: 'timer:2' });
    expect(await rt.deps.jobs.cancel(rt.deps.db, 'timer:2')).toBe(1);
    seen.length = 0;
    await runner('w1').runOnce();
    expect(seen).toEqual([]);
  });

  it('enqueues inside a transaction: a rollback leaves no job', async () => {
    await expect(
      rt.deps.db.transaction().execute(async (trx) => {
        await rt.deps.jobs.enqueue(trx, 'test.echo', { text: 'ghost' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    seen.length = 0;
    await runner('w1').runOnce();
    expect(seen).not.toContain('ghost');
  });

  it('never gives the same job to two workers', async () => {
    seen.length = 0;
    for (let i = 0; i < 60; i++) await rt.deps.jobs.enqueue(rt.deps.db, 'test.echo', { text: `j${i}` });
    const results = await Promise.all([runner('a').runOnce(), runner('b').runOnce(), runner('c').runOnce()]);
    expect(results.reduce((s, r) => s + r.ran, 0)).toBe(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen).toHaveLength(60);
  });

  it('picks up a job whose worker died (expired lock)', async () => {
    seen.length = 0;
    await rt.deps.jobs.enqueue(rt.deps.db, 'test.echo', { text: 'orphan' });
    const store = new SqlJobStore(rt.deps.db, rt.deps.dialect);
    const claimed = await store.claim('dead-worker', clock.now(), 10, 300);
    expect(claimed).toHaveLength(1);
    expect((await runner('w2').runOnce()).ran).toBe(0);
    clock.advance(301_000);
    expect((await runner('w2').runOnce()).ran).toBe(1);
    expect(seen).toEqual(['orphan']);
  });

  it('holds a named lease for one holder at a time; on SQLite the worker needs it', async () => {
    const store = new SqlJobStore(rt.deps.db, rt.deps.dialect);
    expect(await store.acquireLease('jobs-worker', 'holder-1', clock.now(), 30)).toBe(true);
    expect(await store.acquireLease('jobs-worker', 'holder-1', clock.now(), 30)).toBe(true);
    expect(await store.acquireLease('jobs-worker', 'holder-2', clock.now(), 30)).toBe(false);
    // SQLite allows one worker process; PostgreSQL workers share the table through SKIP LOCKED
    expect((await runner('holder-2').runOnce()).skippedNoLease).toBe(rt.deps.dialect === 'sqlite');
    clock.advance(31_000);
    expect(await store.acquireLease('jobs-worker', 'holder-2', clock.now(), 30)).toBe(true);
  });
});
