import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { PARIS, PRIORITY } from '../fixtures/sla-calendars.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let admin: TestUser;
let agent: TestUser;
let parisId: string;
let deskId: string;

const api = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  as(rt.app, user, { method, url: `/api/v1${url}`, ...(payload !== undefined ? { payload: payload as object } : {}) });

type Row = { priority: string; policy: { name: string } | null; calendar: { name: string; draft: boolean } | null; firstResponseDueAt: string | null; resolutionDueAt: string | null };
const row = (body: { rows: Row[] }, priority: string) => body.rows.find((r) => r.priority === priority)!;

beforeAll(async () => {
  // Monday 3 May 2027, 10:00 in Paris.
  rt = await createTestRuntime({ clock: new ManualClock('2027-05-03T08:00:00Z') });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  parisId = (await api(admin, 'POST', '/calendars', PARIS)).json().id;
  deskId = (await api(admin, 'POST', '/calendars', PRIORITY)).json().id;
  const policies = [
    { name: 'Urgent', position: 0, conditions: { priorities: ['urgent'] }, calendarId: deskId, firstResponse: { kind: 'business_minutes', minutes: 60 } },
    { name: 'Standard', position: 1, isDefault: true, firstResponse: { kind: 'business_minutes', minutes: 240 }, resolution: { kind: 'business_day_hours', hours: 48 } },
  ];
  for (const p of policies) expect((await api(admin, 'POST', '/sla-policies', p)).statusCode).toBe(201);
});
afterAll(async () => rt?.dispose());

describe('calendar draft preview (admins)', () => {
  it('answers per priority on the saved hours: 4 business hours from Monday 10:00 end at 16:00 (lunch break skipped)', async () => {
    const res = await api(admin, 'POST', '/calendars/preview', { calendarId: parisId, calendar: PARIS });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.at).toBe('2027-05-03T10:00:00+02:00');
    expect(body.openNow).toBe(true);
    expect(body.rows.map((r: Row) => r.priority)).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(row(body, 'normal')).toMatchObject({ policy: { name: 'Standard' }, calendar: { name: 'Paris office', draft: true }, firstResponseDueAt: '2027-05-03T16:00:00+02:00' });
    // The urgent policy names its own calendar: the draft does not move it.
    expect(row(body, 'urgent')).toMatchObject({ policy: { name: 'Urgent' }, calendar: { name: 'Priority desk', draft: false }, firstResponseDueAt: '2027-05-03T11:00:00+02:00', resolutionDueAt: null });
    // French public holidays ahead: Ascension (6 May 2027) and 8 May.
    expect(body.upcoming.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2027-05-06', '2027-05-08']));
    expect(body.upcoming.every((d: { date: string }) => d.date >= '2027-05-03')).toBe(true);
  });

  it('follows unsaved edits: without afternoons the same ticket is due Tuesday 11:00; a day off today moves it to Tuesday 15:00', async () => {
    const mornings = { ...PARIS, week: { ...PARIS.week, mon: [['09:00', '12:00']], tue: [['09:00', '12:00']] } };
    const a = (await api(admin, 'POST', '/calendars/preview', { calendarId: parisId, calendar: mornings })).json();
    expect(row(a, 'normal').firstResponseDueAt).toBe('2027-05-04T11:00:00+02:00');
    expect(row(a, 'urgent').firstResponseDueAt).toBe('2027-05-03T11:00:00+02:00');

    const closed = { ...PARIS, exceptions: [{ date: '2027-05-03', closed: true, name: 'Inventaire' }] };
    const b = (await api(admin, 'POST', '/calendars/preview', { calendarId: parisId, calendar: closed })).json();
    expect(b.openNow).toBe(false);
    expect(b.nextOpenAt).toBe('2027-05-04T09:00:00+02:00');
    expect(row(b, 'low').firstResponseDueAt).toBe('2027-05-04T15:00:00+02:00');
    expect(b.upcoming[0]).toMatchObject({ date: '2027-05-03', off: true, name: 'Inventaire', source: 'exception' });
    const unnamed = { ...PARIS, exceptions: [{ date: '2027-05-04', closed: true }] };
    const c = (await api(admin, 'POST', '/calendars/preview', { calendarId: parisId, calendar: unnamed })).json();
    expect(c.upcoming[0]).toMatchObject({ date: '2027-05-04', off: true, name: '', source: 'exception' });

    // Nothing was saved.
    const stored = (await api(admin, 'GET', `/calendars/${parisId}/export`)).json();
    expect(stored).toEqual(PARIS);
  });

  it('refuses a bad draft naming the field, and is for admins only', async () => {
    const bad = await api(admin, 'POST', '/calendars/preview', { calendarId: parisId, calendar: { ...PARIS, timeZone: 'Europe/Atlantis', week: { ...PARIS.week, mon: [['14:00', '09:00']] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['timeZone', 'week.mon[0]']));
    expect((await api(agent, 'POST', '/calendars/preview', { calendar: PARIS })).statusCode).toBe(403);
  });

  it('previews a new calendar (no id) with the default policy on it', async () => {
    const res = await api(admin, 'POST', '/calendars/preview', { calendar: { ...PARIS, name: 'New office' }, at: '2027-05-03T17:00' });
    expect(res.statusCode).toBe(200);
    // 17:00 + 4 business hours: 1 h Monday, then Tuesday 09:00–12:00.
    expect(row(res.json(), 'high')).toMatchObject({ calendar: { name: 'New office', draft: true }, firstResponseDueAt: '2027-05-04T12:00:00+02:00' });
  });
});

describe('holiday countries and regions', () => {
  it('names them in the asked language, for admins and agents', async () => {
    const ru = (await api(agent, 'GET', '/holiday-countries?lang=ru')).json().items;
    expect(ru.find((c: { code: string }) => c.code === 'FR').name).toBe('Франция');
    const regions = await api(admin, 'GET', '/holiday-countries/ES/regions?lang=es');
    expect(regions.statusCode).toBe(200);
    expect(regions.json().items).toEqual(expect.arrayContaining([{ code: 'CT', name: 'Cataluña' }]));
    expect((await api(admin, 'GET', '/holiday-countries/fr/regions')).statusCode).toBe(400);
  });
});
