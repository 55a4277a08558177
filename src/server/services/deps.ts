import type { i18n as I18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { DB, Dialect } from '../db/schema.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { TicketEventBus } from '../ports/ticket-events.js';
import type { TicketHook } from './hooks/ticket-hooks.js';

/** A minimal structured logger (pino's shape). */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

/** What every use case receives; built once by the composition root (server/main). */
export interface ServiceDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  blobs: BlobStore;
  jobs: JobQueue;
  events: TicketEventBus;
  /** Full-text search of articles and tickets (FTS5 or PostgreSQL). */
  search: SearchIndex;
  i18n: I18n;
  /** Run inside the transaction of every ticket change, in order (SLA, notifications...). */
  hooks: TicketHook[];
  logger: Logger;
}
