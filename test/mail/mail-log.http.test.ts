import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMail } from '../../src/server/services/mail/ingest-mail.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { eml } from './support/fixtures.js';

let rt: TestRuntime;
let agent: TestUser;
let customer: TestUser;

beforeAll(async () => {
  rt = await createTestRuntime();
  agent = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps);
});
afterAll(async () => rt?.dispose());

describe('GET /api/v1/mail/log', () => {
  it('shows agents the rejected mails with the reason, and gives them the raw mail', async () => {
    const raw = eml('missing-from.eml');
    await ingestMail(rt.deps, raw);
    const created = await ingestMail(rt.deps, eml('new-fr.eml'));
    const res = await as(rt.app, agent, { method: 'GET', url: '/api/v1/mail/log?direction=in&action=rejected' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; reason: string; rawKept: boolean; messageIdHeader: string; sender: string | null }>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ reason: 'no_sender', rawKept: true, messageIdHeader: '<nofrom-001@unknown.example>', sender: null });
    const rawRes = await as(rt.app, agent, { method: 'GET', url: `/api/v1/mail/log/${items[0]!.id}/raw` });
    expect(rawRes.statusCode).toBe(200);
    expect(rawRes.headers['content-type']).toBe('message/rfc822');
    expect(rawRes.rawPayload.equals(raw)).toBe(true);
    const byTicket = await as(rt.app, agent, { method: 'GET', url: `/api/v1/mail/log?ticket=${created.ticket}` });
    expect(byTicket.json().items.map((i: { action: string; ticketNumber: string }) => [i.action, i.ticketNumber])).toContainEqual(['created', created.ticket]);
  });

  it('is in the OpenAPI document', async () => {
    const spec = (await rt.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/mail/log', '/api/v1/mail/log/{id}/raw']));
  });

  it('is for staff only', async () => {
    expect((await as(rt.app, customer, { method: 'GET', url: '/api/v1/mail/log' })).statusCode).toBe(403);
    expect((await as(rt.app, null, { method: 'GET', url: '/api/v1/mail/log' })).statusCode).toBe(401);
  });

  it('answers 404 once the raw mail is purged', async () => {
    const { purgeExpiredRawMail } = await import('../../src/server/services/mail/purge-raw-mail.js');
    const [entry] = (await as(rt.app, agent, { method: 'GET', url: '/api/v1/mail/log?action=rejected' })).json().items as Array<{ id: string }>;
    const clock = rt.deps.clock as unknown as { advance(ms: number): void };
    clock.advance(31 * 86_400_000);
    expect(await purgeExpiredRawMail(rt.deps)).toBeGreaterThanOrEqual(2);
    expect((await as(rt.app, agent, { method: 'GET', url: `/api/v1/mail/log/${entry!.id}/raw` })).statusCode).toBe(404);
    const after = (await as(rt.app, agent, { method: 'GET', url: '/api/v1/mail/log?action=rejected' })).json().items as Array<{ rawKept: boolean }>;
    expect(after[0]!.rawKept).toBe(false);
    const timer = await rt.deps.db.selectFrom('jobs').selectAll().where('name', '=', 'mail.purge-raw').where('state', '=', 'queued').execute();
    expect(timer).toHaveLength(1);
  });
});
