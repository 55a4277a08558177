import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, multipart, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;
let productId: string;

type Msg = { id: string; kind: string; bodyText: string; attachments: Array<{ id: string; url: string }> };
const thread = async (user: TestUser, id: string): Promise<Msg[]> => (await as(rt.app, user, { method: 'GET', url: `/api/v1/tickets/${id}/messages` })).json().items;
const history = async (id: string): Promise<Array<{ action: string; after: any }>> => (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${id}/history` })).json().items;

const request = { productId: 'WB', version: '28.0.1', frequency: 'always', criticality: 'minor', steps: 'Open, print', contactPhone: '+7 495 745 71 17' };

beforeAll(async () => {
  rt = await createTestRuntime();
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps, { org: 'Eiler', language: 'ru' });
  productId = (await as(rt.app, admin, { method: 'POST', url: '/api/v1/products', payload: { code: 'WB', name: 'WEBDEV' } })).json().id;
  await as(rt.app, admin, { method: 'POST', url: `/api/v1/products/${productId}/versions`, payload: { version: '28.0.1' } });
});
afterAll(async () => rt?.dispose());

describe('one question per request', () => {
  it('flags a request that asks several questions, and not one that asks one', async () => {
    const several = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Печать и лицензия', body: 'Как распечатать отчёт?\n\nДругой вопрос: почему не принимается лицензия?', request } });
    expect(several.statusCode).toBe(201);
    expect(several.json().request.oneQuestion).toBe(false);
    const one = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Печать', body: 'Как распечатать отчёт?', request } });
    expect(one.json().request.oneQuestion).toBe(true);
  });

  it('splits chosen messages and their attachments to a new ticket, with history on both and hooks for the new one', async () => {
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Печать', body: 'Как распечатать отчёт?', request } })).json();
    const form = multipart({ body: 'Ещё один вопрос: лицензия не принимается, скриншот во вложении.' }, [{ filename: 'licence.png', contentType: 'image/png', data: Buffer.from('png-bytes') }]);
    const second = await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: form.payload, headers: form.headers });
    expect(second.statusCode).toBe(201);
    const movedId = second.json().id as string;
    const before = await thread(agent, t.id);
    const attachmentId = before.find((m) => m.id === movedId)!.attachments[0]!.id;

    expect((await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${t.id}/split`, payload: { messageIds: [movedId] } })).statusCode).toBe(403);

    const res = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/split`, payload: { messageIds: [movedId], subject: 'Лицензия не принимается' } });
    expect(res.statusCode).toBe(201);
    const n = res.json().ticket;
    expect(n).toMatchObject({ subject: 'Лицензия не принимается', state: 'new', requester: { id: customer.id }, organizationId: t.organizationId, channel: t.channel });
    expect(n.number).not.toBe(t.number);
    expect(n.request).toMatchObject({ productId, oneQuestion: true });
    expect(n.request.fields.find((f: { key: string }) => f.key === 'description').value).toContain('лицензия не принимается');

    const moved = await thread(customer, n.id);
    expect(moved.map((m) => m.kind)).toEqual(['customer', 'system']); // the moved message, then the new ticket's confirmation
    expect(moved[0]!.id).toBe(movedId);
    expect(moved[0]!.attachments.map((a) => a.id)).toEqual([attachmentId]);
    expect(moved[1]!.bodyText).toContain(n.number);
    const file = await as(rt.app, customer, { method: 'GET', url: `/api/v1/attachments/${attachmentId}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString()).toBe('png-bytes');
    const row = await rt.deps.db.selectFrom('attachments').select('ticketId').where('id', '=', attachmentId).executeTakeFirstOrThrow();
    expect(row.ticketId).toBe(n.id);

    const left = await thread(agent, t.id);
    expect(left.map((m) => m.id)).not.toContain(movedId);
    expect(left.filter((m) => m.kind === 'customer')).toHaveLength(1);

    const h1 = await history(t.id);
    expect(h1.find((h) => h.action === 'split')?.after).toMatchObject({ ticketId: n.id, number: n.number, messageIds: [movedId] });
    const h2 = await history(n.id);
    expect(h2.find((h) => h.action === 'split_from')?.after).toMatchObject({ ticketId: t.id, number: t.number });

    // The search index follows: the moved text is found on the new ticket only.
    const found = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent('скриншот')}` })).json().items.map((x: { id: string }) => x.id);
    expect(found).toEqual([n.id]);
  });

  it('refuses to move every customer message, unknown messages, or no customer message (422), and changes nothing', async () => {
    const t = (await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Один', body: 'Вопрос?', request } })).json();
    const msgs = await thread(agent, t.id);
    const customerMsg = msgs.find((m) => m.kind === 'customer')!.id;
    const systemMsg = msgs.find((m) => m.kind === 'system')!.id;
    const all = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/split`, payload: { messageIds: [customerMsg] } });
    expect(all.statusCode).toBe(422);
    expect(all.json().detail).toContain('original request'); // in the agent's language
    const unknown = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/split`, payload: { messageIds: ['01900000-0000-7000-8000-000000000000'] } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('messageIds.0');
    const onlySystem = await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/split`, payload: { messageIds: [systemMsg] } });
    expect(onlySystem.statusCode).toBe(422);
    expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/split`, payload: { messageIds: [] } })).statusCode).toBe(400);
    expect((await thread(agent, t.id)).map((m) => m.id)).toEqual(msgs.map((m) => m.id));
  });
});
