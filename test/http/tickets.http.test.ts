import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, multipart, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let customer: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let agent: TestUser;

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

async function count(table: 'tickets' | 'messages' | 'attachments'): Promise<number> {
  const r = await rt.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  rt = await createTestRuntime();
  customer = await makeUser(rt.deps, { org: 'Acme' });
  colleague = await makeUser(rt.deps, { org: 'Acme' });
  stranger = await makeUser(rt.deps, { org: 'Globex' });
  agent = await makeUser(rt.deps, { role: 'agent' });
});
afterAll(async () => rt?.dispose());

async function fileTicket(user: TestUser = customer, subject = 'Crash on start'): Promise<{ id: string; number: string }> {
  const res = await as(rt.app, user, { method: 'POST', url: '/api/v1/tickets', payload: { subject, body: 'It crashes.\n\nSteps: open the app.' } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('tickets over HTTP', () => {
  it('files a ticket with a quotable number, in state new', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Licence refused', body: 'My licence is refused.' } });
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t.number).toMatch(/^GU-2027-\d{6}$/);
    expect(t).toMatchObject({ state: 'new', subject: 'Licence refused', channel: 'api', requester: { id: customer.id } });
    const byNumber = await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.number}` });
    expect(byNumber.json().id).toBe(t.id);
  });

  it('numbers tickets in sequence', async () => {
    const a = await fileTicket();
    const b = await fileTicket();
    expect(Number(b.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1);
  });

  it('lets an agent reply and add an internal note; the customer never sees the note', async () => {
    const t = await fileTicket();
    const reply = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'Please clear the cache.' } });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().ticket.state).toBe('open');
    const note = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'Known bug 4821', internal: true } });
    expect(note.statusCode).toBe(201);

    const forAgent = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items;
    expect(forAgent.map((m: { kind: string }) => m.kind)).toEqual(['customer', 'system', 'reply', 'note']); // system: the acceptance confirmation
    const forCustomer = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items;
    expect(forCustomer.map((m: { kind: string }) => m.kind)).toEqual(['customer', 'system', 'reply']);
    expect(JSON.stringify(forCustomer)).not.toContain('4821');

    const historyCustomer = JSON.stringify((await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json());
    expect(historyCustomer).not.toContain('"note"');
    const historyAgent = JSON.stringify((await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json());
    expect(historyAgent).toContain('"note"');
  });

  it('refuses internal notes from customers', async () => {
    const t = await fileTicket();
    const res = await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'x', internal: true } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('stores a 1 MB attachment and gives it back byte for byte', async () => {
    const t = await fileTicket();
    const data = Buffer.alloc(1024 * 1024, 7);
    data.write('%PDF-1.7', 0);
    const form = multipart({ body: 'Here is the log' }, [{ filename: 'dump é.pdf', contentType: 'application/pdf', data }]);
    const res = await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(201);
    const messages = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items;
    const att = messages.at(-1).attachments[0];
    expect(att).toMatchObject({ filename: 'dump é.pdf', contentType: 'application/pdf', size: data.length });
    const file = await as(rt.app, customer, { method: 'GET', url: att.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''dump%20%C3%A9.pdf");
    expect(file.rawPayload.equals(data)).toBe(true);
  });

  it('refuses a 10 MB attachment with 413 naming the file, and stores nothing of the request', async () => {
    const blobs = path.join(rt.config.dataDir, 'blobs');
    const before = { tickets: await count('tickets'), messages: await count('messages'), attachments: await count('attachments'), files: countFiles(blobs) };
    const form = multipart({ subject: 'Big file', body: 'See attached' }, [
      { filename: 'small.txt', contentType: 'text/plain', data: Buffer.from('hello') },
      { filename: 'huge-capture.mp4', contentType: 'video/mp4', data: Buffer.alloc(10 * 1024 * 1024, 1) },
    ]);
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'attachment_too_large', status: 413 });
    expect(res.json().detail).toContain('huge-capture.mp4');
    expect({ tickets: await count('tickets'), messages: await count('messages'), attachments: await count('attachments'), files: countFiles(blobs) }).toEqual(before);
  });

  it('hides other organizations’ tickets and attachments behind 404', async () => {
    const t = await fileTicket();
    const form = multipart({ body: 'screenshot' }, [{ filename: 'a.png', contentType: 'image/png', data: Buffer.from('png') }]);
    await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: form.payload, headers: form.headers });
    const att = (await as(rt.app, customer, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items.at(-1).attachments[0];

    for (const url of [`/api/v1/tickets/${t.id}`, `/api/v1/tickets/${t.number}`, `/api/v1/tickets/${t.id}/messages`, `/api/v1/tickets/${t.id}/history`, att.url]) {
      const res = await as(rt.app, stranger, { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const post = await as(rt.app, stranger, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'hi' } });
    expect(post.statusCode).toBe(404);
    const list = (await as(rt.app, stranger, { method: 'GET', url: '/api/v1/tickets' })).json().items;
    expect(list.find((x: { id: string }) => x.id === t.id)).toBeUndefined();
  });

  it('hides attachments of internal notes from customers', async () => {
    const t = await fileTicket();
    const form = multipart({ body: 'internal trace', internal: 'true' }, [{ filename: 'trace.txt', contentType: 'text/plain', data: Buffer.from('secret') }]);
    const res = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: form.payload, headers: form.headers });
    expect(res.statusCode).toBe(201);
    const att = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/messages` })).json().items.at(-1).attachments[0];
    expect((await as(rt.app, agent, { method: 'GET', url: att.url })).statusCode).toBe(200);
    expect((await as(rt.app, customer, { method: 'GET', url: att.url })).statusCode).toBe(404);
  });

  it('shares tickets within an organization only when it says so', async () => {
    const t = await fileTicket(customer);
    expect((await as(rt.app, colleague, { method: 'GET', url: `/api/v1/tickets/${t.id}` })).statusCode).toBe(404);
    await rt.deps.db.updateTable('organizations').set({ sharesTickets: 1 }).where('id', '=', customer.actor.organizationId!).execute();
    expect((await as(rt.app, colleague, { method: 'GET', url: `/api/v1/tickets/${t.id}` })).statusCode).toBe(200);
    // a colleague may read but not close someone else's request
    const close = await as(rt.app, colleague, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { state: 'solved' } });
    expect(close.statusCode).toBe(403);
    await rt.deps.db.updateTable('organizations').set({ sharesTickets: 0 }).where('id', '=', customer.actor.organizationId!).execute();
  });

  it('refuses priority and assignment changes from customers with 403', async () => {
    const t = await fileTicket();
    for (const payload of [{ priority: 'urgent' }, { assigneeId: agent.id }]) {
      const res = await as(rt.app, customer, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload });
      expect(res.statusCode).toBe(403);
    }
    const filed = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 's', body: 'b', priority: 'urgent' } });
    expect(filed.statusCode).toBe(403);
  });

  it('moves through the lifecycle and refuses illegal transitions with 409', async () => {
    const t = await fileTicket();
    const patch = (payload: object, user: TestUser = agent) => as(rt.app, user, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload });
    expect((await patch({ state: 'closed' })).statusCode).toBe(409);
    const noReason = await patch({ state: 'pending' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('pending_reason_required');
    expect((await patch({ state: 'pending', pendingReason: 'waiting_for_customer' })).json()).toMatchObject({ state: 'pending', pendingReason: 'waiting_for_customer' });
    // the customer's answer brings it back to open
    await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'Here is the version: 28.0.412' } });
    expect((await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}` })).json().state).toBe('open');
    expect((await patch({ state: 'solved' })).json()).toMatchObject({ state: 'solved' });
    const reopened = await patch({ state: 'open' }, customer);
    expect(reopened.json()).toMatchObject({ state: 'open', reopenCount: 1 });
    await patch({ state: 'solved' });
    const closed = await patch({ state: 'closed' });
    expect(closed.json().state).toBe('closed');
    expect(closed.json().closedAt).not.toBeNull();
    const illegal = await patch({ state: 'solved' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'illegal_transition' });
    expect(illegal.json().detail).toContain('closed');
    const history = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json().items;
    expect(history.filter((h: { field: string }) => h.field === 'state').map((h: { after: string }) => h.after)).toEqual(['pending', 'open', 'solved', 'open', 'solved', 'closed']);
  });

  it('assigns to agents only, and records who changed what', async () => {
    const t = await fileTicket();
    expect((await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { assigneeId: customer.id } })).statusCode).toBe(422);
    const ok = await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { assigneeId: agent.id, priority: 'high' } });
    expect(ok.json()).toMatchObject({ assigneeId: agent.id, priority: 'high' });
    const history = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${t.id}/history` })).json().items;
    expect(history).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'assigneeId', before: null, after: agent.id, actor: expect.objectContaining({ id: agent.id }) })]),
    );
    const mine = (await as(rt.app, agent, { method: 'GET', url: '/api/v1/tickets?assignee=me' })).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(t.id);
  });

  it('lets an agent file on behalf of a customer by phone, creating the customer when unknown', async () => {
    const res = await as(rt.app, agent, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Called about invoices', body: 'Customer called', requesterEmail: 'New.Caller@Example.org', channel: 'phone', language: 'fr' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'phone', language: 'fr', requester: { email: 'new.caller@example.org' } });
    const byCustomer = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 's', body: 'b', requesterEmail: 'x@example.org' } });
    expect(byCustomer.statusCode).toBe(403);
  });

  it('pages through tickets newest first with a cursor', async () => {
    const me = await makeUser(rt.deps, { org: 'Paging' });
    for (let i = 0; i < 5; i++) await fileTicket(me, `t${i}`);
    const first = (await as(rt.app, me, { method: 'GET', url: '/api/v1/tickets?limit=2' })).json();
    expect(first.items.map((x: { subject: string }) => x.subject)).toEqual(['t4', 't3']);
    const second = (await as(rt.app, me, { method: 'GET', url: `/api/v1/tickets?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((x: { subject: string }) => x.subject)).toEqual(['t2', 't1']);
    const third = (await as(rt.app, me, { method: 'GET', url: `/api/v1/tickets?limit=2&cursor=${second.nextCursor}` })).json();
    expect(third).toMatchObject({ nextCursor: null });
    expect(third.items).toHaveLength(1);
    const bad = await as(rt.app, me, { method: 'GET', url: '/api/v1/tickets?cursor=garbage' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('errors', () => {
  it('answers invalid input with 400 and the fields', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: '', body: 42 } });
    expect(res.statusCode).toBe(400);
    const p = res.json();
    expect(p).toMatchObject({ status: 400, code: 'validation_failed', type: expect.stringContaining('validation-failed') });
    expect(p.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.body', 'body.subject']);
    expect(JSON.stringify(p)).not.toMatch(/at .*\.ts/);
  });

  it('answers 401 without credentials and with a bad token', async () => {
    expect((await rt.app.inject({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(401);
    const bad = await rt.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('unauthenticated');
  });

  it('answers 415 for an unsupported body type', async () => {
    const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: 'subject=x', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('answers unknown routes with a problem in the user’s language', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/v1/nothing', headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toBe('Не найдено');
  });

  it('translates errors in the user’s language', async () => {
    const fr = await makeUser(rt.deps, { language: 'fr' });
    const res = await as(rt.app, fr, { method: 'GET', url: '/api/v1/tickets/GU-2020-999999' });
    expect(res.json()).toMatchObject({ status: 404, title: 'Introuvable' });
  });

  it('serves OpenAPI 3.1 and the docs UI', async () => {
    const spec = (await rt.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}/messages', '/api/v1/auth/login']));
    expect((await rt.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
    expect((await rt.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
  });
});
