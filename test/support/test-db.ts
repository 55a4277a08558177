import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/server/db/create-db.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

/** The PostgreSQL server tests run against when set; SQLite in memory otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? null;

/** A migrated database of its own for one test file (a fresh schema on PostgreSQL). */
export interface TestDatabase extends Database {
  schema: string | null;
  drop(): Promise<void>;
}

/** Opens a fresh, migrated database; call drop() in afterAll. */
export async function openTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const database = createDatabase({ url: null, sqlitePath: ':memory:' });
    await migrateToLatest(database.db);
    return { ...database, schema: null, drop: () => database.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = createDatabase({ url: TEST_DATABASE_URL, sqlitePath: '', schema, poolSize: options.poolSize ?? 10 });
  await migrateToLatest(database.db);
  return {
    ...database,
    schema,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
