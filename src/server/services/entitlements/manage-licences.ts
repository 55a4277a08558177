import type { ContractDto, LicenceDto } from '../../../contracts/entitlements.js';
import { AppError, notFound, validationFailed } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findContract, findLicence, listContractRows, listLicenceRows } from '../../repositories/licences.repository.js';
import { findPlan } from '../../repositories/plans.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { entityHistory } from './entity-history.js';
import { presentContract, presentLicence } from './present-entitlements.js';
import { checkContractRefs, checkLicenceRefs, saveContract, saveLicence, type ContractFields, type LicenceFields } from './save-records.js';

/** Customers see their own organization's records only. */
function scopeFor(actor: Actor, organizationId: string | undefined): string | undefined {
  if (isStaff(actor)) return organizationId;
  return actor.organizationId ?? '\u0000none';
}

/** Licences the actor may see. */
export async function listLicences(deps: ServiceDeps, actor: Actor, f: { organizationId?: string | undefined; productId?: string | undefined; limit: number; offset: number }): Promise<LicenceDto[]> {
  return (await listLicenceRows(deps.db, { ...f, organizationId: scopeFor(actor, f.organizationId) })).map(presentLicence);
}

/** One licence by id or number, if the actor may see it. */
export async function getLicence(deps: ServiceDeps, actor: Actor, idOrNumber: string): Promise<LicenceDto> {
  const l = await findLicence(deps.db, idOrNumber);
  if (!l || (!isStaff(actor) && (l.organizationId === null || l.organizationId !== actor.organizationId))) throw notFound();
  return presentLicence(l);
}

/** Creates a licence (admins); 409 when the number exists. */
export async function createLicence(deps: ServiceDeps, actor: Actor, f: LicenceFields): Promise<LicenceDto> {
  if (await findLicence(deps.db, f.number)) throw new AppError('already_exists', { detailKey: 'licence_exists', params: { number: f.number } });
  const errors = await checkLicenceRefs(deps.db, f);
  if (errors.length) throw new AppError('unprocessable', { detailKey: 'validation_failed_detail', errors });
  const at = deps.clock.now().toISOString();
  const { id } = await deps.db.transaction().execute((trx) => saveLicence(trx, f, actor.id, at));
  return getLicence(deps, actor, id);
}

/** Changes a licence (admins). */
export async function updateLicence(deps: ServiceDeps, actor: Actor, idOrNumber: string, patch: Partial<LicenceFields>): Promise<LicenceDto> {
  const l = await findLicence(deps.db, idOrNumber);
  if (!l) throw notFound();
  if (patch.number && patch.number !== l.number && (await findLicence(deps.db, patch.number))) throw new AppError('already_exists', { detailKey: 'licence_exists', params: { number: patch.number } });
  const merged: LicenceFields = { number: l.number, productId: l.productId, version: l.version, purchasedOn: l.purchasedOn, organizationId: l.organizationId, seats: Number(l.seats), ...patch };
  const errors = await checkLicenceRefs(deps.db, merged);
  if (errors.length) throw new AppError('unprocessable', { detailKey: 'validation_failed_detail', errors });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (patch.number && patch.number !== l.number) await trx.updateTable('licences').set({ number: patch.number }).where('id', '=', l.id).execute();
    await saveLicence(trx, merged, actor.id, at);
  });
  return getLicence(deps, actor, l.id);
}

/** Deletes a licence (tickets keep the number they quoted). */
export async function deleteLicence(deps: ServiceDeps, actor: Actor, idOrNumber: string): Promise<void> {
  const l = await findLicence(deps.db, idOrNumber);
  if (!l) throw notFound();
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('licences').where('id', '=', l.id).execute();
    await insertHistory(trx, [entityHistory('licence', l.id, actor.id, at, 'deleted', presentLicence(l), undefined)]);
  });
}

/** Contracts the actor may see. */
export async function listContracts(deps: ServiceDeps, actor: Actor, f: { organizationId?: string | undefined; limit: number; offset: number }): Promise<ContractDto[]> {
  return (await listContractRows(deps.db, { ...f, organizationId: scopeFor(actor, f.organizationId) })).map(presentContract);
}

/** One contract by id or number, if the actor may see it. */
export async function getContract(deps: ServiceDeps, actor: Actor, idOrNumber: string): Promise<ContractDto> {
  const c = await findContract(deps.db, idOrNumber);
  if (!c || (!isStaff(actor) && c.organizationId !== actor.organizationId)) throw notFound();
  return presentContract(c);
}

async function contractFields(deps: ServiceDeps, input: Omit<ContractFields, 'planId'> & { planCode: string }): Promise<ContractFields> {
  const plan = await findPlan(deps.db, input.planCode);
  if (!plan) throw new AppError('unprocessable', { detailKey: 'plan_unknown', params: { plan: input.planCode } });
  if (plan.basis !== 'contract') throw new AppError('unprocessable', { detailKey: 'licence_plan_basis' });
  const errors = await checkContractRefs(deps.db, input);
  if (errors.length) throw new AppError('unprocessable', { detailKey: 'validation_failed_detail', errors });
  const { planCode: _code, ...rest } = input;
  return { ...rest, planId: plan.id };
}

/** Creates a contract (admins); credits its plan includes are granted. */
export async function createContract(deps: ServiceDeps, actor: Actor, input: Omit<ContractFields, 'planId'> & { planCode: string }): Promise<ContractDto> {
  if (await findContract(deps.db, input.number)) throw new AppError('already_exists', { detailKey: 'contract_exists', params: { number: input.number } });
  const f = await contractFields(deps, input);
  const at = deps.clock.now().toISOString();
  const { id } = await deps.db.transaction().execute((trx) => saveContract(trx, f, actor.id, at));
  return getContract(deps, actor, id);
}

/** Changes a contract (admins). */
export async function updateContract(deps: ServiceDeps, actor: Actor, idOrNumber: string, patch: Partial<Omit<ContractFields, 'planId'> & { planCode: string }>): Promise<ContractDto> {
  const c = await findContract(deps.db, idOrNumber);
  if (!c) throw notFound();
  if (patch.number && patch.number !== c.number && (await findContract(deps.db, patch.number))) throw new AppError('already_exists', { detailKey: 'contract_exists', params: { number: patch.number } });
  const merged = { number: c.number, organizationId: c.organizationId, planCode: c.planCode, productId: c.productId, startsOn: c.startsOn, endsOn: c.endsOn, ...patch };
  if (merged.endsOn < merged.startsOn) throw validationFailed([{ path: 'endsOn', message: 'ends before it starts' }]);
  const f = await contractFields(deps, merged);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (patch.number && patch.number !== c.number) await trx.updateTable('contracts').set({ number: patch.number }).where('id', '=', c.id).execute();
    await saveContract(trx, f, actor.id, at);
  });
  return getContract(deps, actor, c.id);
}

/** Deletes a contract. */
export async function deleteContract(deps: ServiceDeps, actor: Actor, idOrNumber: string): Promise<void> {
  const c = await findContract(deps.db, idOrNumber);
  if (!c) throw notFound();
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('contracts').where('id', '=', c.id).execute();
    await insertHistory(trx, [entityHistory('contract', c.id, actor.id, at, 'deleted', presentContract(c), undefined)]);
  });
}
