import { sql, type Kysely } from 'kysely';
import { ts } from './column-types.js';

/**
 * Entitlements: plans, licences, contracts, an organization's designated engineer, agents'
 * absence, the premium-credit ledger, each ticket's resolved entitlement, fair use (scores,
 * exemptions, agents' flags), admin settings, and the stored queue key on the ticket row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.references('products.id').onDelete('cascade'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('designated_engineer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('premium_credits_included', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('support_days', 'integer')
    .addColumn('version_rule', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('licences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('purchased_on', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('seats', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('licences_org_idx').on('licences').columns(['organization_id', 'product_id']).execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_org_idx').on('contracts').columns(['organization_id', 'ends_on']).execute();

  await db.schema
    .createTable('organization_support')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('engineer_id', 'text', (c) => c.references('users.id'))
    .addColumn('deputy_id', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agent_absences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('until', t)
    .addColumn('note', 'text')
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('credit_balances')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .addCheckConstraint('credit_balances_not_negative', sql`balance >= 0`)
    .execute();
  await db.schema
    .createTable('credit_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('event_id', 'text', (c) => c.unique())
    .addColumn('reason', 'text')
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credit_entries_org_idx').on('credit_entries').columns(['organization_id', 'created_at']).execute();

  await db.schema
    .createTable('ticket_entitlements')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('plan_code', 'text')
    .addColumn('base_plan_code', 'text')
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('licence_id', 'text')
    .addColumn('contract_id', 'text')
    .addColumn('problem', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('fair_use', 'text')
    .addColumn('resolved_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('fair_use_customers')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('score', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('penalized', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('exempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('exempt_reason', 'text')
    .addColumn('computed_at', t)
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('fair_use_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t, (c) => c.notNull())
    .addUniqueConstraint('fair_use_flags_unique', ['ticket_id', 'kind'])
    .execute();
  await db.schema.createIndex('fair_use_flags_customer_idx').on('fair_use_flags').columns(['customer_id', 'created_at']).execute();

  await db.schema
    .createTable('entitlement_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();

  // The queue order in one sortable text key (tier, fair-use penalty, due time, arrival), kept by the
  // queue hook; null when the ticket is not waiting for an agent. GET /queue reads it off an index.
  await db.schema.alterTable('tickets').addColumn('fair_use_penalty', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('tickets').addColumn('queue_key', 'text').execute();
  await db.schema.createIndex('tickets_queue_idx').on('tickets').columns(['queue_key', 'id']).where(sql<boolean>`queue_key is not null`).execute();
  await db.schema
    .createIndex('tickets_queue_unassigned_idx')
    .on('tickets')
    .columns(['queue_key', 'id'])
    .where(sql<boolean>`queue_key is not null and assignee_id is null`)
    .execute();
  await db.schema.createIndex('tickets_queue_assignee_idx').on('tickets').columns(['assignee_id', 'queue_key', 'id']).where(sql<boolean>`queue_key is not null`).execute();
  await db.schema.createIndex('tickets_queue_group_idx').on('tickets').columns(['group_id', 'queue_key', 'id']).where(sql<boolean>`queue_key is not null`).execute();
  await db.schema.createIndex('tickets_licence_idx').on('tickets').column('licence_number').execute();
}

/** Removes everything above. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['tickets_licence_idx', 'tickets_queue_group_idx', 'tickets_queue_assignee_idx', 'tickets_queue_unassigned_idx', 'tickets_queue_idx']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await db.schema.alterTable('tickets').dropColumn('queue_key').execute();
  await db.schema.alterTable('tickets').dropColumn('fair_use_penalty').execute();
  for (const table of [
    'entitlement_settings', 'fair_use_flags', 'fair_use_customers', 'ticket_entitlements', 'credit_entries', 'credit_balances',
    'agent_absences', 'organization_support', 'contracts', 'licences', 'plans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
