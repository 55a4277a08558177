import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type TestUser } from '../support/factories.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const SECRET = 'a-shared-secret-of-the-payment-provider';
let rt: TestRuntime;
let customer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  rt = await createTestRuntime({ env: { GUICHET_PAYMENT_WEBHOOK_SECRET: SECRET } });
  customer = await makeUser(rt.deps, { org: 'Buyer' });
  admin = await makeUser(rt.deps, { role: 'admin' });
});
afterAll(async () => rt?.dispose());

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function post(body: string, signature: string | null) {
  return rt.app.inject({
    method: 'POST',
    url: '/api/v1/credits/webhook',
    payload: body,
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-guichet-signature': signature } : {}) },
  });
}

describe('payment webhook', () => {
  it('grants credits once per event id; a replay grants nothing', async () => {
    const body = JSON.stringify({ eventId: 'evt_1', organizationId: customer.actor.organizationId, credits: 10, reference: 'INV-2027-001' });
    const first = await post(body, sign(body));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'granted', balance: 10 });
    const replay = await post(body, sign(body));
    expect(replay.json()).toMatchObject({ status: 'already_processed', balance: 10 });
    const ledger = (await rt.app.inject({ method: 'GET', url: `/api/v1/organizations/${customer.actor.organizationId}/credits`, headers: { authorization: `Bearer ${admin.token}` } })).json();
    expect(ledger.entries).toEqual([expect.objectContaining({ kind: 'payment', amount: 10, eventId: 'evt_1', reason: 'INV-2027-001' })]);
  });

  it('refuses a wrong or missing signature, and a body changed after signing', async () => {
    const body = JSON.stringify({ eventId: 'evt_2', organizationId: customer.actor.organizationId, credits: 1000 });
    expect((await post(body, null)).statusCode).toBe(401);
    expect((await post(body, sign(body, 'another-secret-of-16+'))).json().code).toBe('signature_invalid');
    const tampered = body.replace('1000', '9999');
    expect((await post(tampered, sign(body))).statusCode).toBe(401);
    // whitespace matters: the signature covers the raw bytes
    expect((await post(` ${body}`, sign(body))).statusCode).toBe(401);
  });

  it('validates a signed body and names the fields', async () => {
    const body = JSON.stringify({ eventId: '', organizationId: customer.actor.organizationId, credits: -3 });
    const res = await post(body, sign(body));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.credits', 'body.eventId']);
    const unknownOrg = JSON.stringify({ eventId: 'evt_3', organizationId: 'nope', credits: 3 });
    expect((await post(unknownOrg, sign(unknownOrg))).statusCode).toBe(422);
  });

  it('handles the same event delivered many times at once: one grant', async () => {
    const body = JSON.stringify({ eventId: 'evt_burst', organizationId: customer.actor.organizationId, credits: 2 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body, sign(body))));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(answers.filter((a) => a.json().status === 'granted')).toHaveLength(1);
    const entries = await rt.deps.db.selectFrom('creditEntries').selectAll().where('eventId', '=', 'evt_burst').execute();
    expect(entries).toHaveLength(1);
  });
});

describe('premium credits under concurrency', () => {
  it(`never go negative: 20 premium requests at once for 5 credits (${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, async () => {
    const buyer = await makeUser(rt.deps, { org: 'Rush Co' });
    const org = buyer.actor.organizationId!;
    await rt.app.inject({ method: 'POST', url: `/api/v1/organizations/${org}/credits`, headers: { authorization: `Bearer ${admin.token}` }, payload: { credits: 5, reason: 'test' } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => rt.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { authorization: `Bearer ${buyer.token}` }, payload: { subject: `Urgent ${i}`, body: 'now', premium: true } })),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.statusCode === 402)).toHaveLength(15);
    const entries = await rt.deps.db.selectFrom('creditEntries').select(['amount', 'balanceAfter']).where('organizationId', '=', org).execute();
    expect(entries.reduce((s, e) => s + Number(e.amount), 0)).toBe(0);
    expect(Math.min(...entries.map((e) => Number(e.balanceAfter)))).toBe(0);
    const balance = await rt.deps.db.selectFrom('creditBalances').select('balance').where('organizationId', '=', org).executeTakeFirstOrThrow();
    expect(Number(balance.balance)).toBe(0);
    const premium = await rt.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('organizationId', '=', org).where('premium', '=', 1).executeTakeFirstOrThrow();
    expect(Number(premium.n)).toBe(5);
  });
});

describe('webhook disabled', () => {
  it('answers 404 when no secret is set', async () => {
    const plain = await createTestRuntime();
    try {
      const res = await plain.app.inject({ method: 'POST', url: '/api/v1/credits/webhook', payload: '{}', headers: { 'content-type': 'application/json', 'x-guichet-signature': 'sha256=00' } });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toContain('not enabled');
    } finally {
      await plain.dispose();
    }
  });
});
