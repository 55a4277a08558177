import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { UsersTable } from '../db/tables/foundation.js';

/** A user row with its organization's name and sharing setting. */
export type UserRow = Selectable<UsersTable> & { organizationName: string | null; organizationSharesTickets: number | null };

function selectUsers(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organizationId')
    .selectAll('users')
    .select(['organizations.name as organizationName', 'organizations.sharesTickets as organizationSharesTickets']);
}

/** Finds a user by e-mail (case-insensitive: e-mails are stored lower-cased). */
export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('users.email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** Finds a user by id. */
export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('users.id', '=', id).executeTakeFirst();
}

/** Inserts a user. */
export async function insertUser(db: Executor, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Updates a user. */
export async function updateUser(db: Executor, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Lists users, optionally of one role, by name. */
export function listUsers(db: Executor, filter: { role?: string; limit: number; offset: number }): Promise<UserRow[]> {
  let q = selectUsers(db);
  if (filter.role) q = q.where('users.role', '=', filter.role);
  return q.orderBy('users.name').orderBy('users.id').limit(filter.limit).offset(filter.offset).execute();
}
