import { addDays, dayInZone } from './calendar-day.js';

/** Queue tiers, best first: premium > direct assistance > contract > standard. */
export const TIERS = ['premium', 'direct', 'contract', 'standard'] as const;
/** A queue tier. */
export type Tier = (typeof TIERS)[number];
/** The tier a licence or contract plan may give (premium is bought per ticket). */
export type PlanTier = Exclude<Tier, 'premium'>;

/** Which versions a plan covers: the version bought, only the product's current major, or all. */
export type VersionRule = 'licensed' | 'current_major' | 'all';

/** A plan as the rules see it. */
export interface PlanRule {
  id: string;
  code: string;
  /** licence: comes with a purchase; contract: given by a contract. */
  basis: 'licence' | 'contract' | 'premium';
  /** Licence plans may be limited to one product (null: all). */
  productId: string | null;
  tier: PlanTier;
  channels: string[];
  designatedEngineer: boolean;
  /** Days of support after the purchase date (licence plans); null: no time limit. */
  supportDays: number | null;
  versionRule: VersionRule;
  active: boolean;
}

/** A licence as the rules see it. */
export interface LicenceFact {
  id: string;
  number: string;
  productId: string;
  version: string;
  major: number;
  /** YYYY-MM-DD. */
  purchasedOn: string;
  organizationId: string | null;
}

/** A contract as the rules see it. */
export interface ContractFact {
  id: string;
  number: string;
  organizationId: string;
  planId: string;
  productId: string | null;
  /** First and last covered days, YYYY-MM-DD, inclusive. */
  startsOn: string;
  endsOn: string;
}

/** What the rules need to know about a product. */
export interface ProductFact {
  id: string;
  name: string;
  /** Highest supported major version, null when the product lists no version. */
  currentMajor: number | null;
}

/** Everything the entitlement of one request depends on. */
export interface EntitlementRequest {
  /** When the ticket was created. */
  at: Date;
  /** The desk's time zone: which calendar day `at` is. */
  timeZone: string;
  /** The requester's organization. */
  organizationId: string | null;
  /** The licence number given with the request, trimmed; null when none was given. */
  licenceNumber: string | null;
  /** The licence with that number, null when unknown or none given. */
  licence: LicenceFact | null;
  /** The organization's licences, used when no number was given. */
  organizationLicences: LicenceFact[];
  /** The organization's contracts, whatever their dates. */
  contracts: ContractFact[];
  plans: PlanRule[];
  products: Record<string, ProductFact>;
  /** Product and major version the request is about, when the form said. */
  ticketProductId: string | null;
  ticketMajor: number | null;
  /** Channel the request came in by. */
  channel: string;
  /** Channels open to requests no plan covers. */
  unentitledChannels: string[];
}

/** A sentence for people: a translation key (namespace "entitlements") and its parameters. */
export interface Explanation {
  key: string;
  params: Record<string, string | number>;
}

/** Why a request gets no plan, or gets it only on another channel. */
export type EntitlementProblem =
  | 'no_entitlement'
  | 'licence_unknown'
  | 'licence_other_organization'
  | 'licence_expired'
  | 'licence_not_yet_valid'
  | 'product_mismatch'
  | 'version_not_covered'
  | 'contract_expired'
  | 'contract_not_started'
  | 'channel_not_allowed';

/** The result: the plan that applies (or none), the tier it gives, and why, in words. */
export interface Entitlement {
  /** The plan that was found (also when the channel is not open to it). */
  plan: PlanRule | null;
  /** Code of the plan that applies to this request: null when none does, or not on this channel. */
  planCode: string | null;
  /** Tier before any premium request: the plan's, or standard. */
  tier: PlanTier;
  basis: 'licence' | 'contract' | 'none';
  licenceId: string | null;
  contractId: string | null;
  /** Channels the request may use under this entitlement. */
  channels: string[];
  channelAllowed: boolean;
  /** Set when the request is handled as standard for a reason the customer should know. */
  problem: EntitlementProblem | null;
  explanation: Explanation;
  /** Other facts worth showing (another contract that also applies, a licence that did not). */
  notes: Explanation[];
}

interface Candidate {
  plan: PlanRule;
  basis: 'licence' | 'contract';
  licence: LicenceFact | null;
  contract: ContractFact | null;
  /** Last covered day, null when unlimited. */
  until: string | null;
  explanation: Explanation;
}

interface Refusal {
  problem: EntitlementProblem;
  explanation: Explanation;
}

const TIER_ORDER: Record<PlanTier, number> = { direct: 1, contract: 2, standard: 3 };

/** Which version the request is about: the form's, else the licence's. */
function askedMajor(req: EntitlementRequest, licence: LicenceFact | null): number | null {
  return req.ticketMajor ?? licence?.major ?? null;
}

function versionCovered(rule: VersionRule, asked: number | null, licence: LicenceFact | null, product: ProductFact | undefined): boolean {
  if (rule === 'all' || asked === null) return true;
  if (rule === 'licensed') return licence === null || asked === licence.major;
  return product?.currentMajor == null || asked === product.currentMajor;
}

function productName(req: EntitlementRequest, productId: string | null): string {
  return productId ? (req.products[productId]?.name ?? productId) : '';
}

/** Free support that comes with a licence, under one licence plan. */
function evaluateLicence(req: EntitlementRequest, today: string, licence: LicenceFact, plan: PlanRule): Candidate | Refusal {
  const base = { licence: licence.number, product: productName(req, licence.productId), version: licence.version, purchasedOn: licence.purchasedOn, plan: plan.code };
  if (req.ticketProductId && req.ticketProductId !== licence.productId) {
    return { problem: 'product_mismatch', explanation: { key: 'explain.product_mismatch', params: { ...base, asked: productName(req, req.ticketProductId) } } };
  }
  if (today < licence.purchasedOn) return { problem: 'licence_not_yet_valid', explanation: { key: 'explain.licence_not_yet_valid', params: base } };
  const until = plan.supportDays === null ? null : addDays(licence.purchasedOn, plan.supportDays);
  if (until !== null && today > until) {
    return { problem: 'licence_expired', explanation: { key: 'explain.licence_expired', params: { ...base, days: plan.supportDays!, until } } };
  }
  const asked = askedMajor(req, licence);
  if (!versionCovered(plan.versionRule, asked, licence, req.products[licence.productId])) {
    const current = req.products[licence.productId]?.currentMajor ?? licence.major;
    return { problem: 'version_not_covered', explanation: { key: `explain.version_not_covered_${plan.versionRule}`, params: { ...base, asked: asked ?? '', current } } };
  }
  const explanation = until === null
    ? { key: 'explain.licence_unlimited', params: base }
    : { key: 'explain.licence', params: { ...base, days: plan.supportDays!, until } };
  return { plan, basis: 'licence', licence, contract: null, until, explanation };
}

/** Whether a contract plan covers the version asked about ("licensed": one the organization bought). */
function contractVersionCovered(req: EntitlementRequest, plan: PlanRule, productId: string | null, major: number | null, licence: LicenceFact | null): boolean {
  if (plan.versionRule === 'all' || major === null) return true;
  if (plan.versionRule === 'current_major') {
    const current = productId ? req.products[productId]?.currentMajor : null;
    return current == null || major === current;
  }
  const owned = licence ? [licence, ...req.organizationLicences] : req.organizationLicences;
  return owned.some((l) => (productId === null || l.productId === productId) && l.major === major);
}

/** What a contract gives on the day of the request. */
function evaluateContract(req: EntitlementRequest, today: string, contract: ContractFact, plan: PlanRule, licence: LicenceFact | null): Candidate | Refusal {
  const base = { contract: contract.number, plan: plan.code, start: contract.startsOn, end: contract.endsOn, product: productName(req, contract.productId) };
  const asked = req.ticketProductId ?? licence?.productId ?? null;
  if (contract.productId && asked && asked !== contract.productId) {
    return { problem: 'product_mismatch', explanation: { key: 'explain.contract_other_product', params: { ...base, asked: productName(req, asked) } } };
  }
  if (today < contract.startsOn) return { problem: 'contract_not_started', explanation: { key: 'explain.contract_not_started', params: base } };
  if (today > contract.endsOn) return { problem: 'contract_expired', explanation: { key: 'explain.contract_expired', params: base } };
  const productId = contract.productId ?? asked;
  const major = askedMajor(req, licence);
  if (!contractVersionCovered(req, plan, productId, major, licence)) {
    const current = (productId ? req.products[productId]?.currentMajor : null) ?? '';
    return { problem: 'version_not_covered', explanation: { key: `explain.contract_version_not_covered_${plan.versionRule}`, params: { ...base, asked: major ?? '', current } } };
  }
  return { plan, basis: 'contract', licence: null, contract, until: contract.endsOn, explanation: { key: 'explain.contract', params: base } };
}

function isCandidate(x: Candidate | Refusal): x is Candidate {
  return 'plan' in x;
}

/** Best first: higher tier, then the one that lasts longer (unlimited first), then a contract over a licence. */
function compareCandidates(a: Candidate, b: Candidate): number {
  const tier = TIER_ORDER[a.plan.tier] - TIER_ORDER[b.plan.tier];
  if (tier !== 0) return tier;
  const ua = a.until ?? '9999-12-31';
  const ub = b.until ?? '9999-12-31';
  if (ua !== ub) return ua < ub ? 1 : -1;
  return a.basis === b.basis ? 0 : a.basis === 'contract' ? -1 : 1;
}

/** Licences that may be used: the one quoted (if it is the requester's), else the organization's. */
function usableLicences(req: EntitlementRequest, refusals: Refusal[]): LicenceFact[] {
  if (req.licenceNumber === null) return req.organizationLicences;
  if (!req.licence) {
    refusals.push({ problem: 'licence_unknown', explanation: { key: 'explain.licence_unknown', params: { licence: req.licenceNumber } } });
    return [];
  }
  if (req.licence.organizationId !== null && req.licence.organizationId !== req.organizationId) {
    refusals.push({ problem: 'licence_other_organization', explanation: { key: 'explain.licence_other_organization', params: { licence: req.licenceNumber } } });
    return [];
  }
  return [req.licence];
}

function gather(req: EntitlementRequest): { candidates: Candidate[]; refusals: Refusal[] } {
  const today = dayInZone(req.at, req.timeZone);
  const refusals: Refusal[] = [];
  const candidates: Candidate[] = [];
  const licences = usableLicences(req, refusals);
  const licencePlans = req.plans.filter((p) => p.active && p.basis === 'licence');
  for (const licence of licences) {
    for (const plan of licencePlans.filter((p) => p.productId === null || p.productId === licence.productId)) {
      const r = evaluateLicence(req, today, licence, plan);
      if (isCandidate(r)) candidates.push(r);
      else refusals.push(r);
    }
  }
  const quoted = licences.length === 1 && req.licenceNumber !== null ? licences[0]! : null;
  for (const contract of req.contracts.filter((c) => c.organizationId === req.organizationId)) {
    const plan = req.plans.find((p) => p.id === contract.planId && p.active && p.basis === 'contract');
    if (!plan) continue;
    const r = evaluateContract(req, today, contract, plan, quoted);
    if (isCandidate(r)) candidates.push(r);
    else refusals.push(r);
  }
  return { candidates: candidates.sort(compareCandidates), refusals };
}

/** The most telling reason nothing applies: what the customer quoted first, then dates, then versions. */
const PROBLEM_ORDER: EntitlementProblem[] = [
  'licence_unknown', 'licence_other_organization', 'licence_expired', 'contract_expired', 'version_not_covered',
  'product_mismatch', 'licence_not_yet_valid', 'contract_not_started',
];

function mainRefusal(refusals: Refusal[]): Refusal {
  for (const p of PROBLEM_ORDER) {
    const found = refusals.find((r) => r.problem === p);
    if (found) return found;
  }
  return { problem: 'no_entitlement', explanation: { key: 'explain.no_entitlement', params: {} } };
}

function noEntitlement(req: EntitlementRequest, refusals: Refusal[]): Entitlement {
  const main = mainRefusal(refusals);
  const channelAllowed = req.unentitledChannels.includes(req.channel);
  return {
    plan: null, planCode: null, tier: 'standard', basis: 'none', licenceId: null, contractId: null,
    channels: req.unentitledChannels, channelAllowed,
    problem: channelAllowed ? main.problem : 'channel_not_allowed',
    explanation: main.explanation,
    notes: [
      ...refusals.filter((r) => r !== main).map((r) => r.explanation),
      ...(channelAllowed ? [] : [{ key: 'explain.channel_not_allowed_unentitled', params: { channel: req.channel } }]),
    ],
  };
}

/**
 * Decides what a request is entitled to: the licence quoted (or the organization's licences), the
 * purchase date and version, and the organization's contracts valid on the day of the request give
 * candidate plans; the best one that allows the request's channel wins (direct > contract >
 * standard, then the longest lasting). Every other candidate and every refusal is kept as a note so
 * agents and customers can see why.
 */
export function resolveEntitlement(req: EntitlementRequest): Entitlement {
  const { candidates, refusals } = gather(req);
  if (candidates.length === 0) return noEntitlement(req, refusals);
  const onChannel = candidates.filter((c) => c.plan.channels.includes(req.channel));
  const best = onChannel[0] ?? candidates[0]!;
  const channelAllowed = onChannel.length > 0;
  const others = candidates.filter((c) => c !== best).map((c) => ({
    key: c.until ? 'explain.also_valid' : 'explain.also_valid_unlimited',
    params: { ...c.explanation.params, plan: c.plan.code, until: c.until ?? '', source: c.contract?.number ?? c.licence?.number ?? '' },
  }));
  return {
    plan: best.plan,
    planCode: channelAllowed ? best.plan.code : null,
    tier: channelAllowed ? best.plan.tier : 'standard',
    basis: best.basis,
    licenceId: best.licence?.id ?? null,
    contractId: best.contract?.id ?? null,
    channels: [...new Set(candidates.flatMap((c) => c.plan.channels))],
    channelAllowed,
    problem: channelAllowed ? null : 'channel_not_allowed',
    explanation: best.explanation,
    notes: [
      ...others,
      ...refusals.map((r) => r.explanation),
      ...(channelAllowed ? [] : [{ key: 'explain.channel_not_allowed', params: { channel: req.channel, plan: best.plan.code } }]),
    ],
  };
}

/** The queue tier of a ticket: premium when paid for, else what the entitlement gives. */
export function ticketTier(entitlement: Pick<Entitlement, 'tier'>, premium: boolean): Tier {
  return premium ? 'premium' : entitlement.tier;
}
