import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** PostgreSQL server used by benchmarks (a fresh database is made per run). */
export const BENCH_PG_BASE = process.env.BENCH_PG_BASE ?? 'postgres://postgres@127.0.0.1:5432';

/** A place for one benchmark's data: a temp data dir, and a fresh PostgreSQL database when asked. */
export interface BenchStore {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl: string | null;
  dispose(): Promise<void>;
}

async function pgAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: `${BENCH_PG_BASE}/test` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates an empty store of the given kind. */
export async function createBenchStore(kind: 'sqlite' | 'postgres'): Promise<BenchStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `guichet-bench-${kind}-`));
  if (kind === 'sqlite') return { kind, dataDir, databaseUrl: null, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `guichet_bench_${Date.now()}_${process.pid}`;
  await pgAdmin(`create database ${name}`);
  return {
    kind,
    dataDir,
    databaseUrl: `${BENCH_PG_BASE}/${name}`,
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await pgAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}
