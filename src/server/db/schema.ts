import type { Kysely, Transaction } from 'kysely';
import type { CallbackTables } from './tables/callbacks.js';
import type { CannedReplyTables } from './tables/canned-replies.js';
import type { EntitlementTables } from './tables/entitlements.js';
import type { FoundationTables } from './tables/foundation.js';
import type { IntakeTables } from './tables/intake.js';
import type { KbTables } from './tables/kb.js';
import type { MailTables } from './tables/mail.js';
import type { SlaTables } from './tables/sla.js';

/**
 * The whole database as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case).
 * Each area declares its tables in tables/<area>.ts and is added here.
 */
export interface DB extends FoundationTables, EntitlementTables, SlaTables, KbTables, IntakeTables, MailTables, CallbackTables, CannedReplyTables {}

/** A database handle or an open transaction: repositories take either. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** Which engine is behind a handle. */
export type Dialect = 'sqlite' | 'postgres';
