import { v7 as uuidv7 } from 'uuid';
import type { SlaPolicyBody, SlaPolicyDto } from '../../../contracts/sla.js';
import type { FieldProblem } from '../../../domain/sla/calendar.js';
import { checkTarget } from '../../../domain/sla/due-dates.js';
import { checkConditions } from '../../../domain/sla/select-policy.js';
import { TARGET_NAMES } from '../../../domain/sla/ticket-sla.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { findCalendar } from '../../repositories/calendars.repository.js';
import {
  clearDefaultPolicy,
  deletePolicyRow,
  findPolicy,
  findPolicyByName,
  insertPolicy,
  listPolicies,
  nextPolicyPosition,
  updatePolicyRow,
  type SlaPolicyRow,
} from '../../repositories/sla-policies.repository.js';
import type { ServiceDeps } from '../deps.js';
import { ensureDefaultCalendar } from './manage-calendars.js';
import { queueSlaRebuild, slaConfigCommitted } from './sla-config-change.js';
import { policyRecord } from './sla-setup.js';

/** The API face of a policy. */
export function presentPolicy(row: SlaPolicyRow): SlaPolicyDto {
  const p = policyRecord(row);
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    active: p.active,
    isDefault: p.isDefault,
    conditions: p.conditions as SlaPolicyDto['conditions'],
    calendarId: p.calendarId,
    firstResponse: p.targets.firstResponse,
    nextResponse: p.targets.nextResponse,
    resolution: p.targets.resolution,
    warningShare: p.warningShare,
    notifyAnytime: p.notifyAnytime,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

async function validatePolicy(deps: ServiceDeps, body: SlaPolicyBody, id: string | null): Promise<void> {
  const errors: FieldProblem[] = [];
  const conditions = checkConditions(body.conditions ?? {});
  if (!conditions.ok) errors.push(...conditions.errors);
  for (const name of TARGET_NAMES) {
    const target = body[name];
    if (target === undefined || target === null) continue;
    const r = checkTarget(target, name);
    if (!r.ok) errors.push(...r.errors);
  }
  if (!TARGET_NAMES.some((n) => body[n])) errors.push({ path: 'firstResponse', message: 'a policy needs at least one target (firstResponse, nextResponse or resolution)' });
  if (body.calendarId && !(await findCalendar(deps.db, body.calendarId))) errors.push({ path: 'calendarId', message: 'unknown calendar' });
  if (errors.length) throw new AppError('validation_failed', { detailKey: 'sla:errors.policy_invalid', errors });
  const clash = await findPolicyByName(deps.db, body.name);
  if (clash && clash.id !== id) throw new AppError('already_exists', { detailKey: 'sla:errors.policy_name_taken', params: { name: body.name } });
}

async function savePolicy(deps: ServiceDeps, body: SlaPolicyBody, existing: SlaPolicyRow | null): Promise<SlaPolicyRow> {
  await validatePolicy(deps, body, existing?.id ?? null);
  // Due dates need a calendar: make sure the default one exists before the first policy applies.
  await ensureDefaultCalendar(deps);
  const at = deps.clock.now().toISOString();
  const id = existing?.id ?? uuidv7();
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await deps.db.transaction().execute(async (trx) => {
    const row = {
      name: body.name,
      position: body.position ?? (existing ? Number(existing.position) : await nextPolicyPosition(trx)),
      active: body.active === false ? 0 : 1,
      isDefault: body.isDefault ? 1 : 0,
      conditions: JSON.stringify(body.conditions ?? {}),
      calendarId: body.calendarId ?? null,
      firstResponse: json(body.firstResponse),
      nextResponse: json(body.nextResponse),
      resolution: json(body.resolution),
      warningShare: body.warningShare ?? null,
      notifyAnytime: body.notifyAnytime ? 1 : 0,
      updatedAt: at,
    };
    if (existing) await updatePolicyRow(trx, id, row);
    else await insertPolicy(trx, { id, ...row, createdAt: at });
    if (body.isDefault) await clearDefaultPolicy(trx, id);
    await queueSlaRebuild(deps, trx);
  });
  slaConfigCommitted(deps);
  return (await findPolicy(deps.db, id))!;
}

/** Creates a policy (evaluated after the existing ones unless a position is given). */
export function createPolicy(deps: ServiceDeps, body: SlaPolicyBody): Promise<SlaPolicyRow> {
  return savePolicy(deps, body, null);
}

/** Replaces a policy; active tickets are recomputed and their customers told of moved dates. */
export async function updatePolicy(deps: ServiceDeps, id: string, body: SlaPolicyBody): Promise<SlaPolicyRow> {
  const existing = await findPolicy(deps.db, id);
  if (!existing) throw notFound('resource');
  return savePolicy(deps, body, existing);
}

/** Deletes a policy; its tickets fall to the next matching policy. */
export async function deletePolicy(deps: ServiceDeps, id: string): Promise<void> {
  if (!(await findPolicy(deps.db, id))) throw notFound('resource');
  await deps.db.transaction().execute(async (trx) => {
    await deletePolicyRow(trx, id);
    await queueSlaRebuild(deps, trx);
  });
  slaConfigCommitted(deps);
}

/** Every policy in evaluation order. */
export async function listSlaPolicies(deps: ServiceDeps): Promise<SlaPolicyDto[]> {
  return (await listPolicies(deps.db)).map(presentPolicy);
}
