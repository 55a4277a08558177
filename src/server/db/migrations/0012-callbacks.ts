import { sql, type Kysely } from 'kysely';
import { ts } from './column-types.js';

/** Callback booking: the bookings, and one row per taken seat of a slot (capacity by primary key). */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('preferred_from', t)
    .addColumn('preferred_to', t)
    .addColumn('slot_start', t, (c) => c.notNull())
    .addColumn('slot_end', t, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preference_met', 'integer')
    .addColumn('booked_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('done_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('done_at', t)
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callbacks_queue_idx').on('callbacks').columns(['state', 'slot_start']).execute();
  // One booked callback per ticket at a time (a double click books once).
  await db.schema.createIndex('callbacks_one_booked_idx').on('callbacks').column('ticket_id').unique().where(sql.ref('state'), '=', 'booked').execute();
  await db.schema
    .createTable('callback_seats')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('slot_start', t, (c) => c.notNull())
    .addColumn('seat', 'integer', (c) => c.notNull())
    .addColumn('callback_id', 'text', (c) => c.notNull().unique().references('callbacks.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('callback_seats_pk', ['scope', 'slot_start', 'seat'])
    .execute();
}

/** Drops the callback tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('callback_seats').execute();
  await db.schema.dropTable('callbacks').execute();
}
