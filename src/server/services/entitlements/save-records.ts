import { v7 as uuidv7 } from 'uuid';
import type { FieldError } from '../../../contracts/errors.js';
import type { Executor } from '../../db/schema.js';
import { moveCredits } from '../../repositories/credits.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertContract, insertLicence, updateContractRow, updateLicenceRow } from '../../repositories/licences.repository.js';
import { listVersionRows } from '../../repositories/products.repository.js';
import { majorOf } from './entitlement-facts.js';
import { entityHistory } from './entity-history.js';

/** A licence's fields with references already resolved to ids. */
export interface LicenceFields {
  number: string;
  productId: string;
  version: string;
  purchasedOn: string;
  organizationId: string | null;
  seats: number;
}

/** A contract's fields with references already resolved to ids. */
export interface ContractFields {
  number: string;
  organizationId: string;
  planId: string;
  productId: string | null;
  startsOn: string;
  endsOn: string;
}

/** What saving a record did (imports report it; re-running an import gives "unchanged"). */
export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Problems with a licence's references: unknown product, a major the product never had, unknown organization. */
export async function checkLicenceRefs(db: Executor, f: Pick<LicenceFields, 'productId' | 'version' | 'organizationId'>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const product = await db.selectFrom('products').select(['id', 'code']).where('id', '=', f.productId).executeTakeFirst();
  if (!product) errors.push({ path: 'productId', message: `unknown product ${f.productId}` });
  else {
    const majors = new Set((await listVersionRows(db, [product.id])).map((v) => Number(v.major)));
    if (majors.size > 0 && !majors.has(majorOf(f.version) ?? -1)) errors.push({ path: 'version', message: `${product.code} has no version ${f.version} (known majors: ${[...majors].join(', ')})` });
  }
  if (f.organizationId && !(await db.selectFrom('organizations').select('id').where('id', '=', f.organizationId).executeTakeFirst())) {
    errors.push({ path: 'organizationId', message: `unknown organization ${f.organizationId}` });
  }
  return errors;
}

/** Inserts or updates a licence by number (references checked by the caller); writes history when something changed. */
export async function saveLicence(db: Executor, f: LicenceFields, actorId: string | null, at: string): Promise<{ id: string; outcome: SaveOutcome }> {
  const existing = await db.selectFrom('licences').selectAll().where('number', '=', f.number).executeTakeFirst();
  const major = majorOf(f.version)!;
  if (!existing) {
    const id = uuidv7();
    await insertLicence(db, { id, ...f, major, createdAt: at, updatedAt: at });
    await insertHistory(db, [entityHistory('licence', id, actorId, at, 'created', undefined, f)]);
    return { id, outcome: 'created' };
  }
  const before: LicenceFields = { number: existing.number, productId: existing.productId, version: existing.version, purchasedOn: existing.purchasedOn, organizationId: existing.organizationId, seats: Number(existing.seats) };
  if (JSON.stringify(before) === JSON.stringify({ ...before, ...f })) return { id: existing.id, outcome: 'unchanged' };
  await updateLicenceRow(db, existing.id, { ...f, major, updatedAt: at });
  await insertHistory(db, [entityHistory('licence', existing.id, actorId, at, 'changed', before, f)]);
  return { id: existing.id, outcome: 'updated' };
}

/** Problems with a contract's references. */
export async function checkContractRefs(db: Executor, f: Pick<ContractFields, 'organizationId' | 'productId'>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!(await db.selectFrom('organizations').select('id').where('id', '=', f.organizationId).executeTakeFirst())) errors.push({ path: 'organizationId', message: `unknown organization ${f.organizationId}` });
  if (f.productId && !(await db.selectFrom('products').select('id').where('id', '=', f.productId).executeTakeFirst())) errors.push({ path: 'productId', message: `unknown product ${f.productId}` });
  return errors;
}

/**
 * Inserts or updates a contract by number. A new contract whose plan includes premium credits
 * grants them to the organization (once: an update grants nothing).
 */
export async function saveContract(db: Executor, f: ContractFields, actorId: string | null, at: string): Promise<{ id: string; outcome: SaveOutcome }> {
  const existing = await db.selectFrom('contracts').selectAll().where('number', '=', f.number).executeTakeFirst();
  if (!existing) {
    const id = uuidv7();
    await insertContract(db, { id, ...f, createdAt: at, updatedAt: at });
    await insertHistory(db, [entityHistory('contract', id, actorId, at, 'created', undefined, f)]);
    const plan = await db.selectFrom('plans').select('premiumCreditsIncluded').where('id', '=', f.planId).executeTakeFirstOrThrow();
    const credits = Number(plan.premiumCreditsIncluded);
    if (credits > 0) await moveCredits(db, { organizationId: f.organizationId, kind: 'grant', amount: credits, actorId, reason: `contract ${f.number}`, at });
    return { id, outcome: 'created' };
  }
  const before: ContractFields = { number: existing.number, organizationId: existing.organizationId, planId: existing.planId, productId: existing.productId, startsOn: existing.startsOn, endsOn: existing.endsOn };
  if (JSON.stringify(before) === JSON.stringify({ ...before, ...f })) return { id: existing.id, outcome: 'unchanged' };
  await updateContractRow(db, existing.id, { ...f, updatedAt: at });
  await insertHistory(db, [entityHistory('contract', existing.id, actorId, at, 'changed', before, f)]);
  return { id: existing.id, outcome: 'updated' };
}
