import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authPlugin } from '../../src/server/http/plugins/auth.js';
import { errorHandlerPlugin } from '../../src/server/http/plugins/error-handler.js';
import { eventRoutes } from '../../src/server/http/routes/events/index.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let base: string;
let customer: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let agent: TestUser;

/** An open SSE stream with the events it has received so far. */
interface Stream {
  events: Array<{ event: string; data: unknown }>;
  /** Resolves when an event matching `pred` has arrived (or rejects after `ms`). */
  waitFor(pred: (e: { event: string; data: unknown }) => boolean, ms?: number): Promise<void>;
  close(): void;
}

/** Opens a stream on a connection of its own (no pooled keep-alive socket outlives the test). */
function open(user: TestUser, at = base): Promise<Stream & { ended: Promise<void> }> {
  const events: Stream['events'] = [];
  const waiters: Array<() => void> = [];
  return new Promise((resolve, reject) => {
    let markEnded: () => void = () => {};
    const ended = new Promise<void>((r) => (markEnded = r));
    const req = http.get(`${at}/api/v1/events`, { agent: false, headers: { authorization: `Bearer ${user.token}` } }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/event-stream')) {
        res.resume();
        reject(new Error(`stream refused: ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      res.on('end', () => markEnded());
      res.on('close', () => markEnded());
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          for (const w of waiters.splice(0)) w();
        }
      });
      resolve({
        ended,
        events,
        close: () => req.destroy(),
        waitFor: (pred, ms = 5000) =>
          new Promise<void>((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events)}`)), ms);
            const check = () => {
              if (events.some(pred)) {
                clearTimeout(timer);
                done();
              } else waiters.push(check);
            };
            check();
          }),
      });
    });
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
  });
}

async function fileTicket(user: TestUser, subject: string): Promise<{ id: string }> {
  const res = await as(rt.app, user, { method: 'POST', url: '/api/v1/tickets', payload: { subject, body: 'Details.' } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const about = (ticketId: string, type?: string) => (e: { event: string; data: unknown }) =>
  e.event === 'ticket' && (e.data as { ticketId: string }).ticketId === ticketId && (type === undefined || (e.data as { type: string }).type === type);

beforeAll(async () => {
  rt = await createTestRuntime();
  customer = await makeUser(rt.deps, { org: 'Sharing Co' });
  colleague = await makeUser(rt.deps, { org: 'Sharing Co' });
  stranger = await makeUser(rt.deps, { org: 'Other Co' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  await rt.deps.db.updateTable('organizations').set({ sharesTickets: 1 }).where('name', '=', 'Sharing Co').execute();
  await rt.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(rt.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => rt?.dispose());

describe('GET /api/v1/events (Server-Sent Events)', () => {
  it('refuses anonymous callers with problem+json 401', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('unauthenticated');
  });

  it('tells agents of every change, internal notes included', async () => {
    const stream = await open(agent);
    await stream.waitFor((e) => e.event === 'ready');
    const t = await fileTicket(customer, 'Agent sees it');
    await stream.waitFor(about(t.id, 'created'));
    await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'note', internal: true } });
    await stream.waitFor(about(t.id, 'message_added'));
    stream.close();
  });

  it('tells customers of their tickets and their sharing organization, never of others or of internal notes', async () => {
    const mine = await open(customer);
    const theirs = await open(stranger);
    await mine.waitFor((e) => e.event === 'ready');
    await theirs.waitFor((e) => e.event === 'ready');
    const t = await fileTicket(colleague, 'Colleague files');
    await mine.waitFor(about(t.id, 'created'));

    await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.id}/messages`, payload: { body: 'secret', internal: true } });
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.id}`, payload: { priority: 'high' } });
    // The update was published after the note: once it has arrived, the note would have too.
    await mine.waitFor(about(t.id, 'updated'));
    expect(mine.events.filter(about(t.id, 'message_added'))).toEqual([]);

    const own = await fileTicket(stranger, 'Stranger files');
    await theirs.waitFor(about(own.id, 'created'));
    expect(theirs.events.filter(about(t.id))).toEqual([]);
    expect(mine.events.filter(about(own.id))).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('ends a stream once its session is revoked (checked at each heartbeat)', async () => {
    // The same route with a 50 ms heartbeat, on an app of its own.
    const app = Fastify().withTypeProvider();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(errorHandlerPlugin, { deps: rt.deps });
    await app.register(cookie);
    await app.register(authPlugin, { deps: rt.deps });
    await app.register(eventRoutes(rt.deps, 50), { prefix: '/api/v1' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const user = await makeUser(rt.deps);
      const stream = await open(user, `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      await stream.waitFor((e) => e.event === 'ready');
      let done = false;
      void stream.ended.then(() => (done = true));
      await new Promise((r) => setTimeout(r, 200));
      expect(done).toBe(false);
      expect((await as(rt.app, user, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
      await Promise.race([stream.ended, new Promise((_, fail) => setTimeout(() => fail(new Error('stream still open 3 s after logout')), 3000))]);
    } finally {
      await app.close();
    }
  });

  it('limits open streams per person', async () => {
    const user = await makeUser(rt.deps);
    const streams = await Promise.all(Array.from({ length: 8 }, () => open(user)));
    await Promise.all(streams.map((s) => s.waitFor((e) => e.event === 'ready')));
    const ninth = await fetch(`${base}/api/v1/events`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(ninth.status).toBe(429);
    expect((await ninth.json()).code).toBe('rate_limited');
    for (const s of streams) s.close();
    // A client that goes away frees its slot: a new stream opens once the server saw the closes.
    for (let tries = 0; ; tries++) {
      const again = await open(user).catch(() => null);
      if (again) {
        again.close();
        break;
      }
      expect(tries).toBeLessThan(20);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
