import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { ContractsTable, LicencesTable } from '../db/tables/entitlements.js';

/** A licence row with its product code and organization name. */
export type LicenceRow = Selectable<LicencesTable> & { productCode: string; organizationName: string | null };
/** A contract row with its plan code and organization name. */
export type ContractRow = Selectable<ContractsTable> & { planCode: string; organizationName: string };

function selectLicences(db: Executor) {
  return db
    .selectFrom('licences')
    .innerJoin('products', 'products.id', 'licences.productId')
    .leftJoin('organizations', 'organizations.id', 'licences.organizationId')
    .selectAll('licences')
    .select(['products.code as productCode', 'organizations.name as organizationName']);
}

/** A licence by id or by number. */
export function findLicence(db: Executor, idOrNumber: string): Promise<LicenceRow | undefined> {
  return selectLicences(db)
    .where((eb) => eb.or([eb('licences.id', '=', idOrNumber), eb('licences.number', '=', idOrNumber)]))
    .executeTakeFirst();
}

/** Licences, filtered by organization and product, by number. */
export function listLicenceRows(db: Executor, f: { organizationId?: string | undefined; productId?: string | undefined; limit?: number; offset?: number }): Promise<LicenceRow[]> {
  let q = selectLicences(db);
  if (f.organizationId) q = q.where('licences.organizationId', '=', f.organizationId);
  if (f.productId) q = q.where('licences.productId', '=', f.productId);
  q = q.orderBy('licences.number');
  if (f.limit !== undefined) q = q.limit(f.limit).offset(f.offset ?? 0);
  return q.execute();
}

/** Inserts a licence. */
export async function insertLicence(db: Executor, row: Insertable<LicencesTable>): Promise<void> {
  await db.insertInto('licences').values(row).execute();
}

/** Updates a licence. */
export async function updateLicenceRow(db: Executor, id: string, patch: Updateable<LicencesTable>): Promise<void> {
  await db.updateTable('licences').set(patch).where('id', '=', id).execute();
}

function selectContracts(db: Executor) {
  return db
    .selectFrom('contracts')
    .innerJoin('plans', 'plans.id', 'contracts.planId')
    .innerJoin('organizations', 'organizations.id', 'contracts.organizationId')
    .selectAll('contracts')
    .select(['plans.code as planCode', 'organizations.name as organizationName']);
}

/** A contract by id or number. */
export function findContract(db: Executor, idOrNumber: string): Promise<ContractRow | undefined> {
  return selectContracts(db)
    .where((eb) => eb.or([eb('contracts.id', '=', idOrNumber), eb('contracts.number', '=', idOrNumber)]))
    .executeTakeFirst();
}

/** Contracts, optionally of one organization, by number. */
export function listContractRows(db: Executor, f: { organizationId?: string | undefined; limit?: number; offset?: number }): Promise<ContractRow[]> {
  let q = selectContracts(db);
  if (f.organizationId) q = q.where('contracts.organizationId', '=', f.organizationId);
  q = q.orderBy('contracts.number');
  if (f.limit !== undefined) q = q.limit(f.limit).offset(f.offset ?? 0);
  return q.execute();
}

/** Inserts a contract. */
export async function insertContract(db: Executor, row: Insertable<ContractsTable>): Promise<void> {
  await db.insertInto('contracts').values(row).execute();
}

/** Updates a contract. */
export async function updateContractRow(db: Executor, id: string, patch: Updateable<ContractsTable>): Promise<void> {
  await db.updateTable('contracts').set(patch).where('id', '=', id).execute();
}
