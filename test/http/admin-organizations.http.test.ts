import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;

const api = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers?: Record<string, string>) =>
  as(rt.app, user, { method, url: `/api/v1${url}`, ...(payload !== undefined ? { payload: payload as object } : {}), ...(headers ? { headers } : {}) });

beforeAll(async () => {
  rt = await createTestRuntime();
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  await makeUser(rt.deps, { org: 'Durand & Associés' });
  await makeUser(rt.deps, { org: 'Durand & Associés' });
  await makeUser(rt.deps, { org: 'Baltic Logistics' });
  await makeUser(rt.deps, { org: '50% Off_Shop' });
});
afterAll(async () => rt?.dispose());

describe('organizations (admins write, agents read)', () => {
  it('lists them by name with member counts, filtered by part of the name in any case', async () => {
    const all = (await api(agent, 'GET', '/organizations')).json().items;
    expect(all.map((o: { name: string; members: number }) => [o.name, o.members])).toEqual([
      ['50% Off_Shop', 1],
      ['Baltic Logistics', 1],
      ['Durand & Associés', 2],
    ]);
    const some = (await api(agent, 'GET', '/organizations?q=DURAND')).json().items;
    expect(some.map((o: { name: string }) => o.name)).toEqual(['Durand & Associés']);
    // % and _ are taken literally.
    expect((await api(agent, 'GET', '/organizations?q=0%25%20o')).json().items.map((o: { name: string }) => o.name)).toEqual(['50% Off_Shop']);
    expect((await api(agent, 'GET', '/organizations?q=%25')).json().items.map((o: { name: string }) => o.name)).toEqual(['50% Off_Shop']);
    expect((await api(agent, 'GET', '/organizations?q=f_s')).json().items.map((o: { name: string }) => o.name)).toEqual(['50% Off_Shop']);
    expect((await api(agent, 'GET', '/organizations?q=d_r')).json().items).toEqual([]);
  });

  it('creates and changes one; a taken name is refused (409) naming the field, in the caller’s language', async () => {
    const created = await api(admin, 'POST', '/organizations', { name: 'Ferretería Sol', sharesTickets: true });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Ferretería Sol', sharesTickets: true, members: 0 });
    const clash = await api(admin, 'POST', '/organizations', { name: 'Baltic Logistics' }, { 'accept-language': 'fr' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'already_exists', errors: [{ path: 'name' }] });
    const renamed = await api(admin, 'PATCH', `/organizations/${created.json().id}`, { name: 'Ferretería Sol S.L.', sharesTickets: false });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Ferretería Sol S.L.', sharesTickets: false });
    expect((await api(admin, 'PATCH', `/organizations/${created.json().id}`, { name: 'Baltic Logistics' })).statusCode).toBe(409);
    expect((await api(admin, 'PATCH', '/organizations/nope', { name: 'X' })).statusCode).toBe(404);
    expect((await api(admin, 'POST', '/organizations', { name: '  ' })).statusCode).toBe(400);
    expect((await api(agent, 'POST', '/organizations', { name: 'Agent Org' })).statusCode).toBe(403);
  });
});

describe('calendar days in licences and contracts', () => {
  it('answers 400 naming the field for an empty or malformed day (not a 500)', async () => {
    for (const purchasedOn of ['', '2027-02-30', 'soon']) {
      const res = await api(admin, 'POST', '/licences', { number: `L-${purchasedOn || 'empty'}`, productId: 'none', version: '1', purchasedOn });
      expect(res.statusCode, purchasedOn).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain('purchasedOn');
    }
  });
});
