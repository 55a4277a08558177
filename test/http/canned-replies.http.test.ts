import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let colleague: TestUser;
let customer: TestUser;

beforeAll(async () => {
  rt = await createTestRuntime();
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  colleague = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps, {});
});
afterAll(async () => rt?.dispose());

type Reply = { id: string; language: string; title: string; body: string; createdBy: string | null };

async function create(user: TestUser, payload: Record<string, unknown>): Promise<Reply> {
  const res = await as(rt.app, user, { method: 'POST', url: '/api/v1/canned-replies', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function list(user: TestUser, query = ''): Promise<Reply[]> {
  const res = await as(rt.app, user, { method: 'GET', url: `/api/v1/canned-replies${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('canned replies', () => {
  it('agents write them per language and list them by language, then title', async () => {
    const fr = await create(agent, { language: 'fr', title: 'Demander le journal', body: 'Pouvez-vous nous envoyer le fichier export.log ?' });
    await create(agent, { language: 'fr', title: 'Accusé de réception', body: 'Nous avons bien reçu votre demande.' });
    await create(colleague, { language: 'ru', title: 'Запросить журнал', body: 'Пришлите, пожалуйста, файл export.log.' });
    expect(fr).toMatchObject({ language: 'fr', createdBy: agent.id });
    expect((await list(agent, '?language=fr')).map((r) => r.title)).toEqual(['Accusé de réception', 'Demander le journal']);
    expect((await list(colleague)).map((r) => r.language)).toEqual(['fr', 'fr', 'ru']);
    expect((await list(agent, '?language=es'))).toEqual([]);
  });

  it('refuses bad input and customers', async () => {
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/canned-replies', payload: { language: 'de', title: 't', body: 'b' } })).statusCode).toBe(400);
    expect((await as(rt.app, agent, { method: 'POST', url: '/api/v1/canned-replies', payload: { language: 'fr', title: ' ', body: 'b' } })).statusCode).toBe(400);
    expect((await as(rt.app, customer, { method: 'GET', url: '/api/v1/canned-replies' })).statusCode).toBe(403);
    expect((await as(rt.app, customer, { method: 'POST', url: '/api/v1/canned-replies', payload: { language: 'fr', title: 't', body: 'b' } })).statusCode).toBe(403);
  });

  it('the author or an admin changes and deletes one; other agents may not', async () => {
    const mine = await create(agent, { language: 'en', title: 'Ask for logs', body: 'Could you send export.log?' });
    const patch = (user: TestUser, payload: Record<string, unknown>) => as(rt.app, user, { method: 'PATCH', url: `/api/v1/canned-replies/${mine.id}`, payload });
    expect((await patch(colleague, { title: 'Mine now' })).statusCode).toBe(403);
    const changed = await patch(agent, { body: 'Could you send export.log and the version number?' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Ask for logs', body: 'Could you send export.log and the version number?' });
    expect((await patch(admin, { title: 'Ask for the log file' })).json().title).toBe('Ask for the log file');
    expect((await patch(agent, {})).statusCode).toBe(400);
    expect((await as(rt.app, colleague, { method: 'DELETE', url: `/api/v1/canned-replies/${mine.id}` })).statusCode).toBe(403);
    expect((await as(rt.app, agent, { method: 'DELETE', url: `/api/v1/canned-replies/${mine.id}` })).statusCode).toBe(204);
    expect((await list(agent, '?language=en')).map((r) => r.id)).not.toContain(mine.id);
    expect((await as(rt.app, admin, { method: 'DELETE', url: `/api/v1/canned-replies/${mine.id}` })).statusCode).toBe(404);
  });
});
