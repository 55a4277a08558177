import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { makeCatalogue, makeContract, makeLicence, type Catalogue } from '../support/entitlement-fixtures.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let deputy: TestUser;
let durand: TestUser; // organization with a licence only
let sol: TestUser; // organization with a support contract
let baltic: TestUser; // organization with direct assistance
let loner: TestUser; // no organization
let cat: Catalogue;
const clock = new ManualClock('2027-03-01T09:00:00Z');

beforeAll(async () => {
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  deputy = await makeUser(rt.deps, { role: 'agent' });
  durand = await makeUser(rt.deps, { org: 'Durand', language: 'fr' });
  sol = await makeUser(rt.deps, { org: 'Sol', language: 'es' });
  baltic = await makeUser(rt.deps, { org: 'Baltic', language: 'ru' });
  loner = await makeUser(rt.deps, {});
  cat = await makeCatalogue(rt.deps, admin);
  await makeLicence(rt.deps, admin, 'AS-28-DURAND', cat.atelier, '28.0.412', '2027-01-15', durand.actor.organizationId);
  await makeLicence(rt.deps, admin, 'AS-27-DURAND', cat.atelier, '27.5', '2026-01-10', durand.actor.organizationId);
  await makeContract(rt.deps, admin, 'C-SOL', 'support', sol.actor.organizationId!, '2027-01-01', '2027-12-31');
  await makeContract(rt.deps, admin, 'C-BALTIC', 'direct', baltic.actor.organizationId!, '2027-01-01', '2027-12-31');
});
afterAll(async () => rt?.dispose());

async function file(user: TestUser, extra: Record<string, unknown> = {}) {
  return as(rt.app, user, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Export fails', body: 'Steps: open, export.', ...extra } });
}
async function entitlement(user: TestUser, id: string) {
  const res = await as(rt.app, user, { method: 'GET', url: `/api/v1/tickets/${id}/entitlement` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('entitlement of new tickets', () => {
  it('gives free support from a quoted licence, explained in the reader’s language', async () => {
    const res = await file(durand, { licenceNumber: 'AS-28-DURAND' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ planCode: 'standard', tier: 'standard', premium: false, licenceNumber: 'AS-28-DURAND' });
    const e = await entitlement(durand, res.json().id);
    expect(e.explanation.key).toBe('explain.licence');
    expect(e.explanation.text).toBe('Support gratuit : 90 jours après l’achat de Atelier Studio 28.0.412 le 2027-01-15 (licence AS-28-DURAND), jusqu’au 2027-04-15.');
    const forAgent = await entitlement(agent, res.json().id);
    expect(forAgent.explanation.text).toContain('Free support: 90 days after the purchase of Atelier Studio 28.0.412');
  });

  it('accepts an unknown licence as standard, with the reason shown', async () => {
    const res = await file(durand, { licenceNumber: 'NOPE-404' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ planCode: null, tier: 'standard' });
    const e = await entitlement(durand, res.json().id);
    expect(e).toMatchObject({ problem: 'licence_unknown', basis: 'none' });
    expect(e.explanation.text).toBe('Le numéro de licence NOPE-404 nous est inconnu.');
  });

  it('refuses an unknown licence when the admin says so, in the customer’s language, and stores nothing', async () => {
    const set = await as(rt.app, admin, { method: 'PATCH', url: '/api/v1/entitlements/settings', payload: { unentitledPolicy: 'refuse' } });
    expect(set.statusCode).toBe(200);
    const before = await rt.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await file(durand, { licenceNumber: 'NOPE-405' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('entitlement_refused');
    expect(res.json().detail).toContain('Le numéro de licence NOPE-405 nous est inconnu.');
    const ru = await file(loner, { licenceNumber: 'AS-28-DURAND' });
    expect(ru.statusCode).toBe(403);
    expect(ru.json().detail).toContain('belongs to another organization');
    const after = await rt.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // a customer with a contract is still served
    expect((await file(sol)).statusCode).toBe(201);
    await as(rt.app, admin, { method: 'PATCH', url: '/api/v1/entitlements/settings', payload: { unentitledPolicy: 'accept_standard' } });
    const history = await rt.deps.db.selectFrom('history').selectAll().where('entityType', '=', 'setting').execute();
    expect(history.length).toBe(2);
  });

  it('serves an expired licence as standard and names the end date', async () => {
    const res = await file(durand, { licenceNumber: 'AS-27-DURAND' });
    const e = await entitlement(agent, res.json().id);
    expect(e).toMatchObject({ problem: 'licence_expired', planCode: null, tier: 'standard' });
    expect(e.explanation.text).toContain('ended on 2026-04-10');
  });

  it('gives a contract’s plan to its organization, on the phone too', async () => {
    const web = await file(sol);
    expect(web.json()).toMatchObject({ planCode: 'support', tier: 'contract' });
    const phone = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Call', body: 'Called', requesterEmail: sol.email, channel: 'phone' } });
    expect(phone.json()).toMatchObject({ planCode: 'support', tier: 'contract', channel: 'phone' });
  });

  it('handles a phone call without a contract as standard with the reason, or refuses it when the admin chooses', async () => {
    const phone = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Call', body: 'Called', requesterEmail: durand.email, channel: 'phone' } });
    expect(phone.statusCode).toBe(201);
    expect(phone.json()).toMatchObject({ planCode: null, tier: 'standard' });
    const e = await entitlement(agent, phone.json().id);
    expect(e.problem).toBe('channel_not_allowed');
    expect(e.notes.map((n: { text: string }) => n.text).join(' ')).toContain('does not include requests by phone');
    await as(rt.app, admin, { method: 'PATCH', url: '/api/v1/entitlements/settings', payload: { channelPolicy: 'refuse' } });
    const refused = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Call', body: 'Called', requesterEmail: durand.email, channel: 'phone' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('phone');
    await as(rt.app, admin, { method: 'PATCH', url: '/api/v1/entitlements/settings', payload: { channelPolicy: 'accept_standard' } });
  });

  it('corrects a licence number and resolves the entitlement again', async () => {
    const res = await file(durand, { licenceNumber: 'TYPO' });
    const fixed = await as(rt.app, durand, { method: 'PUT', url: `/api/v1/tickets/${res.json().id}/licence`, payload: { licenceNumber: 'AS-28-DURAND' } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ planCode: 'standard', problem: null });
    const history = (await as(rt.app, durand, { method: 'GET', url: `/api/v1/tickets/${res.json().id}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['entitlement', 'changed']));
  });
});

describe('direct assistance', () => {
  it('assigns the organization’s tickets to the designated engineer, and to the deputy while absent', async () => {
    const org = baltic.actor.organizationId!;
    const set = await as(rt.app, admin, { method: 'PUT', url: `/api/v1/organizations/${org}/direct-assistance`, payload: { engineerId: agent.id, deputyId: deputy.id } });
    expect(set.statusCode).toBe(200);
    const first = await file(baltic);
    expect(first.json()).toMatchObject({ planCode: 'direct', tier: 'direct', assigneeId: agent.id });
    expect((await as(rt.app, agent, { method: 'PUT', url: `/api/v1/agents/${agent.id}/absence`, payload: { absent: true, until: '2027-03-05T00:00:00Z' } })).json()).toMatchObject({ absent: true });
    const second = await file(baltic);
    expect(second.json().assigneeId).toBe(deputy.id);
    const history = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${second.json().id}/history` })).json().items;
    expect(history).toContainEqual(expect.objectContaining({ action: 'assigned_deputy_engineer', field: 'assigneeId', after: deputy.id }));
    clock.set('2027-03-06T09:00:00Z');
    expect((await file(baltic)).json().assigneeId).toBe(agent.id);
    clock.set('2027-03-01T09:00:00Z');
    const notAgent = await as(rt.app, admin, { method: 'PUT', url: `/api/v1/organizations/${org}/direct-assistance`, payload: { engineerId: baltic.id, deputyId: null } });
    expect(notAgent.statusCode).toBe(422);
  });
});

describe('premium credits', () => {
  it('spends a credit for a premium request, refuses one without credits, refunds on downgrade', async () => {
    const org = sol.actor.organizationId!;
    const credits = async () => (await as(rt.app, sol, { method: 'GET', url: `/api/v1/organizations/${org}/credits` })).json();
    expect((await credits()).balance).toBe(2); // the support plan includes 2 credits
    const p1 = await file(sol, { premium: true });
    expect(p1.json()).toMatchObject({ premium: true, tier: 'premium', planCode: 'premium' });
    const p2 = await file(sol, { premium: 'true' });
    expect(p2.statusCode).toBe(201);
    const p3 = await file(sol, { premium: true });
    expect(p3.statusCode).toBe(402);
    expect(p3.json()).toMatchObject({ code: 'premium_credits_exhausted' });
    expect(p3.json().detail).toContain('créditos premium');
    expect((await credits()).balance).toBe(0);
    const down = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${p1.json().id}/premium/downgrade`, payload: { reason: 'A question the FAQ answers' } });
    expect(down.statusCode).toBe(200);
    expect(down.json()).toMatchObject({ premium: false, tier: 'contract', planCode: 'support' });
    const c = await credits();
    expect(c.balance).toBe(1);
    expect(c.entries.map((e: { kind: string }) => e.kind)).toEqual(['refund', 'spend', 'spend', 'grant']);
    expect(c.entries.reduce((s: number, e: { amount: number }) => s + e.amount, 0)).toBe(1);
    expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${p1.json().id}/premium/downgrade`, payload: { reason: 'again' } })).statusCode).toBe(409);
    expect((await as(rt.app, sol, { method: 'POST', url: `/api/v1/tickets/${p2.json().id}/premium/downgrade`, payload: { reason: 'me' } })).statusCode).toBe(403);
  });

  it('lets admins grant credits and keeps other organizations’ ledgers private', async () => {
    const org = durand.actor.organizationId!;
    const grant = await as(rt.app, admin, { method: 'POST', url: `/api/v1/organizations/${org}/credits`, payload: { credits: 5, reason: 'Goodwill' } });
    expect(grant.statusCode).toBe(201);
    expect(grant.json().balance).toBe(5);
    expect((await as(rt.app, sol, { method: 'GET', url: `/api/v1/organizations/${org}/credits` })).statusCode).toBe(404);
    expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/organizations/${org}/credits`, payload: { credits: 5, reason: 'x' } })).statusCode).toBe(403);
    expect((await file(loner, { premium: true })).statusCode).toBe(402);
  });
});

describe('catalogue API', () => {
  it('creates, reads, changes and deletes products, versions, plans, licences and contracts', async () => {
    const p = await as(rt.app, admin, { method: 'POST', url: '/api/v1/products', payload: { code: 'NEW', name: 'New product' } });
    expect(p.statusCode).toBe(201);
    const v = await as(rt.app, admin, { method: 'POST', url: `/api/v1/products/NEW/versions`, payload: { version: '3.1' } });
    expect(v.json()).toMatchObject({ currentMajor: 3, versions: [expect.objectContaining({ version: '3.1', major: 3 })] });
    expect((await as(rt.app, admin, { method: 'POST', url: '/api/v1/products', payload: { code: 'NEW', name: 'again' } })).statusCode).toBe(409);
    const lic = await as(rt.app, admin, { method: 'POST', url: '/api/v1/licences', payload: { number: 'NEW-1', productId: p.json().id, version: '3.1', purchasedOn: '2027-02-30' } });
    expect(lic.statusCode).toBe(400);
    const badMajor = await as(rt.app, admin, { method: 'POST', url: '/api/v1/licences', payload: { number: 'NEW-1', productId: p.json().id, version: '9', purchasedOn: '2027-02-01' } });
    expect(badMajor.statusCode).toBe(422);
    expect(JSON.stringify(badMajor.json().errors)).toContain('no version 9');
    const ok = await as(rt.app, admin, { method: 'POST', url: '/api/v1/licences', payload: { number: 'NEW-1', productId: p.json().id, version: '3.1', purchasedOn: '2027-02-01', organizationId: sol.actor.organizationId } });
    expect(ok.statusCode).toBe(201);
    expect((await as(rt.app, sol, { method: 'GET', url: '/api/v1/licences' })).json().items.map((l: { number: string }) => l.number)).toEqual(['NEW-1']);
    expect((await as(rt.app, durand, { method: 'GET', url: '/api/v1/licences/NEW-1' })).statusCode).toBe(404);
    expect((await as(rt.app, admin, { method: 'DELETE', url: '/api/v1/products/NEW' })).statusCode).toBe(409);
    expect((await as(rt.app, admin, { method: 'PATCH', url: '/api/v1/licences/NEW-1', payload: { seats: 3 } })).json().seats).toBe(3);
    expect((await as(rt.app, admin, { method: 'DELETE', url: '/api/v1/licences/NEW-1' })).statusCode).toBe(204);
    expect((await as(rt.app, admin, { method: 'DELETE', url: '/api/v1/products/NEW' })).statusCode).toBe(204);
    const plan = await as(rt.app, admin, { method: 'POST', url: '/api/v1/plans', payload: { code: 'gold', names: { en: 'Gold' }, basis: 'contract', tier: 'premium', channels: ['web'] } });
    expect(plan.statusCode).toBe(400);
    const contract = await as(rt.app, admin, { method: 'POST', url: '/api/v1/contracts', payload: { number: 'C-X', organizationId: durand.actor.organizationId, planCode: 'standard', startsOn: '2027-01-01', endsOn: '2027-02-01' } });
    expect(contract.statusCode).toBe(422);
    const reversed = await as(rt.app, admin, { method: 'POST', url: '/api/v1/contracts', payload: { number: 'C-X', organizationId: durand.actor.organizationId, planCode: 'support', startsOn: '2027-03-01', endsOn: '2027-02-01' } });
    expect(reversed.statusCode).toBe(400);
    expect((await as(rt.app, admin, { method: 'DELETE', url: '/api/v1/plans/support' })).statusCode).toBe(409);
    const byCustomer = await as(rt.app, durand, { method: 'POST', url: '/api/v1/plans', payload: { code: 'mine', names: { fr: 'À moi' }, basis: 'contract', tier: 'direct', channels: ['phone'] } });
    expect(byCustomer.statusCode).toBe(403);
  });

  it('documents every route in OpenAPI', async () => {
    const spec = (await rt.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/v1/products', '/api/v1/products/{id}/versions', '/api/v1/plans', '/api/v1/licences', '/api/v1/contracts', '/api/v1/organizations/{id}/credits',
      '/api/v1/credits/webhook', '/api/v1/queue', '/api/v1/queue/next', '/api/v1/tickets/{id}/entitlement', '/api/v1/fair-use/policy', '/api/v1/me/fair-use',
    ]));
  });
});
