import type { Kysely } from 'kysely';
import { ts } from './column-types.js';

/** Canned replies: ready-made answers per language for the agents' composer. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('canned_replies_language_title').on('canned_replies').columns(['language', 'title']).execute();
}

/** Drops the canned replies. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('canned_replies').execute();
}
