import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { CompiledCalendar } from '../src/domain/sla/compiled-calendar.js';
import { dueDate } from '../src/domain/sla/due-dates.js';
import { loadConfig } from '../src/server/config/config.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { DB } from '../src/server/db/schema.js';
import type { HistoryTable, MessagesTable } from '../src/server/db/tables/foundation.js';
import { compose } from '../src/server/main/compose.js';
import { progressBar } from '../src/server/main/commands/progress.js';
import { ManualClock } from '../src/server/ports/clock.js';
import { importCalendar } from '../src/server/services/sla/manage-calendars.js';
import { createPolicy } from '../src/server/services/sla/manage-policies.js';
import { rebuildSla } from '../src/server/services/sla/rebuild-sla.js';
import type { BenchModule, BenchOptions } from './lib/bench-module.js';
import { createBenchStore } from './lib/databases.js';
import { fmt, machineLine, percentile } from './lib/report.js';
import { seedPeople, seedTickets } from './lib/seed.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** The seeds' Paris office: split days, Saturday morning, French public holidays. */
const PARIS = {
  name: 'Paris office',
  timeZone: 'Europe/Paris',
  week: {
    mon: [['09:00', '12:00'], ['14:00', '18:00']], tue: [['09:00', '12:00'], ['14:00', '18:00']], wed: [['09:00', '12:00'], ['14:00', '18:00']],
    thu: [['09:00', '12:00'], ['14:00', '18:00']], fri: [['09:00', '12:00'], ['14:00', '18:00']], sat: [['09:00', '12:00']], sun: [],
  },
  holidays: { country: 'FR', region: null },
  exceptions: [],
} as const;
/** One business week of that calendar: 5 × 7 h + 3 h on Saturday. */
const WEEK_MINUTES = 38 * 60;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** (a) Due-date computations of a one-week target, one core, in batches; median µs per computation. */
function dueDateRate(batches: number, perBatch: number): { medianUs: number; p95Us: number; coldUs: number; opsPerSecond: number; total: number } {
  const calendar = new CompiledCalendar(JSON.parse(JSON.stringify(PARIS)));
  const target = { kind: 'business_minutes', minutes: WEEK_MINUTES } as const;
  const rand = random(2027);
  const from = Date.parse('2026-01-01T00:00:00Z');
  const span = 2 * 365 * 86_400_000;
  const starts = Array.from({ length: perBatch }, () => from + Math.floor(rand() * span));
  // First pass: every date compiled for the first time (luxon, date-holidays) — reported apart.
  const c0 = performance.now();
  let sink = 0;
  for (const s of starts) sink += dueDate(calendar, s, target) ?? 0;
  const coldUs = ((performance.now() - c0) * 1000) / perBatch;
  const perOp: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) sink += dueDate(calendar, starts[(i * 7 + b) % perBatch]!, target) ?? 0;
    perOp.push(((performance.now() - t0) * 1000) / perBatch);
  }
  if (sink === 42) console.error('unlikely');
  const medianUs = percentile(perOp, 50);
  return { medianUs, p95Us: percentile(perOp, 95), coldUs, opsPerSecond: 1e6 / medianUs, total: batches * perBatch };
}

/** Adds what a real desk has per ticket: the creation and state changes in history, a public reply. */
export async function seedThreads(db: Kysely<DB>, log: BenchOptions['log']): Promise<void> {
  const total = Number((await db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  log(`adding history and replies to ${fmt(total)} tickets`);
  const bar = progressBar('threads', total);
  let after = '';
  let done = 0;
  for (;;) {
    const rows = await db.selectFrom('tickets').select(['id', 'state', 'pendingReason', 'createdAt', 'assigneeId']).where('id', '>', after).orderBy('id').limit(2000).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const history: Insertable<HistoryTable>[] = [];
    const messages: Insertable<MessagesTable>[] = [];
    for (const t of rows) {
      const at = Date.parse(t.createdAt);
      const h = (action: string, offsetH: number, field: string | null, before: unknown, value: unknown) =>
        history.push({ id: uuidv7(), ticketId: t.id, entityType: 'ticket', entityId: t.id, actorId: null, action, field, before: before === undefined ? null : JSON.stringify(before), after: JSON.stringify(value), internal: 0, createdAt: new Date(at + offsetH * 3600_000).toISOString() });
      h('created', 0, null, undefined, { state: 'new' });
      if (t.state === 'new') continue;
      messages.push({ id: uuidv7(), ticketId: t.id, authorId: t.assigneeId, createdById: t.assigneeId, kind: 'reply', internal: 0, channel: 'web', bodyText: 'Answer', bodyHtml: '<p>Answer</p>', createdAt: new Date(at + 2 * 3600_000).toISOString() });
      h('changed', 2, 'state', 'new', 'open');
      if (t.state === 'pending') {
        h('changed', 3, 'state', 'open', 'pending');
        h('changed', 3, 'pendingReason', null, t.pendingReason);
      } else if (t.state === 'solved' || t.state === 'closed') {
        h('changed', 30, 'state', 'open', 'solved');
        if (t.state === 'closed') h('changed', 100, 'state', 'solved', 'closed');
      }
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < history.length; i += 500) await trx.insertInto('history').values(history.slice(i, i + 500)).execute();
      for (let i = 0; i < messages.length; i += 500) await trx.insertInto('messages').values(messages.slice(i, i + 500)).execute();
    });
    done += rows.length;
    bar.update(done);
  }
  bar.stop();
}

/** (b) Rebuilding the SLA of N tickets on SQLite from their history. */
async function rebuildTime(tickets: number, log: BenchOptions['log']): Promise<{ seconds: number; cpuSeconds: number; changed: number; jobs: number }> {
  const store = await createBenchStore('sqlite');
  try {
    const config = loadConfig({ GUICHET_DATA_DIR: store.dataDir });
    const runtime = compose(config, { logger: quiet, clock: new ManualClock('2026-01-05T08:00:00Z') });
    try {
      await migrateToLatest(runtime.database.db);
      const people = await seedPeople(runtime.database.db, { organizations: 50, customers: 1000, agents: 10 });
      log(`seeding ${fmt(tickets)} tickets on SQLite`);
      const bar = progressBar('seed sqlite', tickets);
      await seedTickets(runtime.database.db, people, tickets, { batch: 2000, onProgress: (d) => bar.update(d) });
      bar.stop();
      await seedThreads(runtime.database.db, log);
      await importCalendar(runtime.deps, PARIS, true);
      await createPolicy(runtime.deps, { name: 'Standard', isDefault: true, firstResponse: { kind: 'business_minutes', minutes: 240 }, nextResponse: { kind: 'business_minutes', minutes: 240 }, resolution: { kind: 'business_day_hours', hours: 48 } });
      log(`rebuilding the SLA of ${fmt(tickets)} tickets`);
      const rb = progressBar('sla rebuild', tickets);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const r = await rebuildSla(runtime.deps, { onProgress: (d) => rb.update(d) });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      rb.stop();
      const jobs = Number((await runtime.database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', 'sla.escalate').executeTakeFirstOrThrow()).n);
      return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, changed: r.changed, jobs };
    } finally {
      await runtime.close();
    }
  } finally {
    await store.dispose();
  }
}

/** Service levels (issue 3). */
export const slaBench: BenchModule = {
  name: 'sla',
  async run({ quick, log }) {
    const batches = quick ? 20 : 200;
    const perBatch = quick ? 200 : 1000;
    const tickets = quick ? 5000 : 100_000;
    log(`due dates: ${batches} batches of ${perBatch}`);
    const due = dueDateRate(batches, perBatch);
    const rebuild = await rebuildTime(tickets, log);
    return `## Service levels: due-date arithmetic and SLA rebuild (issue 3)

\`npm run bench -- --only sla\`${quick ? ' (quick run: not for figures)' : ''} · ${machineLine()}

### (a) Due-date computations, one core

A one-week target (${WEEK_MINUTES / 60} business hours = one week of the calendar) from ${fmt(perBatch)} pseudo-random starts in
2026–2027 on the Paris split-day calendar (09:00–12:00, 14:00–18:00, Saturday 09:00–12:00, French public holidays),
computed ${fmt(due.total)} times in ${batches} batches after one pass that compiles every date (the calendar caches each local date's
business intervals as UTC milliseconds; luxon and date-holidays run once per date and year).

| median per computation | p95 of batches | computations/s (median) | first pass (cold cache) | target |
|---:|---:|---:|---:|---:|
| **${fmt(due.medianUs, 2)} µs** | ${fmt(due.p95Us, 2)} µs | ${fmt(due.opsPerSecond)} | ${fmt(due.coldUs, 1)} µs | ≤ 20 µs |

### (b) Rebuilding the SLA of ${fmt(tickets)} tickets on SQLite

\`guichet sla rebuild\` (\`rebuildSla\`): ${fmt(tickets)} seeded tickets spread over 2025 (bench/lib/seed.ts, with their creation and
state changes in the history and a public reply for every answered ticket), one default policy (first response 4 business
hours, next response 4 business hours, resolution 48 business-day hours) on the Paris calendar; batches of 1,000 tickets, one
transaction and three reads each; the row columns written and the timers of running targets queued.

| tickets | time | CPU time of the process | tickets/s | rows changed | timers queued | target |
|---:|---:|---:|---:|---:|---:|---:|
| ${fmt(tickets)} | **${fmt(rebuild.seconds, 1)} s** | ${fmt(rebuild.cpuSeconds, 1)} s | ${fmt(tickets / rebuild.seconds)} | ${fmt(rebuild.changed)} | ${fmt(rebuild.jobs)} | ≤ 30 s for 100,000 |`;
  },
};
