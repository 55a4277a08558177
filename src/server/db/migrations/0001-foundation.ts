import { sql, type Kysely } from 'kysely';
import { bin, ts } from './column-types.js';

/** Organizations, users, groups, tokens, tickets, messages, attachments, history, jobs. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = ts(db);
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('shares_tickets', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', t)
    .addColumn('totp_secret', 'text')
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_organization_idx').on('users').column('organization_id').execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('auth_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('expires_at', t)
    .addColumn('last_used_at', t)
    .execute();
  await db.schema.createIndex('auth_tokens_user_idx').on('auth_tokens').column('user_id').execute();

  await db.schema
    .createTable('ticket_counters')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('pending_reason', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .addColumn('first_response_at', t)
    .addColumn('last_customer_message_at', t)
    .addColumn('last_agent_message_at', t)
    .addColumn('solved_at', t)
    .addColumn('closed_at', t)
    .execute();
  await db.schema.createIndex('tickets_created_idx').on('tickets').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('tickets_state_created_idx').on('tickets').columns(['state', 'created_at', 'id']).execute();
  await db.schema.createIndex('tickets_requester_created_idx').on('tickets').columns(['requester_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('tickets_org_created_idx').on('tickets').columns(['organization_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('tickets_assignee_created_idx').on('tickets').columns(['assignee_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_ticket_idx').on('messages').columns(['ticket_id', 'created_at']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_message_idx').on('attachments').column('message_id').execute();
  await db.schema.createIndex('attachments_ticket_idx').on('attachments').column('ticket_id').execute();

  await db.schema
    .createTable('blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('data', bin(db), (c) => c.notNull())
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('history_ticket_idx').on('history').columns(['ticket_id', 'created_at']).execute();
  await db.schema.createIndex('history_entity_idx').on('history').columns(['entity_type', 'entity_id', 'created_at']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', t, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', t)
    .addColumn('last_error', 'text')
    .addColumn('unique_key', 'text')
    .addColumn('created_at', t, (c) => c.notNull())
    .addColumn('updated_at', t, (c) => c.notNull())
    .addColumn('finished_at', t)
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema
    .createIndex('jobs_unique_key_idx')
    .on('jobs')
    .column('unique_key')
    .unique()
    .where(sql<boolean>`state = 'queued'`)
    .execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', t, (c) => c.notNull())
    .execute();
}

/** Drops everything the foundation created. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'leases', 'jobs', 'history', 'blobs', 'attachments', 'messages', 'tickets', 'ticket_counters',
    'auth_tokens', 'group_members', 'groups', 'users', 'organizations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
