import { CalendarDay } from '../../../contracts/entitlements.js';
import type { Executor } from '../../db/schema.js';
import { findOrganizationByName } from '../../repositories/organizations.repository.js';
import type { ServiceDeps } from '../deps.js';
import { majorOf } from '../entitlements/entitlement-facts.js';
import { checkLicenceRefs, saveContract, saveLicence, type ContractFields, type LicenceFields } from '../entitlements/save-records.js';
import { importCsv, type ImportReport, type ImportSpec, type RowProblem } from './csv-import.js';

const NUMBER = /^[^\s,;]{1,64}$/;

async function productId(db: Executor, value: string): Promise<string | null> {
  const row = await db.selectFrom('products').select('id').where((eb) => eb.or([eb('code', '=', value), eb('id', '=', value)])).executeTakeFirst();
  return row?.id ?? null;
}

async function organizationId(db: Executor, value: string): Promise<string | null> {
  const byName = await findOrganizationByName(db, value);
  if (byName) return byName.id;
  const byId = await db.selectFrom('organizations').select('id').where('id', '=', value).executeTakeFirst();
  return byId?.id ?? null;
}

function day(value: string, column: string, problems: RowProblem[]): string {
  if (!CalendarDay.safeParse(value).success) problems.push({ reason: 'bad_date', params: { column, value } });
  return value;
}

/** The licence import: number, product (code), version, purchase_date, organization (name; empty for none), seats. */
function licenceSpec(): ImportSpec<LicenceFields> {
  return {
    required: ['number', 'product', 'version', 'purchase_date', 'organization'],
    optional: ['seats'],
    aliases: { licence: 'number', license: 'number', licence_number: 'number', license_number: 'number', purchased_on: 'purchase_date', purchase: 'purchase_date', organisation: 'organization', org: 'organization' },
    key: (r) => r.number ?? '',
    check: async (trx, r) => {
      const problems: RowProblem[] = [];
      if (!NUMBER.test(r.number!)) problems.push({ reason: 'bad_number', params: { value: r.number! } });
      const product = r.product ? await productId(trx, r.product) : null;
      if (!product) problems.push({ reason: 'unknown_product', params: { value: r.product! } });
      if (majorOf(r.version!) === null) problems.push({ reason: 'bad_version', params: { value: r.version! } });
      day(r.purchase_date!, 'purchase_date', problems);
      const org = r.organization ? await organizationId(trx, r.organization) : null;
      if (r.organization && !org) problems.push({ reason: 'unknown_organization', params: { value: r.organization } });
      const seats = r.seats ? Number(r.seats) : 1;
      if (!Number.isInteger(seats) || seats < 1) problems.push({ reason: 'bad_seats', params: { value: r.seats! } });
      if (product && majorOf(r.version!) !== null) {
        const refs = await checkLicenceRefs(trx, { productId: product, version: r.version!, organizationId: null });
        if (refs.length) problems.push({ reason: 'unknown_version', params: { value: r.version!, product: r.product! } });
      }
      if (problems.length) return { problems };
      return { record: { number: r.number!, productId: product!, version: r.version!, purchasedOn: r.purchase_date!, organizationId: org, seats } };
    },
    save: async (trx, record, at) => (await saveLicence(trx, record, null, at)).outcome,
  };
}

/** The contract import: number, organization (name), plan (code), starts_on, ends_on, product (code, optional). */
function contractSpec(): ImportSpec<ContractFields> {
  return {
    required: ['number', 'organization', 'plan', 'starts_on', 'ends_on'],
    optional: ['product'],
    aliases: { contract: 'number', contract_number: 'number', start: 'starts_on', start_date: 'starts_on', end: 'ends_on', end_date: 'ends_on', organisation: 'organization', org: 'organization', plan_code: 'plan' },
    key: (r) => r.number ?? '',
    check: async (trx, r) => {
      const problems: RowProblem[] = [];
      if (!NUMBER.test(r.number!)) problems.push({ reason: 'bad_number', params: { value: r.number! } });
      const org = r.organization ? await organizationId(trx, r.organization) : null;
      if (!org) problems.push({ reason: 'unknown_organization', params: { value: r.organization! } });
      const plan = await trx.selectFrom('plans').select(['id', 'basis']).where('code', '=', r.plan!).executeTakeFirst();
      if (!plan) problems.push({ reason: 'unknown_plan', params: { value: r.plan! } });
      else if (plan.basis !== 'contract') problems.push({ reason: 'not_a_contract_plan', params: { value: r.plan! } });
      day(r.starts_on!, 'starts_on', problems);
      day(r.ends_on!, 'ends_on', problems);
      if (r.starts_on! > r.ends_on!) problems.push({ reason: 'ends_before_start' });
      const product = r.product ? await productId(trx, r.product) : null;
      if (r.product && !product) problems.push({ reason: 'unknown_product', params: { value: r.product } });
      if (problems.length) return { problems };
      return { record: { number: r.number!, organizationId: org!, planId: plan!.id, productId: product, startsOn: r.starts_on!, endsOn: r.ends_on! } };
    },
    save: async (trx, record, at) => (await saveContract(trx, record, null, at)).outcome,
  };
}

/** Imports licences from CSV text (upsert by licence number). */
export function importLicences(deps: ServiceDeps, text: string, options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportReport> {
  return importCsv(deps, text, licenceSpec(), options);
}

/** Imports contracts from CSV text (upsert by contract number). */
export function importContracts(deps: ServiceDeps, text: string, options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportReport> {
  return importCsv(deps, text, contractSpec(), options);
}
