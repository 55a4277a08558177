import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config/config.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { compose } from '../src/server/main/compose.js';
import { createApiToken } from '../src/server/services/auth/create-api-token.js';
import { progressBar } from '../src/server/main/commands/progress.js';
import type { BenchModule, BenchOptions } from './lib/bench-module.js';
import { createBenchStore, type BenchStore } from './lib/databases.js';
import { fmt, machineLine, percentile } from './lib/report.js';
import { seedPeople, seedTickets } from './lib/seed.js';
import { startBenchServer } from './lib/server.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** Migrates a store, seeds people (and tickets), returns a customer's and an agent's API tokens. */
async function prepare(store: BenchStore, tickets: number, log: BenchOptions['log']): Promise<{ customerToken: string; agentToken: string }> {
  const config = loadConfig({ GUICHET_DATA_DIR: store.dataDir, ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}) });
  const runtime = compose(config, { logger: quiet });
  try {
    await migrateToLatest(runtime.database.db);
    const people = await seedPeople(runtime.database.db, { organizations: 50, customers: 1000, agents: 10 });
    if (tickets > 0) {
      log(`seeding ${fmt(tickets)} tickets on ${store.kind}`);
      const bar = progressBar(`seed ${store.kind}`, tickets);
      await seedTickets(runtime.database.db, people, tickets, { batch: 2000, onProgress: (d) => bar.update(d) });
      bar.stop();
      if (store.kind === 'postgres') await sql`analyze`.execute(runtime.database.db);
    }
    const customerToken = await createApiToken(runtime.deps, { email: 'customer0@bench.example' });
    const agentToken = await createApiToken(runtime.deps, { email: 'agent0@bench.example' });
    return { customerToken, agentToken };
  } finally {
    await runtime.close();
  }
}

/** (a) Ticket creation over HTTP, keep-alive, 16 concurrent clients. */
async function creationRate(kind: 'sqlite' | 'postgres', seconds: number, log: BenchOptions['log']): Promise<{ rps: number; p50: number; p99: number; errors: number; total: number }> {
  const store = await createBenchStore(kind);
  try {
    const { customerToken } = await prepare(store, 0, log);
    const server = await startBenchServer(store);
    try {
      const run = (duration: number) =>
        autocannon({
          url: `${server.url}/api/v1/tickets`,
          method: 'POST',
          connections: 16,
          duration,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}` },
          body: JSON.stringify({ subject: 'The export to PDF cuts the footer', body: 'Since yesterday, invoices exported to PDF have their footer cut.\n\nSteps: open an invoice of two pages, Export > PDF.' }),
        });
      await run(2);
      const r = await run(seconds);
      return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors, total: r.requests.total };
    } finally {
      await server.stop();
    }
  } finally {
    await store.dispose();
  }
}

/** (b) Latency of the first page of open tickets with N tickets in the store, one client. */
async function listLatency(kind: 'sqlite' | 'postgres', tickets: number, samples: number, log: BenchOptions['log']): Promise<{ p50: number; p95: number; p99: number }> {
  const store = await createBenchStore(kind);
  try {
    const { agentToken } = await prepare(store, tickets, log);
    const server = await startBenchServer(store);
    try {
      const url = `${server.url}/api/v1/tickets?state=open`;
      const headers = { authorization: `Bearer ${agentToken}` };
      const times: number[] = [];
      for (let i = 0; i < samples + 100; i++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        const body = (await res.json()) as { items: unknown[] };
        if (res.status !== 200 || body.items.length !== 25) throw new Error(`unexpected answer ${res.status}`);
        if (i >= 100) times.push(performance.now() - t0);
      }
      return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
    } finally {
      await server.stop();
    }
  } finally {
    await store.dispose();
  }
}

/** The foundation's benchmarks (issue 2). */
export const apiBench: BenchModule = {
  name: 'api',
  async run({ quick, log }) {
    const seconds = quick ? 3 : 15;
    const tickets = quick ? 5000 : 100_000;
    const samples = quick ? 200 : 2000;
    const create = { sqlite: await creationRate('sqlite', seconds, log), postgres: await creationRate('postgres', seconds, log) };
    const list = { sqlite: await listLatency('sqlite', tickets, samples, log), postgres: await listLatency('postgres', tickets, samples, log) };
    const row = (k: 'sqlite' | 'postgres', target: number) =>
      `| ${k === 'sqlite' ? 'SQLite (WAL)' : 'PostgreSQL 15'} | **${fmt(create[k].rps)}** | ${fmt(create[k].total)} | ${create[k].p50} ms | ${create[k].p99} ms | ${create[k].errors} | ≥ ${fmt(target)}/s |`;
    const lrow = (k: 'sqlite' | 'postgres') => `| ${k === 'sqlite' ? 'SQLite (WAL)' : 'PostgreSQL 15'} | ${fmt(list[k].p50, 2)} ms | **${fmt(list[k].p95, 2)} ms** | ${fmt(list[k].p99, 2)} ms |`;
    return `## API: ticket creation and listing (issue 2)

\`npm run bench -- --only api\`${quick ? ' (quick run: not for figures)' : ''} · ${machineLine()}

The server is \`guichet serve\` (built) in its own process; the load comes from autocannon in the
benchmark process, so each has one of the two cores.

### (a) Ticket creation: \`POST /api/v1/tickets\`, keep-alive, 16 concurrent clients, ${seconds} s after a 2 s warm-up

| database | tickets/s | tickets created | p50 | p99 | errors | target |
|---|---:|---:|---:|---:|---:|---:|
${row('sqlite', 2000)}
${row('postgres', 1000)}

### (b) \`GET /api/v1/tickets?state=open\` (first page, 25 tickets) with ${fmt(tickets)} tickets in the store

One client, keep-alive, ${fmt(samples)} requests after 100 warm-up requests; latency seen by the client.

| database | p50 | p95 | p99 |
|---|---:|---:|---:|
${lrow('sqlite')}
${lrow('postgres')}

Target: p95 ≤ 20 ms at 100,000 tickets.`;
  },
};
