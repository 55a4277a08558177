import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { as, makeUser, multipart, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let agent: TestUser;
let customer: TestUser;
let stranger: TestUser;
const clock = new ManualClock('2027-03-01T09:00:00Z');

beforeAll(async () => {
  rt = await createTestRuntime({ clock });
  agent = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps, { org: 'Merge Co' });
  stranger = await makeUser(rt.deps, { org: 'Other Co' });
});
afterAll(async () => rt?.dispose());

type Ticket = { id: string; number: string; state: string; closedAt: string | null };
type Message = { id: string; ticketId: string; kind: string; bodyText: string; createdAt: string; attachments: Array<{ url: string; filename: string }> };

async function file(subject: string, body: string): Promise<Ticket> {
  clock.advance(60_000);
  const res = await as(rt.app, customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject, body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function messages(ref: string): Promise<Message[]> {
  const res = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${ref}/messages` });
  expect(res.statusCode, res.body).toBe(200);
  // People's messages: Guichet's own acceptance confirmations (kind system) are left out.
  return (res.json().items as Message[]).filter((m) => m.kind !== 'system');
}

const merge = (user: TestUser, ref: string, intoTicketId: string) => as(rt.app, user, { method: 'POST', url: `/api/v1/tickets/${ref}/merge`, payload: { intoTicketId } });

describe('merging tickets', () => {
  it('moves the messages and files into the target, closes the source, and records both in the history', async () => {
    const target = await file('Export is empty', 'The FEC export is empty since 11.3.');
    const source = await file('Export still empty', 'Same problem: zanzibarquux export gives nothing.');
    clock.advance(60_000);
    const form = multipart({ body: 'Here is the log' }, [{ filename: 'export.log', contentType: 'text/plain', data: Buffer.from('0 lines') }]);
    expect((await as(rt.app, customer, { method: 'POST', url: `/api/v1/tickets/${source.id}/messages`, payload: form.payload, headers: form.headers })).statusCode).toBe(201);
    clock.advance(60_000);
    expect((await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${target.id}/messages`, payload: { body: 'We are looking into it.' } })).statusCode).toBe(201);

    clock.advance(60_000);
    const res = await merge(agent, source.number, target.number);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, number: target.number });

    const after = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${source.id}` })).json() as Ticket;
    expect(after.state).toBe('closed');
    expect(after.closedAt).toBe(clock.now().toISOString());
    expect(await messages(source.id)).toEqual([]);
    const thread = await messages(target.id);
    expect(thread.map((m) => m.bodyText)).toEqual(['The FEC export is empty since 11.3.', 'Same problem: zanzibarquux export gives nothing.', 'Here is the log', 'We are looking into it.']);
    expect(thread.every((m) => m.ticketId === target.id)).toBe(true);
    // The file moved with its message and the customer still downloads it from the target.
    const file1 = thread[2]!.attachments[0]!;
    expect(file1.filename).toBe('export.log');
    const download = await as(rt.app, customer, { method: 'GET', url: file1.url });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('0 lines');

    const history = async (ref: string) => (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${ref}/history` })).json().items as Array<{ action: string; field: string | null; after: unknown }>;
    expect((await history(source.id)).filter((h) => h.action === 'merged_into').map((h) => h.after)).toEqual([target.number]);
    expect((await history(source.id)).some((h) => h.field === 'state' && h.after === 'closed')).toBe(true);
    expect((await history(target.id)).filter((h) => h.action === 'merged_from').map((h) => h.after)).toEqual([{ number: source.number, messages: 3 }]) // its two messages and its confirmation;

    // The search index follows: the source's words now find the target.
    const found = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets?q=zanzibarquux` })).json().items as Ticket[];
    expect(found.map((t) => t.id)).toContain(target.id);
  });

  it('refuses customers, a merge into itself, closed tickets and unknown ones, changing nothing', async () => {
    const a = await file('A', 'first');
    const b = await file('B', 'second');
    expect((await merge(customer, a.id, b.id)).statusCode).toBe(403);
    expect((await merge(agent, a.id, a.number)).statusCode).toBe(400);
    expect((await merge(agent, a.id, 'GU-2027-999999')).statusCode).toBe(404);
    expect((await merge(stranger, a.id, b.id)).statusCode).toBe(403);
    expect(await messages(a.id)).toHaveLength(1);
    expect((await merge(agent, a.id, b.id)).statusCode).toBe(200);
    const again = await merge(agent, a.id, b.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    const c = await file('C', 'third');
    expect((await merge(agent, c.id, a.id)).statusCode).toBe(409);
    expect(await messages(c.id)).toHaveLength(1);
  });
});
