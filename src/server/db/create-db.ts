import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB, Dialect } from './schema.js';

/** An open database with its engine and a way to close it. */
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Where to connect. */
export interface DatabaseOptions {
  /** postgres:// URL, or null for SQLite. */
  url: string | null;
  /** SQLite file path or ':memory:' (ignored for PostgreSQL). */
  sqlitePath: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** PostgreSQL schema to use (tests use one per file). */
  schema?: string;
  /**
   * SQLite file only: checkpoint the WAL from a worker thread instead of inside the commits of
   * requests (for long-running servers).
   */
  backgroundCheckpoint?: boolean;
}

// Runs in a worker thread with its own connection: PASSIVE checkpoints never block writers.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage(String(e)); } };
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch {}
  db.close();
  parentPort.postMessage('stopped');
});
`;

/** Starts the checkpointing thread; returns how to stop it. */
function startCheckpointer(file: string, intervalMs = 1000): () => Promise<void> {
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  return () =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        void worker.terminate().then(() => resolve());
      };
      const timeout = setTimeout(done, 5000);
      worker.on('message', (m) => {
        if (m === 'stopped') {
          clearTimeout(timeout);
          done();
        }
      });
      worker.postMessage('stop');
    });
}

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** Timestamps come back as ISO strings and counts as numbers, as on SQLite. */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) return (v) => new Date(oid === PG_TIMESTAMP ? `${v}Z` : v).toISOString();
  if (oid === PG_INT8 || oid === PG_NUMERIC) return (v) => Number(v);
  return pg.types.getTypeParser(oid, (format as 'text') ?? 'text') as (value: string) => unknown;
}

/**
 * Kysely prepares every statement again; better-sqlite3 statements can be reused, which saves a
 * large share of the time of small queries. Statements are only reused while idle (Kysely runs one
 * query at a time on SQLite), and the cache is bounded.
 */
function withStatementCache(raw: SqliteDatabase.Database, max = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (stmt && !stmt.busy) return stmt;
          stmt = target.prepare(source);
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(source, stmt);
          return stmt;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Opens SQLite (WAL) or PostgreSQL behind one Kysely type. */
export function createDatabase(options: DatabaseOptions): Database {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 16,
      types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (options.sqlitePath !== ':memory:') mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  const raw = new SqliteDatabase(options.sqlitePath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  raw.pragma('temp_store = MEMORY');
  const checkpointer = options.backgroundCheckpoint && options.sqlitePath !== ':memory:' ? startCheckpointer(options.sqlitePath) : null;
  // With the checkpointer, commits only checkpoint as a backstop when the WAL reaches ~40 MB.
  if (checkpointer) raw.pragma('wal_autocheckpoint = 10000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(raw) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await db.destroy();
      await checkpointer?.();
    },
  };
}
