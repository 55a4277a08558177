import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { SlaPoliciesTable } from '../db/tables/sla.js';

/** A policy row (JSON columns still as text). */
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;

/** Inserts a policy. */
export async function insertPolicy(db: Executor, row: Insertable<SlaPoliciesTable>): Promise<void> {
  await db.insertInto('slaPolicies').values(row).execute();
}

/** Updates a policy. */
export async function updatePolicyRow(db: Executor, id: string, patch: Updateable<SlaPoliciesTable>): Promise<void> {
  await db.updateTable('slaPolicies').set(patch).where('id', '=', id).execute();
}

/** Makes every policy but `keep` non-default. */
export async function clearDefaultPolicy(db: Executor, keep: string): Promise<void> {
  await db.updateTable('slaPolicies').set({ isDefault: 0 }).where('isDefault', '=', 1).where('id', '!=', keep).execute();
}

/** Finds a policy. */
export function findPolicy(db: Executor, id: string): Promise<SlaPolicyRow | undefined> {
  return db.selectFrom('slaPolicies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Finds a policy by name. */
export function findPolicyByName(db: Executor, name: string): Promise<SlaPolicyRow | undefined> {
  return db.selectFrom('slaPolicies').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every policy in evaluation order. */
export function listPolicies(db: Executor): Promise<SlaPolicyRow[]> {
  return db.selectFrom('slaPolicies').selectAll().orderBy('position').orderBy('name').execute();
}

/** Deletes a policy. */
export async function deletePolicyRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('slaPolicies').where('id', '=', id).execute();
}

/** The next free position. */
export async function nextPolicyPosition(db: Executor): Promise<number> {
  const r = await db.selectFrom('slaPolicies').select((eb) => eb.fn.max('position').as('m')).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
}
