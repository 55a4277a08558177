import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { queueKey } from '../src/domain/queue/rank.js';
import { loadConfig } from '../src/server/config/config.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { TicketsTable } from '../src/server/db/tables/foundation.js';
import { compose } from '../src/server/main/compose.js';
import { progressBar } from '../src/server/main/commands/progress.js';
import { addGroupMember, insertGroup } from '../src/server/repositories/groups.repository.js';
import { createApiToken } from '../src/server/services/auth/create-api-token.js';
import type { BenchModule, BenchOptions } from './lib/bench-module.js';
import { createBenchStore, type BenchStore } from './lib/databases.js';
import { fmt, machineLine, percentile } from './lib/report.js';
import { seedPeople, seedTickets, type SeededPeople } from './lib/seed.js';
import { startBenchServer } from './lib/server.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
/** new 10 % + open 15 % = 25 % of the tickets wait for an agent: 250,000 of 1,000,000. */
const STATE_MIX: Array<[string, number]> = [['new', 0.1], ['open', 0.15], ['pending', 0.1], ['solved', 0.15], ['closed', 0.5]];
const TIERS = ['standard', 'standard', 'standard', 'standard', 'standard', 'standard', 'contract', 'contract', 'direct', 'premium'];
const AGENTS = 8;

/** Gives each seeded ticket the facts the queue ranks on: tier, penalty, group, SLA due times, and its stored key. */
function decorate(groups: string[], people: SeededPeople) {
  return (row: Insertable<TicketsTable>, k: number): Insertable<TicketsTable> => {
    const tier = TIERS[(k * 7) % TIERS.length]!;
    const created = new Date(row.createdAt);
    const due = k % 5 === 0 ? null : new Date(created.getTime() + ((k % 13) + 1) * 3600_000).toISOString();
    const state = row.state;
    const facts = {
      ...row, tier, premium: tier === 'premium' ? 1 : 0, fairUsePenalty: k % 41 === 0 ? 1 : 0,
      groupId: k % 3 === 2 ? null : groups[k % 2]!, planCode: tier === 'standard' ? 'standard' : tier,
      assigneeId: state === 'new' ? null : people.agentIds[k % people.agentIds.length]!,
      firstResponseDueAt: due, firstResponseMetAt: null, nextResponseDueAt: null, nextResponseMetAt: null, resolutionDueAt: null, resolutionMetAt: null,
    };
    return { ...facts, queueKey: queueKey({ ...facts, id: row.id, state, createdAt: row.createdAt }) };
  };
}

/** Seeds people in two groups and the tickets; returns agents' tokens. */
async function prepare(store: BenchStore, tickets: number, log: BenchOptions['log']): Promise<string[]> {
  const config = loadConfig({ GUICHET_DATA_DIR: store.dataDir, ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}) });
  const runtime = compose(config, { logger: quiet });
  try {
    await migrateToLatest(runtime.database.db);
    const people = await seedPeople(runtime.database.db, { organizations: 50, customers: 1000, agents: 10 });
    const at = new Date().toISOString();
    const groups = [uuidv7(), uuidv7()];
    for (const [i, id] of groups.entries()) {
      await insertGroup(runtime.database.db, { id, name: `Support ${i}`, createdAt: at });
      for (const [k, agent] of people.agentIds.entries()) if (k % 2 === i) await addGroupMember(runtime.database.db, id, agent);
    }
    log(`seeding ${fmt(tickets)} tickets on ${store.kind}`);
    const bar = progressBar(`seed ${store.kind}`, tickets);
    await seedTickets(runtime.database.db, people, tickets, { stateMix: STATE_MIX, batch: 5000, onProgress: (d) => bar.update(d), decorate: decorate(groups, people) });
    bar.stop();
    await sql`analyze`.execute(runtime.database.db);
    const tokens: string[] = [];
    for (let i = 0; i < AGENTS; i++) tokens.push(await createApiToken(runtime.deps, { email: `agent${i}@bench.example` }));
    return tokens;
  } finally {
    await runtime.close();
  }
}

async function latency(url: string, token: string, samples: number): Promise<{ p50: number; p95: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < samples + 50; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { items?: unknown[] };
    if (res.status !== 200 || !body.items || body.items.length === 0) throw new Error(`unexpected answer ${res.status} from ${url}`);
    if (i >= 50) times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** Agents call /queue/next in parallel for some seconds; every assignment must be distinct. */
async function nextRate(base: string, tokens: string[], seconds: number): Promise<{ perSecond: number; total: number; duplicates: number }> {
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const ids = await Promise.all(
    tokens.map(async (token) => {
      const mine: string[] = [];
      while (performance.now() < until) {
        const res = await fetch(`${base}/api/v1/queue/next`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { item: { ticket: { id: string } } | null };
        if (res.status !== 200) throw new Error(`queue/next answered ${res.status}`);
        if (!body.item) break;
        mine.push(body.item.ticket.id);
      }
      return mine;
    }),
  );
  const all = ids.flat();
  return { perSecond: all.length / ((performance.now() - t0) / 1000), total: all.length, duplicates: all.length - new Set(all).size };
}

interface Result {
  views: Record<string, { p50: number; p95: number; p99: number }>;
  next: { perSecond: number; total: number; duplicates: number };
}

async function run(kind: 'sqlite' | 'postgres', tickets: number, samples: number, seconds: number, log: BenchOptions['log']): Promise<Result> {
  const store = await createBenchStore(kind);
  try {
    const tokens = await prepare(store, tickets, log);
    const server = await startBenchServer(store, { GUICHET_WORKER: 'false' });
    try {
      const views: Result['views'] = {};
      for (const [name, query] of [['my groups (default)', ''], ['all', '?scope=all'], ['unassigned', '?assignee=none'], ['mine', '?assignee=me']] as const) {
        log(`${kind}: GET /api/v1/queue${query}`);
        views[name] = await latency(`${server.url}/api/v1/queue${query}`, tokens[0]!, samples);
      }
      log(`${kind}: ${AGENTS} agents on /queue/next for ${seconds} s`);
      return { views, next: await nextRate(server.url, tokens, seconds) };
    } finally {
      await server.stop();
    }
  } finally {
    await store.dispose();
  }
}

/** The queue benchmarks (issue 6). */
export const queueBench: BenchModule = {
  name: 'queue',
  async run({ quick, log }) {
    const tickets = quick ? 20_000 : 1_000_000;
    const samples = quick ? 100 : 1000;
    const seconds = quick ? 3 : 15;
    const results = { sqlite: await run('sqlite', tickets, samples, seconds, log), postgres: await run('postgres', tickets, samples, seconds, log) };
    const name = (k: 'sqlite' | 'postgres') => (k === 'sqlite' ? 'SQLite (WAL)' : 'PostgreSQL 15');
    const rows = (['sqlite', 'postgres'] as const).flatMap((k) =>
      Object.entries(results[k].views).map(([view, r]) => `| ${name(k)} | ${view} | ${fmt(r.p50, 2)} ms | **${fmt(r.p95, 2)} ms** | ${fmt(r.p99, 2)} ms |`),
    );
    const next = (['sqlite', 'postgres'] as const).map((k) => `| ${name(k)} | **${fmt(results[k].next.perSecond)}** | ${fmt(results[k].next.total)} | ${results[k].next.duplicates} |`);
    return `## Queue: ranked list and "next ticket" (issue 6)

\`npm run bench -- --only queue\`${quick ? ' (quick run: not for figures)' : ''} · ${machineLine()}

${fmt(tickets)} tickets, ${fmt(tickets / 4)} of them waiting for an agent (new or open), 10 % premium, 10 % direct
assistance, 20 % contract, 1 in 41 with a fair-use penalty, 80 % with an SLA due time, two groups.
The server is \`guichet serve\` (built) in its own process, without the job worker.

### \`GET /api/v1/queue\` (first page, 50 tickets with their rank reasons), one client, ${fmt(samples)} requests after 50 warm-up

| database | view | p50 | p95 | p99 |
|---|---|---:|---:|---:|
${rows.join('\n')}

Target: p95 ≤ 30 ms. The order comes from the stored \`queue_key\` (tier, penalty, due time, arrival) read
off partial indexes, so the page costs about the same whatever the number of waiting tickets.

### \`POST /api/v1/queue/next\`: ${AGENTS} agents in parallel for ${seconds} s

| database | assignments/s | assignments | duplicates |
|---|---:|---:|---:|
${next.join('\n')}

Each assignment is one transaction (candidate \`FOR UPDATE SKIP LOCKED\` on PostgreSQL, the single
writer on SQLite), with its history row and the ticket hooks.`;
  },
};
