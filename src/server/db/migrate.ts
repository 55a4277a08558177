import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { isPostgres } from './migrations/column-types.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * On PostgreSQL the migrator is told the current schema: without it Kysely looks for its
 * bookkeeping tables in every schema, so another schema's (a parallel test file's, another app's)
 * made it skip creating its own and then fail with "kysely_migration_lock does not exist".
 */
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const schema = isPostgres(db) ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error = result.error instanceof Error ? result.error : new Error(String(result.error));
    error.message = `migration ${failed?.migrationName ?? '?'} failed: ${error.message}`;
    throw error;
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Brings the schema to the latest migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return check(await (await migrator(db)).migrateToLatest());
}

/** Undoes the last migration (or all of them); returns the names undone. */
export async function migrateDown(db: Kysely<any>, all = false): Promise<string[]> {
  const m = await migrator(db);
  const undone: string[] = [];
  for (;;) {
    const names = check(await m.migrateDown());
    if (names.length === 0) break;
    undone.push(...names);
    if (!all) break;
  }
  return undone;
}
