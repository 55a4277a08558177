import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { addGroupMember, insertGroup } from '../../src/server/repositories/groups.repository.js';
import { makeCatalogue, makeContract, type Catalogue } from '../support/entitlement-fixtures.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let other: TestUser;
let contractCustomer: TestUser;
let standardCustomer: TestUser;
let noisy: TestUser;
let cat: Catalogue;
const clock = new ManualClock('2027-03-01T09:00:00Z');
const HOUR = 3600_000;

beforeAll(async () => {
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent', language: 'en' });
  other = await makeUser(rt.deps, { role: 'agent' });
  contractCustomer = await makeUser(rt.deps, { org: 'Contract Co' });
  standardCustomer = await makeUser(rt.deps, { org: 'Standard Co' });
  noisy = await makeUser(rt.deps, { org: 'Noisy Co' });
  cat = await makeCatalogue(rt.deps, admin);
  await makeContract(rt.deps, admin, 'C-1', 'support', contractCustomer.actor.organizationId!, '2027-01-01', '2027-12-31');
  expect(cat.atelier).toBeTruthy();
});
afterAll(async () => rt?.dispose());

async function file(user: TestUser, subject: string, extra: Record<string, unknown> = {}): Promise<string> {
  clock.advance(60_000);
  const res = await as(rt.app, user, { method: 'POST', url: '/api/v1/tickets', payload: { subject, body: 'b', ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function queue(user: TestUser, query = ''): Promise<{ items: Array<{ position: number; ticket: { id: string; subject: string }; reasons: Array<{ kind: string; text: string; factors?: unknown[] }> }>; nextCursor: string | null }> {
  const res = await as(rt.app, user, { method: 'GET', url: `/api/v1/queue${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the ranked queue', () => {
  it('orders by tier, then fair-use penalty, then SLA due time, then arrival, with reasons', async () => {
    await file(standardCustomer, 'standard early');
    await file(noisy, 'noisy before the penalty');
    // noisy goes above the fair-use threshold: their next tickets rank after others of their tier
    await rt.deps.db.insertInto('fairUseCustomers').values({
      userId: noisy.id, score: 17, penalized: 1, exempt: 0, exemptReason: null, computedAt: clock.now().toISOString(), updatedAt: clock.now().toISOString(),
      factors: JSON.stringify({ threshold: 10, factors: [{ name: 'messages_per_ticket', value: 20, norm: 8, excess: 12, weight: 1, points: 12 }, { name: 'messages_per_day', value: 20, norm: 15, excess: 5, weight: 1, points: 5 }] }),
    }).execute();
    const penalized = await file(noisy, 'noisy penalized');
    await file(contractCustomer, 'contract');
    await file(standardCustomer, 'standard late');
    const dated = await file(standardCustomer, 'standard with a due time');
    // the SLA area fills due times; the queue hook reads them on the next change
    await rt.deps.db.updateTable('tickets').set({ firstResponseDueAt: new Date(clock.now().getTime() + 4 * HOUR).toISOString() }).where('id', '=', dated).execute();
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${dated}`, payload: { priority: 'high' } });
    await rt.deps.db.insertInto('creditBalances').values({ organizationId: standardCustomer.actor.organizationId!, balance: 1, updatedAt: clock.now().toISOString() }).execute();
    await file(standardCustomer, 'premium last', { premium: true });

    const q = await queue(agent, '?scope=all');
    expect(q.items.map((i) => i.ticket.subject)).toEqual(['premium last', 'contract', 'standard with a due time', 'standard early', 'noisy before the penalty', 'standard late', 'noisy penalized']);
    expect(q.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const first = q.items[0]!.reasons;
    expect(first.map((r) => r.kind)).toEqual(['tier', 'fair_use', 'no_due', 'arrival']);
    expect(first[0]!.text).toBe('Tier: premium request (rank 1 of 4).');
    const pen = q.items.find((i) => i.ticket.id === penalized)!.reasons.find((r) => r.kind === 'fair_use')!;
    expect(pen.text).toContain('score was 17, above the threshold 10');
    expect(pen.factors).toHaveLength(2);
    expect(JSON.stringify(pen.factors)).toContain('Messages on one request: up to 20 (norm 8); 12 beyond the norm × 1 = 12 points.');
    const due = q.items[2]!.reasons[2]!;
    expect(due).toMatchObject({ kind: 'due', target: 'first_response' });
  });

  it('breaching soon: dueWithin keeps the tickets with a target due within that many minutes, in queue order', async () => {
    expect((await queue(agent, '?scope=all&dueWithin=300')).items.map((i) => i.ticket.subject)).toEqual(['standard with a due time']);
    expect((await queue(agent, '?scope=all&dueWithin=60')).items).toEqual([]);
    clock.advance(3.5 * HOUR);
    expect((await queue(agent, '?scope=all&dueWithin=60')).items.map((i) => i.ticket.subject)).toEqual(['standard with a due time']);
    clock.advance(-3.5 * HOUR);
    expect((await as(rt.app, agent, { method: 'GET', url: '/api/v1/queue?dueWithin=0' })).statusCode).toBe(400);
  });

  it('pages with a cursor and keeps absolute positions', async () => {
    const all = await queue(agent, '?scope=all');
    const first = await queue(agent, '?scope=all&limit=3');
    expect(first.items).toHaveLength(3);
    const second = await queue(agent, `?scope=all&limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.position)).toEqual([4, 5, 6]);
    expect([...first.items, ...second.items].map((i) => i.ticket.id)).toEqual(all.items.slice(0, 6).map((i) => i.ticket.id));
    expect((await as(rt.app, agent, { method: 'GET', url: '/api/v1/queue?cursor=nonsense' })).statusCode).toBe(400);
  });

  it('filters: unassigned, mine, one group; my groups include tickets no group holds', async () => {
    const total = (await queue(agent, '?scope=all')).items.length;
    const groupId = '01900000-0000-7000-8000-00000000aaaa';
    await insertGroup(rt.deps.db, { id: groupId, name: 'Russia', createdAt: clock.now().toISOString() });
    await addGroupMember(rt.deps.db, groupId, other.id);
    const inGroup = await file(standardCustomer, 'for the Russia group');
    await as(rt.app, admin, { method: 'PATCH', url: `/api/v1/tickets/${inGroup}`, payload: { groupId } });
    expect((await queue(agent)).items.map((i) => i.ticket.id)).not.toContain(inGroup);
    expect((await queue(other)).items.map((i) => i.ticket.id)).toContain(inGroup);
    expect((await queue(agent, `?group=${groupId}`)).items.map((i) => i.ticket.id)).toEqual([inGroup]);
    const taken = await as(rt.app, agent, { method: 'POST', url: '/api/v1/queue/next' });
    expect(taken.statusCode).toBe(200);
    expect(taken.json().item.ticket.subject).toBe('premium last');
    expect(taken.json().item.ticket.assigneeId).toBe(agent.id);
    expect((await queue(agent, '?assignee=me')).items.map((i) => i.ticket.subject)).toEqual(['premium last']);
    expect((await queue(agent, '?scope=all&assignee=none')).items).toHaveLength(total);
    expect((await as(rt.app, standardCustomer, { method: 'GET', url: '/api/v1/queue' })).statusCode).toBe(403);
  });

  it('leaves the queue when pending or solved, comes back when reopened', async () => {
    const id = await file(standardCustomer, 'goes pending');
    const inQueue = async () => (await queue(agent, '?scope=all&limit=100')).items.some((i) => i.ticket.id === id);
    expect(await inQueue()).toBe(true);
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { state: 'pending', pendingReason: 'waiting_for_customer' } });
    expect(await inQueue()).toBe(false);
    await as(rt.app, standardCustomer, { method: 'POST', url: `/api/v1/tickets/${id}/messages`, payload: { body: 'here is the log' } });
    expect(await inQueue()).toBe(true);
  });

  it('exempting a customer lifts the penalty from their open tickets, in the history', async () => {
    const before = await queue(agent, '?scope=all&limit=100');
    const penalizedId = before.items.find((i) => i.ticket.subject === 'noisy penalized')!.ticket.id;
    const res = await as(rt.app, admin, { method: 'PUT', url: `/api/v1/fair-use/customers/${noisy.id}/exemption`, payload: { exempt: true, reason: 'Key account during migration' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ exempt: true, penaltyApplies: false, aboveThreshold: true });
    const after = await queue(agent, '?scope=all&limit=100');
    const pos = (list: typeof after, subject: string) => list.items.findIndex((i) => i.ticket.subject === subject);
    expect(pos(after, 'noisy penalized')).toBeLessThan(pos(after, 'standard late'));
    const history = (await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets/${penalizedId}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['fair_use_penalty', 'fair_use_exempted']));
    const newOne = await file(noisy, 'noisy while exempt');
    expect((await queue(agent, '?scope=all&limit=100')).items.find((i) => i.ticket.id === newOne)!.reasons[1]!.text).toBe('No fair-use penalty.');
  });
});

describe('/queue/next on SQLite or PostgreSQL, a few agents at once', () => {
  it('never gives one ticket to two agents', async () => {
    const agents = await Promise.all([1, 2, 3, 4].map(() => makeUser(rt.deps, { role: 'agent' })));
    for (let i = 0; i < 40; i++) await file(standardCustomer, `burst ${i}`);
    // the new agents are in no group: they take tickets no group holds
    const waiting = (await queue(agent, '?scope=all&assignee=none&limit=100')).items.filter((i) => (i.ticket as { groupId?: string | null }).groupId === null).length;
    expect(waiting).toBeGreaterThanOrEqual(40);
    const got: string[][] = await Promise.all(
      agents.map(async (a) => {
        const mine: string[] = [];
        for (;;) {
          const r = await as(rt.app, a, { method: 'POST', url: '/api/v1/queue/next' });
          const item = r.json().item;
          if (!item) return mine;
          mine.push(item.ticket.id);
        }
      }),
    );
    const ids = got.flat();
    expect(ids.length).toBe(waiting);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await queue(agents[0]!, '?assignee=none')).items).toHaveLength(0);
  });
});
