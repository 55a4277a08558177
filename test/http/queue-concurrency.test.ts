import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/server/services/tickets/create-ticket.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/** 1,000 tickets on PostgreSQL (the figure); fewer on SQLite, whose single writer serializes anyway. */
const TICKETS = TEST_DATABASE_URL ? 1000 : 200;
const AGENTS = 8;

let rt: TestRuntime;
let base: string;
let agents: TestUser[];

beforeAll(async () => {
  rt = await createTestRuntime();
  const customers = await Promise.all([0, 1, 2, 3].map((i) => makeUser(rt.deps, { org: `Org ${i}` })));
  agents = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await makeUser(rt.deps, { role: 'agent' }));
  const parallel = TEST_DATABASE_URL ? 8 : 1;
  for (let i = 0; i < TICKETS; i += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, TICKETS - i) }, (_, k) =>
        createTicket(rt.deps, { actor: customers[(i + k) % 4]!.actor, subject: `Request ${i + k}`, body: 'It fails.', defaultChannel: 'api' }),
      ),
    );
  }
  await rt.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(rt.app.server.address() as AddressInfo).port}`;
}, 300_000);
afterAll(async () => rt?.dispose());

async function drain(agent: TestUser): Promise<string[]> {
  const mine: string[] = [];
  for (;;) {
    const res = await fetch(`${base}/api/v1/queue/next`, { method: 'POST', headers: { authorization: `Bearer ${agent.token}` } });
    if (res.status !== 200) throw new Error(`queue/next answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { item: { ticket: { id: string; assigneeId: string } } | null };
    if (!body.item) return mine;
    expect(body.item.ticket.assigneeId).toBe(agent.id);
    mine.push(body.item.ticket.id);
  }
}

describe(`/queue/next: ${AGENTS} agents in parallel over HTTP on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it(`assigns each of ${TICKETS} tickets exactly once`, async () => {
    const taken = await Promise.all(agents.map(drain));
    const ids = taken.flat();
    expect(ids).toHaveLength(TICKETS);
    expect(new Set(ids).size).toBe(TICKETS);
    // several agents really worked at once
    expect(taken.filter((t) => t.length > 0).length).toBeGreaterThan(1);
    const rows = await rt.deps.db.selectFrom('tickets').select(['id', 'assigneeId']).execute();
    expect(rows.filter((r) => r.assigneeId === null)).toEqual([]);
    const owner = new Map(rows.map((r) => [r.id, r.assigneeId]));
    taken.forEach((list, i) => list.forEach((id) => expect(owner.get(id)).toBe(agents[i]!.id)));
    const history = await rt.deps.db.selectFrom('history').select(['ticketId']).where('action', '=', 'taken_from_queue').execute();
    expect(history).toHaveLength(TICKETS);
    expect(new Set(history.map((h) => h.ticketId)).size).toBe(TICKETS);
  }, 300_000);
});
