import type { Kysely } from 'kysely';
import { bin, big, ts } from './column-types.js';

/**
 * E-mail: one row per mail in or out (its RFC 5322 Message-ID for threading and idempotency, the
 * ticket and message it belongs to, what Guichet did with it) and the raw bytes, kept for a while.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('mail_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('rfc_message_id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('sender', 'text')
    .addColumn('recipient', 'text')
    .addColumn('subject', 'text')
    .addColumn('size', big(db), (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_log_ticket_idx').on('mail_log').columns(['ticket_id', 'created_at']).execute();
  await db.schema.createIndex('mail_log_message_idx').on('mail_log').column('message_id').execute();
  await db.schema
    .createTable('mail_raw')
    .addColumn('mail_id', 'text', (c) => c.primaryKey().references('mail_log.id').onDelete('cascade'))
    .addColumn('data', bin(db), (c) => c.notNull())
    .addColumn('expires_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_raw_expires_idx').on('mail_raw').column('expires_at').execute();
}

/** Drops the mail tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_raw').execute();
  await db.schema.dropTable('mail_log').execute();
}
