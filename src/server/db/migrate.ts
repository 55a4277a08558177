import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
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
  return check(await migrator(db).migrateToLatest());
}

/** Undoes the last migration (or all of them); returns the names undone. */
export async function migrateDown(db: Kysely<any>, all = false): Promise<string[]> {
  const m = migrator(db);
  const undone: string[] = [];
  for (;;) {
    const names = check(await m.migrateDown());
    if (names.length === 0) break;
    undone.push(...names);
    if (!all) break;
  }
  return undone;
}
