import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let marie: TestUser;
let paul: TestUser;
let stranger: TestUser;
let agent: TestUser;
const t: Record<string, { id: string; number: string }> = {};

async function file(user: TestUser, subject: string, body: string, language = 'fr'): Promise<{ id: string; number: string }> {
  const res = await as(rt.app, user, { method: 'POST', url: '/api/v1/tickets', payload: { subject, body, language } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function search(user: TestUser, q: string): Promise<string[]> {
  const res = await as(rt.app, user, { method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent(q)}&limit=100` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id);
}

beforeAll(async () => {
  rt = await createTestRuntime();
  marie = await makeUser(rt.deps, { org: 'Durand', email: 'marie.durand@durand.example' });
  paul = await makeUser(rt.deps, { org: 'Durand' });
  stranger = await makeUser(rt.deps, { org: 'Other' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  t.licence = await file(marie, 'Licence refusée au démarrage', "Le logiciel refuse ma licence depuis ce matin.");
  t.pdf = await file(marie, 'Export PDF', 'Les factures exportées ont le pied de page coupé.');
  t.crash = await file(stranger, 'Crash when opening projects', 'Atelier Studio crashes every time.', 'en');
  await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.pdf.id}/messages`, payload: { body: 'Bug connu 4821, corrigé en 11.2.3 (chantier Orion).', internal: true } });
  await as(rt.app, agent, { method: 'POST', url: `/api/v1/tickets/${t.pdf.id}/messages`, payload: { body: 'Réduisez la marge basse à 12 mm.' } });
});
afterAll(async () => rt?.dispose());

describe('ticket full-text search', () => {
  it('finds by subject words, stemmed and accent-insensitive', async () => {
    expect(await search(agent, 'licences refusees')).toEqual([t.licence!.id]);
    expect(await search(agent, 'crash projects')).toEqual([t.crash!.id]);
  });

  it('finds by message text, by ticket number and by requester name or e-mail', async () => {
    expect(await search(agent, 'marge basse')).toEqual([t.pdf!.id]);
    expect(await search(agent, t.licence!.number)).toEqual([t.licence!.id]);
    expect(await search(agent, 'marie.durand@durand.example')).toEqual(expect.arrayContaining([t.licence!.id, t.pdf!.id]));
    expect((await search(agent, 'marie.durand@durand.example')).length).toBe(2);
  });

  it('requires every word and matches the beginning of words', async () => {
    expect(await search(agent, 'factures coupé')).toEqual([t.pdf!.id]);
    expect(await search(agent, 'factures crash')).toEqual([]);
    expect(await search(agent, 'démar')).toEqual([t.licence!.id]);
  });

  it('lets agents search internal notes', async () => {
    expect(await search(agent, 'Orion')).toEqual([t.pdf!.id]);
    expect(await search(agent, '4821 pied')).toEqual([t.pdf!.id]);
  });

  it('never matches, for a customer, text that is only in an internal note', async () => {
    expect(await search(marie, 'Orion')).toEqual([]);
    expect(await search(marie, '4821')).toEqual([]);
    expect(await search(marie, 'pied Orion')).toEqual([]);
    expect(await search(marie, 'pied de page')).toEqual([t.pdf!.id]);
    expect(await search(marie, 'marge')).toEqual([t.pdf!.id]);
  });

  it('keeps customers to the tickets they may see', async () => {
    expect(await search(stranger, 'licence')).toEqual([]);
    expect(await search(paul, 'licence')).toEqual([]);
    expect(await search(stranger, 'crash')).toEqual([t.crash!.id]);
  });

  it('follows subject changes and new messages', async () => {
    await as(rt.app, agent, { method: 'PATCH', url: `/api/v1/tickets/${t.crash!.id}`, payload: { subject: 'Startup failure of Atelier Studio' } });
    expect(await search(agent, 'startup failure')).toEqual([t.crash!.id]);
    expect(await search(agent, 'opening projects')).toEqual([]);
    await as(rt.app, stranger, { method: 'POST', url: `/api/v1/tickets/${t.crash!.id}/messages`, payload: { body: 'Here is the dump.log from Zanzibar.' } });
    expect(await search(stranger, 'zanzibar')).toEqual([t.crash!.id]);
  });

  it.each(['"', '*', 'NEAR(a b)', ':', '?!', "'; drop table tickets; --", 'a'.repeat(500)])('answers %s sensibly', async (q) => {
    const res = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
  });

  it('combines with the other filters and pagination', async () => {
    const res = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent('marie.durand@durand.example')}&limit=1` });
    expect(res.json().items).toHaveLength(1);
    const next = await as(rt.app, agent, { method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent('marie.durand@durand.example')}&limit=1&cursor=${res.json().nextCursor}` });
    expect(next.json().items).toHaveLength(1);
    expect(next.json().items[0].id).not.toBe(res.json().items[0].id);
    expect((await as(rt.app, agent, { method: 'GET', url: '/api/v1/tickets?q=licence&state=solved' })).json().items).toEqual([]);
  });
});
