import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { ALWAYS_PARIS } from '../fixtures/sla-calendars.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/*
 * A small desk with explicit instants (UTC), so every figure can be asserted exactly:
 *  Z  27 Feb 10:00 api, solved 27 Feb 12:00 (before the period)
 *  A  1 Mar 09:00 api normal, plan contract: answered 09:10, solved 2 Mar 10:00, reopened 3 Mar 08:00, solved 3 Mar 12:00
 *  B  1 Mar 10:00 phone high, plan contract: answered 12:30 (late), pending from 2 Mar 09:00
 *  C  2 Mar 14:00 email normal, no plan: never answered
 *  D  3 Mar 09:00 api urgent, plan premium: answered 09:40, solved 10:00 (resolution target 30 min: late), closed 4 Mar 10:00
 *  E  5 Mar 09:00 api (after the period)
 * SLA: a 24/7 calendar; default policy 60 min first response, 7 days resolution; urgent: 60 min and 30 min.
 */
let rt: TestRuntime;
let clock: ManualClock;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;
const t: Record<string, string> = {};

const api = (user: TestUser | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  as(rt.app, user, { method, url: `/api/v1${url}`, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function at<T>(iso: string, step: () => Promise<T>): Promise<T> {
  clock.set(iso);
  return step();
}

async function file(iso: string, by: 'customer' | 'agent', body: Record<string, unknown>): Promise<string> {
  clock.set(iso);
  const { priority, ...rest } = body;
  const payload = { subject: 'Export fails', body: 'Steps: open, export.', ...rest, ...(by === 'agent' ? { requesterEmail: customer.email, priority } : {}) };
  const res = await api(by === 'agent' ? agent : customer, 'POST', '/tickets', payload);
  expect(res.statusCode, res.body).toBe(201);
  // Customers do not choose the priority: the agent sets it at once.
  if (by === 'customer' && priority) await patch(iso, res.json().id, { priority });
  return res.json().id;
}

async function reply(iso: string, id: string): Promise<void> {
  const res = await at(iso, () => api(agent, 'POST', `/tickets/${id}/messages`, { body: 'Here is how to fix it.' }));
  expect(res.statusCode).toBe(201);
}

async function patch(iso: string, id: string, body: object, user: TestUser = agent): Promise<void> {
  const res = await at(iso, () => api(user, 'PATCH', `/tickets/${id}`, body));
  expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
}

const report = async (name: string, query: string, user: TestUser = admin) => {
  const res = await api(user, 'GET', `/reports/${name}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  clock = new ManualClock('2027-02-20T08:00:00Z');
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent', language: 'fr' });
  customer = await makeUser(rt.deps, { org: 'Durand', language: 'fr' });
  expect((await api(admin, 'POST', '/calendars', ALWAYS_PARIS)).statusCode).toBe(201);
  const urgent = { name: 'Urgent', conditions: { priorities: ['urgent'] }, firstResponse: { kind: 'business_minutes', minutes: 60 }, resolution: { kind: 'business_minutes', minutes: 30 } };
  expect((await api(admin, 'POST', '/sla-policies', urgent)).statusCode).toBe(201);
  const std = { name: 'Standard', isDefault: true, firstResponse: { kind: 'business_minutes', minutes: 60 }, resolution: { kind: 'business_minutes', minutes: 7 * 1440 } };
  expect((await api(admin, 'POST', '/sla-policies', std)).statusCode).toBe(201);

  t.Z = await file('2027-02-27T10:00:00Z', 'customer', {});
  await patch('2027-02-27T12:00:00Z', t.Z, { state: 'solved' });

  t.A = await file('2027-03-01T09:00:00Z', 'customer', { priority: 'normal' });
  t.B = await file('2027-03-01T10:00:00Z', 'agent', { channel: 'phone', priority: 'high' });
  await reply('2027-03-01T09:10:00Z', t.A);
  await reply('2027-03-01T12:30:00Z', t.B);
  // B came by phone without the standard request: intake accepted it incomplete, already pending
  // (waiting_for_customer) since it was filed; C (e-mail) likewise.
  await patch('2027-03-02T10:00:00Z', t.A, { state: 'solved' });
  t.C = await file('2027-03-02T14:00:00Z', 'agent', { channel: 'email', priority: 'normal' });
  await patch('2027-03-03T08:00:00Z', t.A, { state: 'open' }, customer);
  t.D = await file('2027-03-03T09:00:00Z', 'customer', { priority: 'urgent' });
  await reply('2027-03-03T09:40:00Z', t.D);
  await patch('2027-03-03T10:00:00Z', t.D, { state: 'solved' });
  await patch('2027-03-03T12:00:00Z', t.A, { state: 'solved' });
  await patch('2027-03-04T10:00:00Z', t.D, { state: 'closed' }, customer);
  t.E = await file('2027-03-05T09:00:00Z', 'customer', {});
  for (const [id, plan] of [[t.A, 'contract'], [t.B, 'contract'], [t.D, 'premium']] as const) {
    await rt.deps.db.updateTable('tickets').set({ planCode: plan }).where('id', '=', id).execute();
  }
  clock.set('2027-03-10T12:00:00Z');
});
afterAll(async () => rt?.dispose());

const PERIOD = 'from=2027-03-01&to=2027-03-04';

describe('who may read reports, and what they are asked', () => {
  it('answers agents and admins; customers get 403 and anonymous callers 401', async () => {
    expect((await api(agent, 'GET', `/reports/volume?${PERIOD}`)).statusCode).toBe(200);
    const res = await api(customer, 'GET', `/reports/volume?${PERIOD}`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'forbidden', detail: 'Seuls les agents et les administrateurs peuvent consulter les rapports.' });
    expect((await api(null, 'GET', `/reports/volume?${PERIOD}`)).statusCode).toBe(401);
  });

  it.each([
    ['from=2027-02-30&to=2027-03-04', 'from'],
    ['from=yesterday', 'from'],
    ['from=2027-03-05&to=2027-03-04', 'from'],
    ['from=2026-01-01&to=2027-03-04', 'to'],
    [`${PERIOD}&groupBy=year`, 'groupBy'],
    [`${PERIOD}&format=xlsx`, 'format'],
  ])('refuses %s with a 400 problem naming %s', async (query, field) => {
    const res = await api(admin, 'GET', `/reports/volume?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(field);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await rt.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = spec.paths['/api/v1/reports/{name}'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['format', 'from', 'groupBy', 'name', 'to']);
    expect(op.description).toContain('volume: period,channel,tickets');
  });

  it('answers 400 for an unknown report', async () => {
    expect((await api(admin, 'GET', `/reports/happiness?${PERIOD}`)).statusCode).toBe(400);
  });
});

describe('figures', () => {
  it('first-response time distribution (wall-clock minutes)', async () => {
    const r = await report('first-response', PERIOD);
    expect(r).toMatchObject({ from: '2027-03-01', to: '2027-03-04', tickets: 4, answered: 3, medianMinutes: 40, p90Minutes: 150 });
    expect(Object.fromEntries(r.buckets.filter((b: { count: number }) => b.count > 0).map((b: { key: string; count: number }) => [b.key, b.count]))).toEqual({ lt15m: 1, '30m-1h': 1, '2h-4h': 1 });
    expect(r.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(3);
  });

  it('SLA met and breached by priority and by plan', async () => {
    const r = await report('sla', PERIOD);
    const line = (x: { dimension: string; key: string; target: string; met: number; breached: number; running: number; metRate: number | null }) =>
      `${x.dimension} ${x.key} ${x.target}: ${x.met}/${x.breached}/${x.running} ${x.metRate}`;
    expect(r.rows.map(line)).toEqual([
      'priority urgent firstResponse: 1/0/0 1',
      'priority urgent resolution: 0/1/0 0',
      'priority high firstResponse: 1/0/0 1', // B waited for the customer from the start: its clock was paused
      'priority high resolution: 0/0/1 null',
      'priority normal firstResponse: 1/0/1 1',
      'priority normal resolution: 1/0/1 1',
      'plan contract firstResponse: 2/0/0 1',
      'plan contract resolution: 1/0/1 1',
      'plan premium firstResponse: 1/0/0 1',
      'plan premium resolution: 0/1/0 0',
      'plan none firstResponse: 0/0/1 null',
      'plan none resolution: 0/0/1 null',
    ]);
  });

  it('backlog at the end of each day, from the state history (reopened tickets count again)', async () => {
    const r = await report('backlog', 'from=2027-02-28&to=2027-03-05');
    expect(r.points.map((p: { day: string; open: number; pending: number; total: number }) => [p.day, p.open, p.pending, p.total])).toEqual([
      ['2027-02-28', 0, 0, 0],
      // B (phone) and C (e-mail) were filed without the standard request: pending from the start.
      ['2027-03-01', 1, 1, 2],
      ['2027-03-02', 0, 2, 2],
      ['2027-03-03', 0, 2, 2],
      ['2027-03-04', 0, 2, 2],
      ['2027-03-05', 1, 2, 3],
    ]);
    const mid = await report('backlog', 'from=2027-03-03&to=2027-03-03');
    expect(mid.points).toEqual([{ day: '2027-03-03', open: 0, pending: 2, total: 2 }]);
  });

  it('volume by channel, per day or week', async () => {
    const byDay = await report('volume', `${PERIOD}&groupBy=day`);
    // Customers' requests here come through the API with a token: channel "api".
    expect(byDay.channels).toEqual(['email', 'phone', 'api']);
    expect(byDay.totals).toEqual({ email: 1, phone: 1, api: 2 });
    expect(byDay.periods.map((p: { period: string; total: number; byChannel: Record<string, number> }) => [p.period, p.total, p.byChannel])).toEqual([
      ['2027-03-01', 2, { email: 0, phone: 1, api: 1 }],
      ['2027-03-02', 1, { email: 1, phone: 0, api: 0 }],
      ['2027-03-03', 1, { email: 0, phone: 0, api: 1 }],
      ['2027-03-04', 0, { email: 0, phone: 0, api: 0 }],
    ]);
    const byWeek = await report('volume', 'from=2027-02-27&to=2027-03-07&groupBy=week');
    expect(byWeek.periods.map((p: { period: string; total: number }) => [p.period, p.total])).toEqual([['2027-02-22', 1], ['2027-03-01', 5]]);
  });

  it('reopen rate of the tickets solved at least once', async () => {
    const r = await report('reopens', `${PERIOD}&groupBy=day`);
    expect(r.periods.map((p: { period: string; resolved: number; reopened: number; reopens: number; reopenRate: number | null }) => [p.period, p.resolved, p.reopened, p.reopens, p.reopenRate])).toEqual([
      ['2027-03-01', 1, 1, 1, 1],
      ['2027-03-02', 0, 0, 0, null],
      ['2027-03-03', 1, 0, 0, 0],
      ['2027-03-04', 0, 0, 0, null],
    ]);
    expect(r.total).toEqual({ resolved: 2, reopened: 1, reopens: 1, reopenRate: 0.5 });
  });

  it('deflection rate per week, all languages, from the knowledge-base sessions', async () => {
    clock.set('2027-03-15T09:00:00Z');
    const article = await api(agent, 'POST', '/kb/articles', { lang: 'fr', title: 'Export PDF des factures', body: "L'export PDF des factures coupe le pied de page : réduisez la marge basse.", publish: true });
    expect(article.statusCode).toBe(201);
    const shown = await api(customer, 'GET', '/kb/suggest?q=export%20pdf%20factures&lang=fr');
    expect(shown.json().results.length).toBeGreaterThan(0);
    clock.set('2027-03-16T09:00:00Z');
    const followed = (await api(customer, 'GET', '/kb/suggest?q=pied%20de%20page%20export&lang=fr')).json();
    expect(followed.results.length).toBeGreaterThan(0);
    await file('2027-03-16T09:05:00Z', 'customer', { kbSessionId: followed.sessionId });
    clock.set('2027-03-17T09:00:00Z');
    expect((await api(customer, 'GET', '/kb/suggest?q=licence%20perdue&lang=fr')).json().results).toEqual([]);
    const r = await report('deflection', 'from=2027-03-08&to=2027-03-21');
    expect(r.weeks).toEqual([{ week: '2027-03-15', sessions: 3, withResults: 2, deflected: 1, ticketsFiled: 1, deflectionRate: 0.5 }]);
    expect(r.total).toEqual({ sessions: 3, withResults: 2, deflected: 1, ticketsFiled: 1, deflectionRate: 0.5 });
    clock.set('2027-03-10T12:00:00Z');
  });
});

describe('CSV export', () => {
  it('sends each report as an attachment with stable English column keys, CRLF, no BOM', async () => {
    const res = await api(admin, 'GET', `/reports/volume?${PERIOD}&groupBy=day&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="guichet-volume-2027-03-01-2027-03-04.csv"');
    expect(res.rawPayload[0]).not.toBe(0xef);
    expect(res.body.split('\r\n').slice(0, 4)).toEqual(['period,channel,tickets', '2027-03-01,email,0', '2027-03-01,phone,1', '2027-03-01,api,1']);
    expect(res.body.endsWith('\r\n')).toBe(true);
  });

  it.each([
    ['first-response', 'bucket,from_minutes,to_minutes,tickets', 'lt15m,0,15,1'],
    ['sla', 'dimension,key,target,met,breached,running,met_rate', 'priority,urgent,firstResponse,1,0,0,1'],
    ['backlog', 'day,open,pending,total', '2027-03-01,1,1,2'],
    ['deflection', 'week,sessions,with_results,deflected,tickets_filed,deflection_rate', null],
    ['reopens', 'period,resolved,reopened,reopens,reopen_rate', '2027-03-01,1,1,1,1'],
  ])('%s CSV', async (name, header, first) => {
    const res = await api(agent, 'GET', `/reports/${name}?${PERIOD}&groupBy=day&format=csv`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(header);
    if (first) expect(lines[1]).toBe(first);
  });

  it('refuses customers the CSV too', async () => {
    expect((await api(customer, 'GET', `/reports/backlog?${PERIOD}&format=csv`)).statusCode).toBe(403);
  });
});
