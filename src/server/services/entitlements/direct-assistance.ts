import { AppError, forbidden, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findOrganizationById } from '../../repositories/organizations.repository.js';
import { findUserById } from '../../repositories/users.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { entityHistory } from './entity-history.js';

/** Who handles an organization's tickets under direct assistance. */
export interface OrganizationSupport {
  organizationId: string;
  engineerId: string | null;
  deputyId: string | null;
}

/** The designated engineer and deputy of an organization (nulls when none). */
export async function getOrganizationSupport(deps: ServiceDeps, organizationId: string): Promise<OrganizationSupport> {
  if (!(await findOrganizationById(deps.db, organizationId))) throw notFound();
  const row = await deps.db.selectFrom('organizationSupport').selectAll().where('organizationId', '=', organizationId).executeTakeFirst();
  return { organizationId, engineerId: row?.engineerId ?? null, deputyId: row?.deputyId ?? null };
}

async function checkAgent(deps: ServiceDeps, id: string | null, path: string): Promise<void> {
  if (!id) return;
  const u = await findUserById(deps.db, id);
  if (!u || u.role === 'customer' || Number(u.active) !== 1) throw new AppError('unprocessable', { detailKey: 'not_an_agent', errors: [{ path, message: 'not an active agent' }] });
}

/** Sets the designated engineer and deputy (admins); recorded in the history. */
export async function setOrganizationSupport(deps: ServiceDeps, actor: Actor, organizationId: string, input: { engineerId: string | null; deputyId: string | null }): Promise<OrganizationSupport> {
  const before = await getOrganizationSupport(deps, organizationId);
  await checkAgent(deps, input.engineerId, 'engineerId');
  await checkAgent(deps, input.deputyId, 'deputyId');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizationSupport')
      .values({ organizationId, engineerId: input.engineerId, deputyId: input.deputyId, updatedAt: at })
      .onConflict((oc) => oc.column('organizationId').doUpdateSet({ engineerId: input.engineerId, deputyId: input.deputyId, updatedAt: at }))
      .execute();
    await insertHistory(trx, [entityHistory('organization', organizationId, actor.id, at, 'direct_assistance_changed', before, input)]);
  });
  return getOrganizationSupport(deps, organizationId);
}

/** An agent's presence. */
export interface Absence {
  userId: string;
  absent: boolean;
  until: string | null;
  note: string | null;
}

/** Whether an agent is marked absent now. */
export async function getAbsence(deps: ServiceDeps, userId: string): Promise<Absence> {
  const row = await deps.db.selectFrom('agentAbsences').selectAll().where('userId', '=', userId).executeTakeFirst();
  const absent = !!row && (row.until === null || new Date(row.until).getTime() > deps.clock.now().getTime());
  return { userId, absent, until: absent ? (row?.until ?? null) : null, note: absent ? (row?.note ?? null) : null };
}

/** Marks an agent absent (until a time, or until cleared) or back; agents for themselves, admins for anyone. */
export async function setAbsence(deps: ServiceDeps, actor: Actor, userId: string, input: { absent: boolean; until?: string | null | undefined; note?: string | undefined }): Promise<Absence> {
  if (actor.role !== 'admin' && actor.id !== userId) throw forbidden();
  const user = await findUserById(deps.db, userId);
  if (!user || user.role === 'customer') throw notFound('user');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('agentAbsences').where('userId', '=', userId).execute();
    if (input.absent) {
      await trx.insertInto('agentAbsences').values({ userId, until: input.until ? new Date(input.until).toISOString() : null, note: input.note ?? null, createdAt: at }).execute();
    }
    await insertHistory(trx, [entityHistory('user', userId, actor.id, at, input.absent ? 'marked_absent' : 'marked_present', undefined, input)]);
  });
  return getAbsence(deps, userId);
}
