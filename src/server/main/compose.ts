import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createI18n } from '../../i18n/create-i18n.js';
import { loadServerResources } from '../../i18n/server-resources.js';
import { DbBlobStore } from '../adapters/blob-db.js';
import { FsBlobStore } from '../adapters/blob-fs.js';
import { SqlJobQueue, SqlJobStore } from '../adapters/jobs-sql.js';
import { Fts5SearchIndex } from '../adapters/search-fts5.js';
import { PostgresSearchIndex } from '../adapters/search-postgres.js';
import { MemoryTicketEventBus } from '../adapters/ticket-events-memory.js';
import type { Config } from '../config/config.js';
import { createDatabase, type Database } from '../db/create-db.js';
import { JobRunner } from '../jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../jobs/registry.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { ServiceDeps } from '../services/deps.js';
import { TICKET_HOOKS } from './ticket-hooks.js';

/** Everything a running Guichet holds: services' dependencies, the database and the job runner. */
export interface Runtime {
  deps: ServiceDeps;
  database: Database;
  runner: JobRunner;
  close(): Promise<void>;
}

/** Options that tests and benchmarks change. */
export interface ComposeOptions {
  clock?: Clock;
  /** An already open database (tests share one per file). */
  database?: Database;
  /** PostgreSQL schema for this runtime (tests). */
  schema?: string;
  logger?: ServiceDeps['logger'];
  workerId?: string;
  /** A long-running process (serve, worker): SQLite checkpoints in a background thread. */
  longRunning?: boolean;
}

/** The built web app (dist/web at the package root, from both src/ and dist/). */
export const WEB_ROOT = path.resolve(fileURLToPath(new URL('../../../dist/web/', import.meta.url)));

/** Picks the adapters for a configuration: the only place that does. */
export function compose(config: Config, options: ComposeOptions = {}): Runtime {
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    createDatabase({
      url: config.databaseUrl,
      sqlitePath: path.join(config.dataDir, 'guichet.db'),
      poolSize: config.dbPoolSize,
      backgroundCheckpoint: options.longRunning ?? false,
      ...(options.schema ? { schema: options.schema } : {}),
    });
  const logger = options.logger ?? pino({ level: config.logLevel });
  let runner: JobRunner | null = null;
  const jobs = new SqlJobQueue(
    () => clock.now(),
    (name) => JOB_DEFINITIONS.find((d) => d.name === name)?.maxAttempts ?? 5,
    () => runner?.poke(),
  );
  const deps: ServiceDeps = {
    db: database.db,
    dialect: database.dialect,
    config,
    clock,
    blobs: config.blobStore === 'db' ? new DbBlobStore(() => clock.now()) : new FsBlobStore(path.join(config.dataDir, 'blobs')),
    jobs,
    events: new MemoryTicketEventBus(),
    search: database.dialect === 'postgres' ? new PostgresSearchIndex() : new Fts5SearchIndex(),
    i18n: createI18n(loadServerResources()),
    hooks: TICKET_HOOKS,
    logger,
  };
  const workerId = options.workerId ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  runner = new JobRunner(deps, new SqlJobStore(database.db, database.dialect), JOB_DEFINITIONS, {
    workerId,
    lease: database.dialect === 'sqlite' ? { name: 'jobs-worker', seconds: 30 } : null,
  });
  const owned = !options.database;
  return {
    deps,
    database,
    runner,
    close: async () => {
      await runner?.stop();
      if (owned) await database.close();
    },
  };
}
