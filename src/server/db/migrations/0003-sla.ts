import { sql, type Kysely } from 'kysely';
import { ts } from './column-types.js';

/**
 * Service levels: business calendars (a default one, one per team), SLA policies with their
 * targets, agents' moves of a resolution target, escalation alerts (one per ticket, target, kind and
 * due instant, so a warning or a breach fires once even with several workers), and agents'
 * notifications. Tickets get the calendar their clock runs on and the start of the current wait for
 * the customer; the due-date columns exist since 0002 and get indexes here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('calendar_id', 'text', (c) => c.references('calendars.id'))
    .addColumn('first_response', 'text')
    .addColumn('next_response', 'text')
    .addColumn('resolution', 'text')
    .addColumn('warning_share', 'real')
    .addColumn('notify_anytime', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_target_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('due_at', t, (c) => c.notNull())
    .addColumn('previous_due_at', t)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('pending_reason', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sla_target_moves_ticket_idx').on('sla_target_moves').columns(['ticket_id', 'created_at']).execute();

  await db.schema
    .createTable('sla_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', t, (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .addUniqueConstraint('sla_alerts_once', ['ticket_id', 'target', 'kind', 'due_at'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('read_at', t)
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at', 'id']).execute();

  await db.schema.alterTable('groups').addColumn('calendar_id', 'text', (c) => c.references('calendars.id')).execute();
  await db.schema.alterTable('tickets').addColumn('sla_calendar_id', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('sla_paused_at', t).execute();
  for (const target of ['first_response', 'next_response', 'resolution']) {
    await db.schema.createIndex(`tickets_${target}_due_idx`).on('tickets').column(`${target}_due_at`).where(sql.ref(`${target}_met_at`), 'is', null).execute();
  }
}

/** Removes everything above. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const target of ['first_response', 'next_response', 'resolution']) await db.schema.dropIndex(`tickets_${target}_due_idx`).ifExists().execute();
  await db.schema.alterTable('tickets').dropColumn('sla_paused_at').execute();
  await db.schema.alterTable('tickets').dropColumn('sla_calendar_id').execute();
  await db.schema.alterTable('groups').dropColumn('calendar_id').execute();
  for (const table of ['notifications', 'sla_alerts', 'sla_target_moves', 'sla_policies', 'calendars']) await db.schema.dropTable(table).ifExists().execute();
}
