import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { PlansTable } from '../db/tables/entitlements.js';

/** A plan row. */
export type PlanRow = Selectable<PlansTable>;

/** Every plan, by code. */
export function listPlanRows(db: Executor): Promise<PlanRow[]> {
  return db.selectFrom('plans').selectAll().orderBy('code').execute();
}

/** A plan by id or code. */
export function findPlan(db: Executor, idOrCode: string): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
}

/** Inserts a plan. */
export async function insertPlan(db: Executor, row: Insertable<PlansTable>): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

/** Updates a plan. */
export async function updatePlanRow(db: Executor, id: string, patch: Updateable<PlansTable>): Promise<void> {
  await db.updateTable('plans').set(patch).where('id', '=', id).execute();
}
