import { describe, expect, it } from 'vitest';
import { addDays, dayInZone, isCalendarDay } from './calendar-day.js';
import {
  resolveEntitlement,
  ticketTier,
  type ContractFact,
  type EntitlementRequest,
  type LicenceFact,
  type PlanRule,
} from './resolve-entitlement.js';

const WEB = ['web', 'email', 'api', 'post'];
const ALL = ['web', 'email', 'api', 'post', 'fax', 'phone'];
const plan = (over: Partial<PlanRule> & { id: string }): PlanRule => ({
  code: over.id, basis: 'licence', productId: null, tier: 'standard', channels: WEB, designatedEngineer: false,
  supportDays: 90, versionRule: 'licensed', active: true, ...over,
});
const STD = plan({ id: 'standard' });
const SUPPORT = plan({ id: 'support', basis: 'contract', tier: 'contract', channels: ALL, supportDays: null, versionRule: 'all' });
const SUPPORT_CURRENT = plan({ id: 'support-current', basis: 'contract', tier: 'contract', channels: ALL, supportDays: null, versionRule: 'current_major' });
const DIRECT = plan({ id: 'direct', basis: 'contract', tier: 'direct', channels: WEB, designatedEngineer: true, supportDays: null, versionRule: 'all' });
const PLANS = [STD, SUPPORT, SUPPORT_CURRENT, DIRECT];

const lic = (number: string, over: Partial<LicenceFact> = {}): LicenceFact => ({
  id: `id-${number}`, number, productId: 'AS', version: '28.0.412', major: 28, purchasedOn: '2027-01-01', organizationId: 'A', ...over,
});
const L28 = lic('AS-28-A');
const L27 = lic('AS-27-A', { version: '27.5', major: 27, purchasedOn: '2027-02-01' });
const LB = lic('GC-11-B', { productId: 'GC', version: '11', major: 11, organizationId: 'B' });
const LFREE = lic('AS-28-BOX', { organizationId: null, purchasedOn: '2027-02-01' });
const LICENCES = [L28, L27, LB, LFREE];

const con = (number: string, planId: string, over: Partial<ContractFact> = {}): ContractFact => ({
  id: `id-${number}`, number, organizationId: 'A', planId, productId: null, startsOn: '2027-01-01', endsOn: '2027-12-31', ...over,
});

/** A request from organization A on 2027-03-01 10:00 Paris, on the web, quoting nothing. */
function request(over: Partial<EntitlementRequest> & { quote?: string } = {}): EntitlementRequest {
  const { quote, ...rest } = over;
  const base: EntitlementRequest = {
    at: new Date('2027-03-01T09:00:00Z'), timeZone: 'Europe/Paris', organizationId: 'A', licenceNumber: null, licence: null,
    organizationLicences: [], contracts: [], plans: PLANS,
    products: { AS: { id: 'AS', name: 'Atelier Studio', currentMajor: 28 }, GC: { id: 'GC', name: 'Gestio Compta', currentMajor: 11 } },
    ticketProductId: null, ticketMajor: null, channel: 'web', unentitledChannels: WEB,
  };
  const withQuote = quote === undefined ? {} : { licenceNumber: quote, licence: LICENCES.find((l) => l.number === quote) ?? null };
  return { ...base, ...withQuote, ...rest };
}

interface Case {
  name: string;
  req: EntitlementRequest;
  planCode: string | null;
  tier: string;
  problem: string | null;
  explanation: string;
  params?: Record<string, unknown>;
  notes?: string[];
}

const at = (iso: string) => new Date(iso);

const CASES: Case[] = [
  { name: 'quoted licence inside its 90 days', req: request({ quote: 'AS-28-A' }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence', params: { days: 90, version: '28.0.412', until: '2027-04-01', product: 'Atelier Studio' } },
  { name: 'last covered day, 23:59:59 in Paris', req: request({ quote: 'AS-28-A', at: at('2027-04-01T21:59:59Z') }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence' },
  { name: 'first uncovered day, 00:00 in Paris', req: request({ quote: 'AS-28-A', at: at('2027-04-01T22:00:00Z') }), planCode: null, tier: 'standard', problem: 'licence_expired', explanation: 'explain.licence_expired', params: { until: '2027-04-01' } },
  { name: 'the same instant is still covered when the desk counts days in UTC', req: request({ quote: 'AS-28-A', at: at('2027-04-01T22:00:00Z'), timeZone: 'UTC' }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence' },
  { name: 'a desk in Moscow is already on the next day at 21:00 UTC', req: request({ quote: 'AS-28-A', at: at('2027-04-01T21:00:00Z'), timeZone: 'Europe/Moscow' }), planCode: null, tier: 'standard', problem: 'licence_expired', explanation: 'explain.licence_expired' },
  { name: 'first covered day: the purchase day at 00:00 in Paris', req: request({ quote: 'AS-28-A', at: at('2026-12-31T23:00:00Z') }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence' },
  { name: 'the evening before the purchase day', req: request({ quote: 'AS-28-A', at: at('2026-12-31T22:59:59Z') }), planCode: null, tier: 'standard', problem: 'licence_not_yet_valid', explanation: 'explain.licence_not_yet_valid' },
  { name: 'unknown licence', req: request({ quote: 'NOPE-1' }), planCode: null, tier: 'standard', problem: 'licence_unknown', explanation: 'explain.licence_unknown', params: { licence: 'NOPE-1' } },
  { name: 'a licence of another organization', req: request({ quote: 'GC-11-B' }), planCode: null, tier: 'standard', problem: 'licence_other_organization', explanation: 'explain.licence_other_organization' },
  { name: 'a requester without organization quoting an organization’s licence', req: request({ quote: 'AS-28-A', organizationId: null }), planCode: null, tier: 'standard', problem: 'licence_other_organization', explanation: 'explain.licence_other_organization' },
  { name: 'a licence sold to nobody in particular works for whoever quotes it', req: request({ quote: 'AS-28-BOX', organizationId: 'B' }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence', params: { until: '2027-05-02' } },
  { name: 'asking about version 27 with a version-28 licence', req: request({ quote: 'AS-28-A', ticketProductId: 'AS', ticketMajor: 27 }), planCode: null, tier: 'standard', problem: 'version_not_covered', explanation: 'explain.version_not_covered_licensed', params: { asked: 27 } },
  { name: 'only the current major: a version-27 licence is not covered', req: request({ quote: 'AS-27-A', plans: [plan({ id: 'std-current', versionRule: 'current_major' })] }), planCode: null, tier: 'standard', problem: 'version_not_covered', explanation: 'explain.version_not_covered_current_major', params: { asked: 27, current: 28 } },
  { name: 'only the current major: a version-28 licence is covered', req: request({ quote: 'AS-28-A', plans: [plan({ id: 'std-current', versionRule: 'current_major' })] }), planCode: 'std-current', tier: 'standard', problem: null, explanation: 'explain.licence' },
  { name: 'a plan without time limit', req: request({ quote: 'AS-28-A', at: at('2030-01-01T09:00:00Z'), plans: [plan({ id: 'forever', supportDays: null })] }), planCode: 'forever', tier: 'standard', problem: null, explanation: 'explain.licence_unlimited' },
  { name: 'a licence of another product than the request is about', req: request({ quote: 'AS-28-A', ticketProductId: 'GC' }), planCode: null, tier: 'standard', problem: 'product_mismatch', explanation: 'explain.product_mismatch', params: { asked: 'Gestio Compta' } },
  { name: 'no number given: the organization’s licence applies', req: request({ organizationLicences: [L28] }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence' },
  { name: 'no number, no licence, no contract', req: request(), planCode: null, tier: 'standard', problem: 'no_entitlement', explanation: 'explain.no_entitlement' },
  { name: 'a valid support contract', req: request({ contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract', params: { contract: 'C-1', end: '2027-12-31' } },
  { name: 'the contract’s first day, 00:30 in Paris', req: request({ at: at('2026-12-31T23:30:00Z'), contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract' },
  { name: 'the contract’s last day, 23:59 in Paris', req: request({ at: at('2027-12-31T22:59:00Z'), contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract' },
  { name: 'the day after the contract ended', req: request({ at: at('2027-12-31T23:00:00Z'), contracts: [con('C-1', 'support')] }), planCode: null, tier: 'standard', problem: 'contract_expired', explanation: 'explain.contract_expired', params: { end: '2027-12-31' } },
  { name: 'a contract that has not started', req: request({ contracts: [con('C-2', 'support', { startsOn: '2027-06-01' })] }), planCode: null, tier: 'standard', problem: 'contract_not_started', explanation: 'explain.contract_not_started' },
  { name: 'an expired contract, but the licence still covers', req: request({ quote: 'AS-28-A', contracts: [con('C-OLD', 'support', { startsOn: '2026-01-01', endsOn: '2026-12-31' })] }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence', notes: ['explain.contract_expired'] },
  { name: 'two overlapping contracts: direct assistance beats support', req: request({ contracts: [con('C-SUP', 'support'), con('C-DIR', 'direct')] }), planCode: 'direct', tier: 'direct', problem: null, explanation: 'explain.contract', params: { contract: 'C-DIR' }, notes: ['explain.also_valid'] },
  { name: 'two overlapping contracts of one tier: the longer one wins', req: request({ contracts: [con('C-SHORT', 'support', { endsOn: '2027-06-30' }), con('C-LONG', 'support', { endsOn: '2028-06-30' })] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract', params: { contract: 'C-LONG' }, notes: ['explain.also_valid'] },
  { name: 'a contract beats the free licence support', req: request({ quote: 'AS-28-A', contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract', notes: ['explain.also_valid'] },
  { name: 'another organization’s contract is ignored', req: request({ contracts: [con('C-B', 'support', { organizationId: 'B' })] }), planCode: null, tier: 'standard', problem: 'no_entitlement', explanation: 'explain.no_entitlement' },
  { name: 'phone without a contract: handled as standard, the reason shown', req: request({ quote: 'AS-28-A', channel: 'phone' }), planCode: null, tier: 'standard', problem: 'channel_not_allowed', explanation: 'explain.licence', notes: ['explain.channel_not_allowed'] },
  { name: 'phone with a support contract', req: request({ channel: 'phone', contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract' },
  { name: 'phone: the plan that allows it wins over a better one that does not', req: request({ channel: 'phone', contracts: [con('C-DIR', 'direct'), con('C-SUP', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract', params: { contract: 'C-SUP' }, notes: ['explain.also_valid'] },
  { name: 'phone with no entitlement at all', req: request({ channel: 'phone' }), planCode: null, tier: 'standard', problem: 'channel_not_allowed', explanation: 'explain.no_entitlement', notes: ['explain.channel_not_allowed_unentitled'] },
  { name: 'an unknown licence, but the organization has a contract', req: request({ quote: 'NOPE-2', contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract', notes: ['explain.licence_unknown'] },
  { name: 'a contract for another product', req: request({ ticketProductId: 'AS', contracts: [con('C-GC', 'support', { productId: 'GC' })] }), planCode: null, tier: 'standard', problem: 'product_mismatch', explanation: 'explain.contract_other_product' },
  { name: 'a contract for the current major only, asked about an old version', req: request({ ticketProductId: 'GC', ticketMajor: 10, contracts: [con('C-CUR', 'support-current')] }), planCode: null, tier: 'standard', problem: 'version_not_covered', explanation: 'explain.contract_version_not_covered_current_major', params: { asked: 10, current: 11 } },
  { name: 'a contract covering all versions, asked about an old version', req: request({ ticketProductId: 'GC', ticketMajor: 9, contracts: [con('C-1', 'support')] }), planCode: 'support', tier: 'contract', problem: null, explanation: 'explain.contract' },
  { name: 'an inactive plan gives nothing', req: request({ quote: 'AS-28-A', plans: [plan({ id: 'old', active: false })] }), planCode: null, tier: 'standard', problem: 'no_entitlement', explanation: 'explain.no_entitlement' },
  { name: 'a licence plan limited to another product does not apply', req: request({ quote: 'AS-28-A', plans: [plan({ id: 'gc-only', productId: 'GC' })] }), planCode: null, tier: 'standard', problem: 'no_entitlement', explanation: 'explain.no_entitlement' },
  { name: 'two licences of the organization: the one covering longer wins', req: request({ organizationLicences: [L28, L27] }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence', params: { licence: 'AS-27-A', until: '2027-05-02' }, notes: ['explain.also_valid'] },
  { name: 'a leap year: 90 days after 2028-01-01 is 2028-03-31', req: request({ quote: 'AS-28-A', at: at('2028-03-31T12:00:00Z'), licence: { ...L28, purchasedOn: '2028-01-01' } }), planCode: 'standard', tier: 'standard', problem: null, explanation: 'explain.licence', params: { until: '2028-03-31' } },
];

describe('resolveEntitlement', () => {
  it.each(CASES)('$name', (c) => {
    const r = resolveEntitlement(c.req);
    expect({ planCode: r.planCode, tier: r.tier, problem: r.problem, explanation: r.explanation.key }).toEqual({
      planCode: c.planCode, tier: c.tier, problem: c.problem, explanation: c.explanation,
    });
    if (c.params) expect(r.explanation.params).toMatchObject(c.params);
    expect(r.notes.map((n) => n.key)).toEqual(expect.arrayContaining(c.notes ?? []));
    if (!c.notes) expect(r.notes.filter((n) => n.key === 'explain.also_valid')).toEqual([]);
  });

  it('says which other contract also applied', () => {
    const r = resolveEntitlement(request({ contracts: [con('C-SUP', 'support'), con('C-DIR', 'direct')] }));
    expect(r.notes).toContainEqual(expect.objectContaining({ key: 'explain.also_valid', params: expect.objectContaining({ contract: 'C-SUP', plan: 'support' }) }));
    expect(r).toMatchObject({ basis: 'contract', contractId: 'id-C-DIR', licenceId: null });
  });

  it('gives the channels of every plan that applies, and the designated-engineer flag of the winner', () => {
    const r = resolveEntitlement(request({ quote: 'AS-28-A', contracts: [con('C-DIR', 'direct')] }));
    expect(r.plan?.designatedEngineer).toBe(true);
    expect(r.channels.sort()).toEqual([...WEB].sort());
  });
});

describe('ticketTier', () => {
  it.each([
    ['standard', false, 'standard'],
    ['standard', true, 'premium'],
    ['contract', false, 'contract'],
    ['direct', false, 'direct'],
    ['direct', true, 'premium'],
  ] as const)('%s with premium=%s is %s', (tier, premium, expected) => {
    expect(ticketTier({ tier }, premium)).toBe(expected);
  });
});

describe('calendar days', () => {
  it.each([
    ['2027-03-28T00:59:59Z', 'Europe/Paris', '2027-03-28'],
    ['2027-03-27T23:00:00Z', 'Europe/Paris', '2027-03-28'],
    ['2027-03-27T22:59:59Z', 'Europe/Paris', '2027-03-27'],
    ['2027-01-01T02:59:00Z', 'America/New_York', '2026-12-31'],
    ['2027-01-01T21:00:00Z', 'Europe/Moscow', '2027-01-02'],
  ])('%s is %s … %s', (instant, zone, day) => {
    expect(dayInZone(new Date(instant), zone)).toBe(day);
  });

  it.each([
    ['2027-01-01', 90, '2027-04-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2027-03-01', -1, '2027-02-28'],
  ])('%s + %i days = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ['2027-02-28', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['27-02-28', false],
    ['2027-13-01', false],
  ])('%s is a calendar day: %s', (value, ok) => {
    expect(isCalendarDay(value)).toBe(ok);
  });
});
