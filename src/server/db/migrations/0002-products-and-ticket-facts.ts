import type { Kysely } from 'kysely';
import { ts } from './column-types.js';

/**
 * Products and their versions, and the facts about a ticket that several areas read: which product
 * and version, how critical, which licence, and what the entitlement made of it (plan, tier,
 * premium), the SLA due dates, and whether the documentation answered it. Intake fills
 * product/version/criticality/licence; entitlements fill plan/tier/premium; the SLA area fills the
 * due dates; the queue rank and the reports read them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('product_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('released_at', t)
    .addColumn('supported', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t, (c) => c.notNull())
    .addUniqueConstraint('product_versions_unique', ['product_id', 'version'])
    .execute();
  await db.schema.alterTable('tickets').addColumn('product_id', 'text', (c) => c.references('products.id')).execute();
  await db.schema.alterTable('tickets').addColumn('product_version', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('criticality', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('licence_number', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('plan_code', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('tier', 'text', (c) => c.notNull().defaultTo('standard')).execute();
  await db.schema.alterTable('tickets').addColumn('premium', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // SLA results live on the ticket row (filled by the SLA area, read by the queue and reports).
  await db.schema.alterTable('tickets').addColumn('sla_policy_id', 'text').execute();
  for (const target of ['first_response', 'next_response', 'resolution']) {
    for (const suffix of ['due_at', 'met_at', 'breached_at']) {
      await db.schema.alterTable('tickets').addColumn(`${target}_${suffix}`, t).execute();
    }
  }
  // Set when an agent resolves a ticket by linking a knowledge-base article (fair use counts it).
  await db.schema.alterTable('tickets').addColumn('answered_by_article_id', 'text').execute();
}

/** Removes products and the ticket facts. */
export async function down(db: Kysely<any>): Promise<void> {
  const sla = ['first_response', 'next_response', 'resolution'].flatMap((x) => ['due_at', 'met_at', 'breached_at'].map((y) => `${x}_${y}`));
  for (const column of ['answered_by_article_id', ...sla, 'sla_policy_id', 'premium', 'tier', 'plan_code', 'licence_number', 'criticality', 'product_version', 'product_id']) {
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  }
  await db.schema.dropTable('product_versions').execute();
  await db.schema.dropTable('products').execute();
}
