import { sql, type Kysely, type ColumnDataType, type Expression } from 'kysely';

/**
 * Portable column types for migrations. Frozen helpers: migrations may import this file only.
 * Timestamps: timestamptz (PostgreSQL) / TEXT ISO-8601 (SQLite). Binary: bytea / BLOB.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

/** Timestamp column type. */
export function ts(db: Kysely<any>): ColumnDataType {
  return isPostgres(db) ? 'timestamptz' : 'text';
}

/** Binary column type. */
export function bin(db: Kysely<any>): ColumnDataType {
  return isPostgres(db) ? 'bytea' : 'blob';
}

/** Big integer column type (counts of minutes, bytes). */
export function big(db: Kysely<any>): ColumnDataType {
  return isPostgres(db) ? 'bigint' : 'integer';
}

/** A raw SQL default expression. */
export function rawDefault(text: string): Expression<unknown> {
  return sql.raw(text);
}
