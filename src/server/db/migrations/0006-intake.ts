import type { Kysely } from 'kysely';
import { ts } from './column-types.js';

/**
 * Intake: the request form configured per product, the structured request stored with each ticket,
 * and the "not satisfied" reopens (which messages the agent sees together).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('intake_request_forms')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('products.id').onDelete('cascade'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ticket_requests')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('product_id', 'text')
    .addColumn('field_values', 'text', (c) => c.notNull())
    .addColumn('missing', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('one_question', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ticket_reopens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('question_message_id', 'text')
    .addColumn('answer_message_id', 'text')
    .addColumn('comment_message_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_reopens_ticket').on('ticket_reopens').columns(['ticket_id', 'created_at']).execute();
}

/** Removes the intake tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_reopens').execute();
  await db.schema.dropTable('ticket_requests').execute();
  await db.schema.dropTable('intake_request_forms').execute();
}
