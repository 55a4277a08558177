import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let user: TestUser;

beforeAll(async () => {
  rt = await createTestRuntime({ env: { GUICHET_ATTACHMENT_MAX_BYTES: String(3 * 1024 * 1024), GUICHET_ATTACHMENTS_PER_REQUEST: '4' } });
  user = await makeUser(rt.deps, { org: 'Prefs Co', language: 'fr' });
});
afterAll(async () => rt?.dispose());

describe('PATCH /api/v1/me', () => {
  it('changes my language and time zone; answers then come in the new language', async () => {
    const res = await as(rt.app, user, { method: 'PATCH', url: '/api/v1/me', payload: { language: 'ru', timeZone: 'Europe/Moscow' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, language: 'ru', timeZone: 'Europe/Moscow', organizationName: 'Prefs Co', organizationSharesTickets: false });
    const me = await as(rt.app, user, { method: 'GET', url: '/api/v1/me' });
    expect(me.json().user).toMatchObject({ language: 'ru', timeZone: 'Europe/Moscow' });
    const missing = await as(rt.app, user, { method: 'GET', url: '/api/v1/tickets/GU-2027-999999' });
    expect(missing.json().title).toBe('Не найдено');
    const history = await rt.deps.db.selectFrom('history').select(['field', 'before', 'after']).where('entityId', '=', user.id).where('action', '=', 'changed').execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { field: 'language', before: '"fr"', after: '"ru"' },
        { field: 'timeZone', before: '"Europe/Paris"', after: '"Europe/Moscow"' },
      ]),
    );
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ language: 'de' }, 'body.language'],
    [{}, 'body'],
  ])('refuses %j naming the field', async (payload, path) => {
    const res = await as(rt.app, user, { method: 'PATCH', url: '/api/v1/me', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('needs a signed-in user', async () => {
    const res = await as(rt.app, null, { method: 'PATCH', url: '/api/v1/me', payload: { language: 'en' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/v1/client-settings', () => {
  it('tells the web app the attachment limits before any sign-in', async () => {
    const res = await as(rt.app, null, { method: 'GET', url: '/api/v1/client-settings' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ attachmentMaxBytes: 3 * 1024 * 1024, attachmentsPerRequest: 4, ticketPrefix: 'GU' });
  });
});
