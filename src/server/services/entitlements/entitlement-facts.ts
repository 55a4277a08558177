import type { EntitlementRequest, LicenceFact, PlanRule, ProductFact } from '../../../domain/entitlement/resolve-entitlement.js';
import type { Executor } from '../../db/schema.js';
import { listContractRows, listLicenceRows, type LicenceRow } from '../../repositories/licences.repository.js';
import { listPlanRows, type PlanRow } from '../../repositories/plans.repository.js';
import { currentMajor, listVersionRows } from '../../repositories/products.repository.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';
import type { EntitlementSettings } from './settings.js';

/** A plan row as the pure rules see it. */
export function planRule(row: PlanRow): PlanRule {
  return {
    id: row.id,
    code: row.code,
    basis: row.basis as PlanRule['basis'],
    productId: row.productId,
    tier: (row.tier === 'premium' ? 'standard' : row.tier) as PlanRule['tier'],
    channels: JSON.parse(row.channels) as string[],
    designatedEngineer: Number(row.designatedEngineer) === 1,
    supportDays: row.supportDays === null ? null : Number(row.supportDays),
    versionRule: row.versionRule as PlanRule['versionRule'],
    active: Number(row.active) === 1,
  };
}

function licenceFact(row: LicenceRow): LicenceFact {
  return { id: row.id, number: row.number, productId: row.productId, version: row.version, major: Number(row.major), purchasedOn: row.purchasedOn, organizationId: row.organizationId };
}

/** The major number a version string starts with (28 for "28.0.412"), or null. */
export function majorOf(version: string | null): number | null {
  const m = version ? /^\s*(\d+)/.exec(version) : null;
  return m ? Number(m[1]) : null;
}

/** The ticket fields the entitlement depends on. */
export type EntitledTicket = Pick<TicketRow, 'organizationId' | 'licenceNumber' | 'productId' | 'productVersion' | 'channel' | 'createdAt'>;

/** Loads what the entitlement of a ticket depends on: its licence, the organization's licences and contracts, plans, products. */
export async function loadEntitlementFacts(db: Executor, ticket: EntitledTicket, settings: EntitlementSettings): Promise<{ request: EntitlementRequest; plans: PlanRow[]; licence: LicenceRow | null }> {
  const number = ticket.licenceNumber?.trim() || null;
  const org = ticket.organizationId;
  const licence = number ? ((await listLicenceRowsByNumber(db, number)) ?? null) : null;
  const organizationLicences = org ? await listLicenceRows(db, { organizationId: org }) : [];
  const contracts = org ? await listContractRows(db, { organizationId: org }) : [];
  const plans = await listPlanRows(db);
  const productIds = [...new Set([licence?.productId, ticket.productId, ...organizationLicences.map((l) => l.productId), ...contracts.map((c) => c.productId)].filter((x): x is string => !!x))];
  const versions = await listVersionRows(db, productIds);
  const names = productIds.length ? await db.selectFrom('products').select(['id', 'name']).where('id', 'in', productIds).execute() : [];
  const products: Record<string, ProductFact> = Object.fromEntries(names.map((p) => [p.id, { id: p.id, name: p.name, currentMajor: currentMajor(versions, p.id) }]));
  const request: EntitlementRequest = {
    at: new Date(ticket.createdAt),
    timeZone: settings.dayTimeZone,
    organizationId: org,
    licenceNumber: number,
    licence: licence ? licenceFact(licence) : null,
    organizationLicences: organizationLicences.map(licenceFact),
    contracts: contracts.map((c) => ({ id: c.id, number: c.number, organizationId: c.organizationId, planId: c.planId, productId: c.productId, startsOn: c.startsOn, endsOn: c.endsOn })),
    plans: plans.map(planRule),
    products,
    ticketProductId: ticket.productId,
    ticketMajor: majorOf(ticket.productVersion),
    channel: ticket.channel,
    unentitledChannels: settings.unentitledChannels,
  };
  return { request, plans, licence };
}

async function listLicenceRowsByNumber(db: Executor, number: string): Promise<LicenceRow | undefined> {
  const rows = await db
    .selectFrom('licences')
    .innerJoin('products', 'products.id', 'licences.productId')
    .leftJoin('organizations', 'organizations.id', 'licences.organizationId')
    .selectAll('licences')
    .select(['products.code as productCode', 'organizations.name as organizationName'])
    .where('licences.number', '=', number)
    .execute();
  return rows[0];
}
