import { v7 as uuidv7 } from 'uuid';
import type { PlanDto } from '../../../contracts/entitlements.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findPlan, insertPlan, listPlanRows, updatePlanRow } from '../../repositories/plans.repository.js';
import { findProduct } from '../../repositories/products.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { entityHistory } from './entity-history.js';
import { presentPlan } from './present-entitlements.js';

/** A plan as admins write it. */
export type PlanInput = Omit<PlanDto, 'id' | 'createdAt' | 'updatedAt' | 'names'> & { names: Partial<Record<string, string>> };

function columns(p: Partial<PlanInput>) {
  return {
    ...(p.code !== undefined ? { code: p.code } : {}),
    ...(p.names !== undefined ? { names: JSON.stringify(p.names) } : {}),
    ...(p.basis !== undefined ? { basis: p.basis } : {}),
    ...(p.productId !== undefined ? { productId: p.productId } : {}),
    ...(p.tier !== undefined ? { tier: p.tier } : {}),
    ...(p.channels !== undefined ? { channels: JSON.stringify([...new Set(p.channels)]) } : {}),
    ...(p.designatedEngineer !== undefined ? { designatedEngineer: p.designatedEngineer ? 1 : 0 } : {}),
    ...(p.premiumCreditsIncluded !== undefined ? { premiumCreditsIncluded: p.premiumCreditsIncluded } : {}),
    ...(p.supportDays !== undefined ? { supportDays: p.supportDays } : {}),
    ...(p.versionRule !== undefined ? { versionRule: p.versionRule } : {}),
    ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
  };
}

async function checkRefs(deps: ServiceDeps, p: Partial<PlanInput>): Promise<void> {
  if (p.productId && !(await findProduct(deps.db, p.productId))) throw new AppError('unprocessable', { detailKey: 'product_unknown', params: { product: p.productId } });
}

/** Every plan. */
export async function listPlans(deps: ServiceDeps): Promise<PlanDto[]> {
  return (await listPlanRows(deps.db)).map(presentPlan);
}

/** One plan by id or code, or 404. */
export async function getPlan(deps: ServiceDeps, idOrCode: string): Promise<PlanDto> {
  const p = await findPlan(deps.db, idOrCode);
  if (!p) throw notFound();
  return presentPlan(p);
}

/** Creates a plan (admins). */
export async function createPlan(deps: ServiceDeps, actor: Actor, input: PlanInput): Promise<PlanDto> {
  if (await findPlan(deps.db, input.code)) throw new AppError('already_exists', { detailKey: 'plan_exists', params: { code: input.code } });
  await checkRefs(deps, input);
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  const c = columns(input);
  await deps.db.transaction().execute(async (trx) => {
    await insertPlan(trx, {
      id, code: input.code, names: c.names!, basis: input.basis, productId: input.productId, tier: input.tier, channels: c.channels!,
      designatedEngineer: c.designatedEngineer!, premiumCreditsIncluded: input.premiumCreditsIncluded, supportDays: input.supportDays,
      versionRule: input.versionRule, active: c.active!, createdAt: at, updatedAt: at,
    });
    await insertHistory(trx, [entityHistory('plan', id, actor.id, at, 'created', undefined, input)]);
  });
  return getPlan(deps, id);
}

/** Changes a plan; tickets already filed keep the plan code they got. */
export async function updatePlan(deps: ServiceDeps, actor: Actor, idOrCode: string, patch: Partial<PlanInput>): Promise<PlanDto> {
  const p = await findPlan(deps.db, idOrCode);
  if (!p) throw notFound();
  if (patch.code && patch.code !== p.code && (await findPlan(deps.db, patch.code))) throw new AppError('already_exists', { detailKey: 'plan_exists', params: { code: patch.code } });
  await checkRefs(deps, patch);
  const merged = { basis: patch.basis ?? p.basis, tier: patch.tier ?? p.tier };
  if ((merged.basis === 'premium') !== (merged.tier === 'premium')) {
    throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'tier', message: 'the premium tier goes with the premium basis only' }] });
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await updatePlanRow(trx, p.id, { ...columns(patch), updatedAt: at });
    await insertHistory(trx, [entityHistory('plan', p.id, actor.id, at, 'changed', presentPlan(p), patch)]);
  });
  return getPlan(deps, p.id);
}

/** Deletes a plan no contract uses (409 otherwise: deactivate it instead). */
export async function deletePlan(deps: ServiceDeps, actor: Actor, idOrCode: string): Promise<void> {
  const p = await findPlan(deps.db, idOrCode);
  if (!p) throw notFound();
  const uses = Number((await deps.db.selectFrom('contracts').select((eb) => eb.fn.countAll<number>().as('n')).where('planId', '=', p.id).executeTakeFirstOrThrow()).n);
  if (uses > 0) throw new AppError('conflict', { detailKey: 'in_use', params: { count: uses } });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plans').where('id', '=', p.id).execute();
    await insertHistory(trx, [entityHistory('plan', p.id, actor.id, at, 'deleted', presentPlan(p), undefined)]);
  });
}
