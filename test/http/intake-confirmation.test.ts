import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { PARIS } from '../fixtures/sla-calendars.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let clock: ManualClock;
let admin: TestUser;
let agent: TestUser;

type Msg = { id: string; kind: string; internal: boolean; author: unknown; bodyText: string };

async function thread(user: TestUser, id: string): Promise<Msg[]> {
  return (await as(rt.app, user, { method: 'GET', url: `/api/v1/tickets/${id}/messages` })).json().items;
}

async function mailJobs(messageId: string) {
  const rows = await rt.deps.db.selectFrom('jobs').select(['payload']).where('name', '=', 'mail.ticket-message').execute();
  return rows.map((r) => JSON.parse(r.payload)).filter((p: { messageId: string }) => p.messageId === messageId);
}

beforeAll(async () => {
  clock = new ManualClock('2027-05-03T08:00:00Z'); // Monday 10:00 in Paris
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  expect((await as(rt.app, admin, { method: 'POST', url: '/api/v1/calendars', payload: PARIS })).statusCode).toBe(201);
  const policy = await as(rt.app, admin, {
    method: 'POST',
    url: '/api/v1/sla-policies',
    payload: { name: 'Standard', isDefault: true, firstResponse: { kind: 'business_minutes', minutes: 240 }, resolution: { kind: 'business_day_hours', hours: 48 } },
  });
  expect(policy.statusCode).toBe(201);
});
afterAll(async () => rt?.dispose());

describe('acceptance confirmation', () => {
  it.each([
    ['fr', 'Europe/Paris', 'Votre demande', 'Résumé : Export en panne', 'lundi 3 mai 2027', '16:00'],
    ['es', 'Europe/Madrid', 'Hemos recibido su solicitud', 'Resumen: Export en panne', 'lunes, 3 de mayo de 2027', '16:00'],
    ['en', 'America/New_York', 'has been received', 'Summary: Export en panne', 'Monday, May 3, 2027', '10:00'],
    ['ru', 'Europe/Moscow', 'принято', 'Кратко: Export en panne', '3 мая 2027', '17:00'],
  ])('confirms in the requester’s language (%s) and time zone, with the number and the expected first response', async (language, timeZone, phrase, summary, day, time) => {
    const customer = await makeUser(rt.deps, { language });
    await rt.deps.db.updateTable('users').set({ timeZone }).where('id', '=', customer.id).execute();
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Export en panne', body: 'The export fails.' } });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    // The create answer carries the expected first-response time: 4 business hours from Monday 10:00 Paris.
    expect(t.sla.firstResponse.dueAt).toBe('2027-05-03T14:00:00.000Z');
    const messages = await thread(customer, t.id);
    const confirmations = messages.filter((m) => m.kind === 'system');
    expect(confirmations).toHaveLength(1);
    const c = confirmations[0]!;
    expect(c).toMatchObject({ internal: false, author: null });
    expect(c.bodyText).toContain(phrase);
    expect(c.bodyText).toContain(t.number);
    expect(c.bodyText).toContain(summary);
    expect(c.bodyText).toContain(day);
    expect(c.bodyText).toContain(time);
    expect(await mailJobs(c.id)).toEqual([{ messageId: c.id, automatic: true }]);
  });

  it('confirms requests logged by agents too, before asking for what is missing', async () => {
    const customer = await makeUser(rt.deps, { language: 'en' });
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Called', body: 'Phone call', requesterEmail: customer.email, channel: 'phone' } });
    expect(res.statusCode).toBe(201);
    // Incomplete by phone: waiting for the customer, so no clock runs against the agents.
    expect(res.json()).toMatchObject({ state: 'pending', pendingReason: 'waiting_for_customer', sla: { paused: true } });
    const system = (await thread(customer, res.json().id)).filter((m) => m.kind === 'system');
    expect(system.map((m) => m.bodyText.split('\n')[0])).toEqual([
      `Your request ${res.json().number} has been received.`,
      `We have received your request ${res.json().number}. To handle it we still need the following information:`,
    ]);
  });

  it('does not count the confirmation as a first response', async () => {
    const customer = await makeUser(rt.deps, { language: 'en' });
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Q', body: 'Question' } })).json();
    const again = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}` })).json();
    expect(again.sla.firstResponse.metAt).toBeNull();
    expect(again.sla.firstResponse.dueAt).not.toBeNull();
    expect(again.state).toBe('new');
  });
});
