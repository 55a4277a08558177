import type { ServiceDeps } from '../../src/server/services/deps.js';
import { createContract, createLicence } from '../../src/server/services/entitlements/manage-licences.js';
import { createPlan } from '../../src/server/services/entitlements/manage-plans.js';
import { addVersion, createProduct } from '../../src/server/services/entitlements/manage-products.js';
import type { TestUser } from './factories.js';

/** Ids of the catalogue the entitlement tests share. */
export interface Catalogue {
  atelier: string;
  gestio: string;
}

/**
 * Two products (Atelier Studio 27/28, Gestio Compta 10/11) and four plans: standard (90 days after
 * purchase, version bought, no phone), support (contract, all versions, phone), direct (contract,
 * designated engineer) and premium (for premium requests).
 */
export async function makeCatalogue(deps: ServiceDeps, admin: TestUser): Promise<Catalogue> {
  const a = admin.actor;
  const atelier = (await createProduct(deps, a, { code: 'AS', name: 'Atelier Studio' })).id;
  const gestio = (await createProduct(deps, a, { code: 'GC', name: 'Gestio Compta' })).id;
  for (const v of ['27.5', '28.0.412']) await addVersion(deps, a, atelier, { version: v, supported: true });
  for (const v of ['10.2', '11.1']) await addVersion(deps, a, gestio, { version: v, supported: true });
  const web = ['web', 'email', 'api', 'post'] as Array<'web'>;
  const all = ['web', 'email', 'api', 'post', 'fax', 'phone'] as Array<'web'>;
  const base = { productId: null, premiumCreditsIncluded: 0, active: true, designatedEngineer: false };
  await createPlan(deps, a, { ...base, code: 'standard', names: { en: 'Standard', fr: 'Standard' }, basis: 'licence', tier: 'standard', channels: web, supportDays: 90, versionRule: 'licensed' });
  await createPlan(deps, a, { ...base, code: 'support', names: { en: 'Support contract', fr: 'Contrat d’assistance' }, basis: 'contract', tier: 'contract', channels: all, supportDays: null, versionRule: 'all', premiumCreditsIncluded: 2 });
  await createPlan(deps, a, { ...base, code: 'direct', names: { en: 'Direct assistance', fr: 'Assistance directe' }, basis: 'contract', tier: 'direct', channels: all, supportDays: null, versionRule: 'all', designatedEngineer: true });
  await createPlan(deps, a, { ...base, code: 'premium', names: { en: 'Premium request', fr: 'Demande premium' }, basis: 'premium', tier: 'premium', channels: all, supportDays: null, versionRule: 'all' });
  return { atelier, gestio };
}

/** Registers a licence for an organization. */
export async function makeLicence(deps: ServiceDeps, admin: TestUser, number: string, productId: string, version: string, purchasedOn: string, organizationId: string | null): Promise<void> {
  await createLicence(deps, admin.actor, { number, productId, version, purchasedOn, organizationId, seats: 1 });
}

/** Registers a contract for an organization. */
export async function makeContract(deps: ServiceDeps, admin: TestUser, number: string, planCode: string, organizationId: string, startsOn: string, endsOn: string): Promise<void> {
  await createContract(deps, admin.actor, { number, planCode, organizationId, productId: null, startsOn, endsOn });
}
