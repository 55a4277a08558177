import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CreateOrganizationBody, OrganizationDto, UpdateOrganizationBody } from '../../../contracts/organizations.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { findOrganizationById, findOrganizationByName, insertOrganization, updateOrganization } from '../../repositories/organizations.repository.js';
import type { ServiceDeps } from '../deps.js';

/** Organizations by name with their member counts, optionally filtered by part of the name. */
export async function listOrganizationsWithMembers(deps: ServiceDeps, query: { q?: string | undefined; limit: number; offset: number }): Promise<OrganizationDto[]> {
  let q = deps.db
    .selectFrom('organizations as o')
    .leftJoin('users as u', 'u.organizationId', 'o.id')
    .select((eb) => ['o.id', 'o.name', 'o.sharesTickets', 'o.createdAt', 'o.updatedAt', eb.fn.count<number>('u.id').as('members')])
    .groupBy(['o.id', 'o.name', 'o.sharesTickets', 'o.createdAt', 'o.updatedAt'])
    .orderBy('o.name')
    .limit(query.limit)
    .offset(query.offset);
  // Literal % and _ in the search, on both databases (SQLite needs the ESCAPE clause).
  if (query.q) q = q.where(sql<boolean>`lower(o.name) like ${`%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, name: r.name, sharesTickets: Boolean(r.sharesTickets), members: Number(r.members), createdAt: r.createdAt, updatedAt: r.updatedAt }));
}

async function present(deps: ServiceDeps, id: string): Promise<OrganizationDto> {
  const row = await findOrganizationById(deps.db, id);
  if (!row) throw notFound('resource');
  const members = await deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('organizationId', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, sharesTickets: Boolean(row.sharesTickets), members: Number(members.n), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

async function refuseTakenName(deps: ServiceDeps, name: string, self: string | null): Promise<void> {
  const clash = await findOrganizationByName(deps.db, name);
  if (clash && clash.id !== self) throw new AppError('already_exists', { detailKey: 'admin:errors.organization_name_taken', params: { name }, errors: [{ path: 'name', message: 'another organization has this name' }] });
}

/** Creates an organization (names are unique). */
export async function createOrganization(deps: ServiceDeps, body: CreateOrganizationBody): Promise<OrganizationDto> {
  await refuseTakenName(deps, body.name, null);
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  await insertOrganization(deps.db, { id, name: body.name, sharesTickets: body.sharesTickets ? 1 : 0, createdAt: at, updatedAt: at });
  return present(deps, id);
}

/** Renames an organization or changes whether its members see each other's tickets. */
export async function changeOrganization(deps: ServiceDeps, id: string, body: UpdateOrganizationBody): Promise<OrganizationDto> {
  if (!(await findOrganizationById(deps.db, id))) throw notFound('resource');
  if (body.name !== undefined) await refuseTakenName(deps, body.name, id);
  await updateOrganization(deps.db, id, {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.sharesTickets !== undefined ? { sharesTickets: body.sharesTickets ? 1 : 0 } : {}),
    updatedAt: deps.clock.now().toISOString(),
  });
  return present(deps, id);
}
