import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { OrganizationsTable } from '../db/tables/foundation.js';

/** An organization row. */
export type OrganizationRow = Selectable<OrganizationsTable>;

/** Finds an organization by exact name. */
export function findOrganizationByName(db: Executor, name: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Finds an organization by id. */
export function findOrganizationById(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an organization. */
export async function insertOrganization(db: Executor, row: Insertable<OrganizationsTable>): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

/** Lists organizations by name. */
export function listOrganizations(db: Executor): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('name').execute();
}

/** Updates an organization. */
export async function updateOrganization(db: Executor, id: string, patch: Partial<Omit<OrganizationRow, 'id'>>): Promise<void> {
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}
