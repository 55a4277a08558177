import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopenAsNotSatisfied } from '../../src/server/services/intake/reopen.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let customer: TestUser;
let other: TestUser;
let agent: TestUser;

beforeAll(async () => {
  rt = await createTestRuntime();
  customer = await makeUser(rt.deps, { org: 'Acme', language: 'fr' });
  other = await makeUser(rt.deps, { org: 'Globex' });
  agent = await makeUser(rt.deps, { role: 'agent' });
});
afterAll(async () => rt?.dispose());

/** A ticket answered by the agent and solved. */
async function solvedTicket(): Promise<string> {
  const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Export fails', body: 'The export to CSV fails.' } })).json();
  expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'First try: clear the cache.' } })).statusCode).toBe(201);
  expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'Known bug 77', internal: true } })).statusCode).toBe(201);
  expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'Install update 28.0.5.' } })).statusCode).toBe(201);
  expect((await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { state: 'solved' } })).statusCode).toBe(200);
  return t.id as string;
}

describe('not satisfied: reopen with a comment', () => {
  it('answers 404 for the context of a ticket never reopened', async () => {
    const id = await solvedTicket();
    const res = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${id}/reopen-context` });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('reopens a solved ticket, counts it, and shows question, last answer and comment together', async () => {
    const id = await solvedTicket();
    const res = await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${id}/reopen`, payload: { comment: 'The update did not help, still failing.' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'open', reopenCount: 1, solvedAt: null });

    const ctx = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${id}/reopen-context` });
    expect(ctx.statusCode).toBe(200);
    const c = ctx.json();
    expect(c.question.bodyText).toBe('The export to CSV fails.');
    expect(c.lastAnswer.bodyText).toBe('Install update 28.0.5.');
    expect(c.comment).toMatchObject({ kind: 'customer', bodyText: 'The update did not help, still failing.', author: { id: customer.id } });

    const customerView = await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${id}/reopen-context` });
    expect(customerView.statusCode).toBe(200);

    const history = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${id}/history` })).json().items as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['reopened', 'not_satisfied']));

    // Solved again and reopened again: the count keeps rising and the context follows the latest.
    await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${id}/messages`, payload: { body: 'Patch 28.0.6 fixes it.' } });
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { state: 'solved' } });
    const again = await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${id}/reopen`, payload: { comment: 'Still no.' } });
    expect(again.json().reopenCount).toBe(2);
    const c2 = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${id}/reopen-context` })).json();
    expect(c2.lastAnswer.bodyText).toBe('Patch 28.0.6 fixes it.');
    expect(c2.comment.bodyText).toBe('Still no.');
    expect(c2.question.bodyText).toBe('The export to CSV fails.');
  });

  it('refuses a ticket that is not solved (409, translated), an empty comment (400) and strangers (404)', async () => {
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Open one', body: 'Still open.' } })).json();
    const notSolved = await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/reopen`, payload: { comment: 'x' } });
    expect(notSolved.statusCode).toBe(409);
    expect(notSolved.json()).toMatchObject({ code: 'illegal_transition' });
    expect(notSolved.json().detail).toContain('résolue');
    const id = await solvedTicket();
    expect((await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${id}/reopen`, payload: { comment: '   ' } })).statusCode).toBe(400);
    expect((await as(rt.app, other, { method: 'POST', url: `/api/v1/tickets/${id}/reopen`, payload: { comment: 'mine?' } })).statusCode).toBe(404);
    expect((await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${id}/reopen`, payload: { comment: 'by phone', channel: 'phone' } })).statusCode).toBe(403);
    const count = await rt.deps.db.selectFrom('ticketReopens').select((eb) => eb.fn.countAll<number>().as('n')).where('ticketId', '=', id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lets an agent reopen a closed ticket for the customer who phoned, and the service is callable by the mail area', async () => {
    const id = await solvedTicket();
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { state: 'closed' } });
    const res = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${id}/reopen`, payload: { comment: 'Customer called: still broken.', channel: 'phone' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'open', reopenCount: 1, closedAt: null });
    const ctx = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${id}/reopen-context` })).json();
    expect(ctx.comment).toMatchObject({ channel: 'phone', author: { id: customer.id } });

    const viaMail = await solvedTicket();
    const row = await reopenAsNotSatisfied(rt.deps, { actor: customer.actor, ticketId: viaMail, comment: 'Replying to the e-mail: not fixed.', channel: 'email' });
    expect(row.state).toBe('open');
    expect(Number(row.reopenCount)).toBe(1);
  });
});
