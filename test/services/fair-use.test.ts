import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { addMessage } from '../../src/server/services/tickets/add-message.js';
import { createTicket } from '../../src/server/services/tickets/create-ticket.js';
import { updateTicket } from '../../src/server/services/tickets/update-ticket.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let chatty: TestUser;
let calm: TestUser;
const clock = new ManualClock('2027-03-01T09:00:00Z');
const MINUTE = 60_000;

beforeAll(async () => {
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  chatty = await makeUser(rt.deps, { org: 'Chatty', language: 'es' });
  calm = await makeUser(rt.deps, { org: 'Calm' });
});
afterAll(async () => rt?.dispose());

async function runJobs(): Promise<void> {
  clock.advance(2 * MINUTE);
  await rt.runner.runOnce();
}

describe('fair use', () => {
  it('scores a customer from their messages after the debounce job runs, and tells them politely in their language', async () => {
    const t = await createTicket(rt.deps, { actor: chatty.actor, subject: 'Help', body: 'first', defaultChannel: 'api' });
    for (let i = 0; i < 19; i++) {
      clock.advance(MINUTE);
      await addMessage(rt.deps, { actor: chatty.actor, ticketId: t.id, body: `more ${i}`, defaultChannel: 'api' });
    }
    // one queued job per customer however many messages (uniqueKey)
    const queued = await rt.deps.db.selectFrom('jobs').select(['name']).where('state', '=', 'queued').where('uniqueKey', '=', `fair-use:user:${chatty.id}`).execute();
    expect(queued).toHaveLength(1);
    await runJobs();
    const view = await as(rt.app, agent, { method: 'GET', url: `/api/v1/fair-use/customers/${chatty.id}` });
    expect(view.json()).toMatchObject({ score: 17, threshold: 10, aboveThreshold: true, penaltyApplies: true, exempt: false });
    expect(view.json().factors.find((f: { name: string }) => f.name === 'messages_per_ticket')).toMatchObject({ value: 20, norm: 8, excess: 12, points: 12 });
    const notice = await as(rt.app, chatty, { method: 'GET', url: '/api/v1/me/fair-use' });
    expect(notice.json().penaltyApplies).toBe(true);
    expect(notice.json().notice).toContain('muchos mensajes en una misma solicitud y muchos mensajes en un mismo día.');
    const history = await rt.deps.db.selectFrom('history').selectAll().where('entityType', '=', 'fair_use').where('entityId', '=', chatty.id).execute();
    expect(history.map((h) => h.action)).toEqual(['above_threshold']);
    // the periodic sweep is now scheduled
    expect(await rt.deps.db.selectFrom('jobs').select('runAt').where('uniqueKey', '=', 'fair-use:sweep').where('state', '=', 'queued').executeTakeFirst()).toBeTruthy();
  });

  it('penalizes the customer’s new tickets only, and says so in the ticket history', async () => {
    const t = await createTicket(rt.deps, { actor: chatty.actor, subject: 'Again', body: 'x', defaultChannel: 'api' });
    expect(Number(t.fairUsePenalty)).toBe(1);
    const e = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/entitlement` })).json();
    expect(e.fairUse).toMatchObject({ penalty: 1, score: 17, threshold: 10, exempt: false });
    const forCustomer = (await as(rt.app, chatty, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json().items;
    expect(forCustomer.map((h: { action: string }) => h.action)).toContain('fair_use_penalty');
    const calmTicket = await createTicket(rt.deps, { actor: calm.actor, subject: 'Fine', body: 'x', defaultChannel: 'api' });
    expect(Number(calmTicket.fairUsePenalty)).toBe(0);
    expect((await as(rt.app, calm, { method: 'GET', url: '/api/v1/me/fair-use' })).json()).toMatchObject({ penaltyApplies: false, notice: null });
  });

  it('counts "steps not followed" marks and tickets answered by the documentation', async () => {
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push(await createTicket(rt.deps, { actor: calm.actor, subject: `Q${i}`, body: 'x', defaultChannel: 'api' }));
    const mark = await as(rt.app, agent, { method: 'PUT', url: `/api/v1/tickets/${tickets[0]!.id}/steps-not-followed`, payload: { note: 'Did not clear the cache as asked' } });
    expect(mark.json()).toEqual({ marked: true });
    expect((await as(rt.app, agent, { method: 'PUT', url: `/api/v1/tickets/${tickets[0]!.id}/steps-not-followed`, payload: {} })).json()).toEqual({ marked: true });
    expect((await as(rt.app, calm, { method: 'PUT', url: `/api/v1/tickets/${tickets[0]!.id}/steps-not-followed`, payload: {} })).statusCode).toBe(403);
    // the knowledge-base area sets answered_by_article_id; two of four tickets answered by the docs
    for (const t of tickets.slice(1)) {
      await rt.deps.db.updateTable('tickets').set({ answeredByArticleId: 'article-1' }).where('id', '=', t.id).execute();
      await updateTicket(rt.deps, { actor: agent.actor, ticketId: t.id, state: 'solved' });
    }
    await runJobs();
    const view = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/fair-use/customers/${calm.id}` })).json();
    const f = Object.fromEntries(view.factors.map((x: { name: string; points: number; value: number }) => [x.name, x]));
    expect(f.steps_not_followed).toMatchObject({ value: 1, points: 4 });
    expect(f.documentation).toMatchObject({ value: 0.5, excess: 0.64, points: 1.92 });
    expect(view.score).toBe(5.92);
    expect(view.aboveThreshold).toBe(false);
    const history = (await as(rt.app, calm, { method: 'GET', url: `/api/v1/tickets/${tickets[0]!.id}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toContain('steps_not_followed_marked');
    expect((await as(rt.app, agent, { method: 'DELETE', url: `/api/v1/tickets/${tickets[0]!.id}/steps-not-followed` })).json()).toEqual({ marked: false });
  });

  it('lets admins change the threshold, recorded in the history; the sweep applies it', async () => {
    const policy = (await as(rt.app, admin, { method: 'GET', url: '/api/v1/fair-use/policy' })).json();
    const res = await as(rt.app, admin, { method: 'PUT', url: '/api/v1/fair-use/policy', payload: { ...policy, threshold: 30 } });
    expect(res.statusCode).toBe(200);
    expect((await as(rt.app, agent, { method: 'PUT', url: '/api/v1/fair-use/policy', payload: { ...policy, threshold: 1 } })).statusCode).toBe(403);
    await rt.runner.runOnce();
    const view = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/fair-use/customers/${chatty.id}` })).json();
    expect(view).toMatchObject({ threshold: 30, aboveThreshold: false, penaltyApplies: false });
    const changes = await rt.deps.db.selectFrom('history').select(['action', 'entityId']).where((eb) => eb.or([eb('entityType', '=', 'setting'), eb('entityType', '=', 'fair_use')])).execute();
    expect(changes).toEqual(expect.arrayContaining([{ action: 'changed', entityId: 'fair_use' }, { action: 'below_threshold', entityId: chatty.id }]));
    // the sweep rescheduled itself an hour later
    const next = await rt.deps.db.selectFrom('jobs').select('runAt').where('uniqueKey', '=', 'fair-use:sweep').where('state', '=', 'queued').executeTakeFirstOrThrow();
    expect(new Date(next.runAt).getTime()).toBe(clock.now().getTime() + 60 * MINUTE);
  });

  it('forgets activity older than the window', async () => {
    const policy = (await as(rt.app, admin, { method: 'GET', url: '/api/v1/fair-use/policy' })).json() as Record<string, unknown>;
    await as(rt.app, admin, { method: 'PUT', url: '/api/v1/fair-use/policy', payload: { ...policy, threshold: 10 } });
    clock.advance(31 * 24 * 60 * MINUTE);
    const r = await as(rt.app, agent, { method: 'POST', url: `/api/v1/fair-use/customers/${chatty.id}/recompute` });
    expect(r.json()).toMatchObject({ score: 0, aboveThreshold: false });
  });
});
