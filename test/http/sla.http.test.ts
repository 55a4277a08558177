import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqlJobStore } from '../../src/server/adapters/jobs-sql.js';
import { JobRunner } from '../../src/server/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/server/jobs/registry.js';
import { ManualClock } from '../../src/server/ports/clock.js';
import { MOSCOW, PARIS, PRIORITY } from '../fixtures/sla-calendars.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let clock: ManualClock;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;
let parisId: string;

const api = (user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  as(rt.app, user, { method, url: `/api/v1${url}`, ...(payload !== undefined ? { payload: payload as object } : {}) });

function runner(id: string): JobRunner {
  return new JobRunner(rt.deps, new SqlJobStore(rt.deps.db, rt.deps.dialect), JOB_DEFINITIONS, { workerId: id, lease: rt.deps.dialect === 'sqlite' ? { name: 'jobs-worker', seconds: 30 } : null });
}

async function fileTicket(at: string, subject = 'Export fails'): Promise<{ id: string; number: string; sla?: any }> {
  clock.set(at);
  const res = await api(customer, 'POST', '/tickets', { subject, body: 'Steps: open, export.' });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const ticket = async (id: string) => (await api(agent, 'GET', `/tickets/${id}`)).json();
// The first system message of every ticket is the acceptance confirmation (intake); the SLA's announcements follow it.
const systemMessages = async (id: string) => (await api(customer, 'GET', `/tickets/${id}/messages`)).json().items.filter((m: { kind: string }) => m.kind === 'system').slice(1);
const count = async (table: 'notifications' | 'sla_alerts', ticketId: string) => {
  const t = table === 'notifications' ? 'notifications' : 'slaAlerts';
  const r = await rt.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).where('ticketId', '=', ticketId).executeTakeFirstOrThrow();
  return Number(r.n);
};

beforeAll(async () => {
  clock = new ManualClock('2027-05-03T08:00:00Z');
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent', language: 'fr' });
  customer = await makeUser(rt.deps, { org: 'Durand', language: 'fr' });
});
afterAll(async () => rt?.dispose());
beforeEach(async () => {
  await rt.deps.db.deleteFrom('leases').execute();
});

describe('calendars and policies (admins)', () => {
  it('creates a calendar and exports it in exactly the exchange shape', async () => {
    const res = await api(admin, 'POST', '/calendars', PARIS);
    expect(res.statusCode).toBe(201);
    parisId = res.json().id;
    expect(res.json().isDefault).toBe(true);
    const exported = await api(admin, 'GET', `/calendars/${parisId}/export`);
    expect(exported.json()).toEqual(PARIS);
  });

  it('refuses a bad calendar naming the field, and saves nothing', async () => {
    const before = (await api(admin, 'GET', '/calendars')).json().items.length;
    for (const [body, path] of [
      [{ ...MOSCOW, timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ ...MOSCOW, week: { ...MOSCOW.week, mon: [['09:00', '24:30']] } }, 'week.mon[0][1]'],
      [{ ...MOSCOW, holidays: { country: 'XX', region: null } }, 'holidays.country'],
      [{ ...MOSCOW, week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }, 'week'],
    ] as const) {
      const res = await api(admin, 'POST', '/calendars', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await api(admin, 'GET', '/calendars')).json().items.length).toBe(before);
    expect((await api(agent, 'POST', '/calendars', MOSCOW)).statusCode).toBe(403);
  });

  it('imports exceptions from an .ics file, and refuses a malformed one', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20271224\r\nSUMMARY:Veille de Noël\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const bad = await as(rt.app, admin, { method: 'POST', url: `/api/v1/calendars/${parisId}/exceptions/ics`, payload: 'BEGIN:VCALENDAR\r\nnonsense\r\n', headers: { 'content-type': 'text/calendar' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('ics');
    const ok = await as(rt.app, admin, { method: 'POST', url: `/api/v1/calendars/${parisId}/exceptions/ics`, payload: ics, headers: { 'content-type': 'text/calendar' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().calendar.exceptions).toEqual([{ date: '2027-12-24', closed: true, name: 'Veille de Noël' }]);
    const holidays = (await api(admin, 'GET', `/calendars/${parisId}/holidays?year=2027`)).json().items;
    expect(holidays.find((d: { date: string }) => d.date === '2027-12-24')).toMatchObject({ off: true, source: 'exception' });
    expect(holidays.find((d: { date: string }) => d.date === '2027-07-14')).toMatchObject({ off: true, source: 'holiday' });
  });

  it('previews a due date on a calendar like the CLI', async () => {
    const res = await api(admin, 'GET', `/calendars/${parisId}/due?from=${encodeURIComponent('2027-05-10T09:00:00+02:00')}&minutes=90`);
    expect(res.json()).toEqual({ dueAt: '2027-05-10T10:30:00+02:00' });
    expect((await api(admin, 'GET', `/calendars/${parisId}/due?minutes=5&businessDayHours=2`)).statusCode).toBe(400);
  });

  it('creates policies; the first matching one applies, else the default', async () => {
    const priority = (await api(admin, 'POST', '/calendars', PRIORITY)).json();
    const std = await api(admin, 'POST', '/sla-policies', {
      name: 'Standard', isDefault: true,
      firstResponse: { kind: 'business_minutes', minutes: 240 }, nextResponse: { kind: 'business_minutes', minutes: 120 }, resolution: { kind: 'business_day_hours', hours: 48 },
    });
    expect(std.statusCode).toBe(201);
    const premium = await api(admin, 'POST', '/sla-policies', { name: 'Premium', conditions: { priorities: ['urgent'] }, calendarId: priority.id, firstResponse: { kind: 'business_minutes', minutes: 60 }, notifyAnytime: true });
    expect(premium.statusCode).toBe(201);
    const bad = await api(admin, 'POST', '/sla-policies', { name: 'Broken', firstResponse: { kind: 'business_minutes', minutes: -5 } });
    expect(bad.statusCode).toBe(400);
    const preview = (await api(admin, 'POST', '/sla/preview', { at: '2027-05-09T10:00:00+02:00', priority: 'urgent' })).json();
    expect(preview).toMatchObject({ policy: { name: 'Premium' }, firstResponseDueAt: '2027-05-09T11:00:00+02:00' });
    const normal = (await api(admin, 'POST', '/sla/preview', { at: '2027-05-09T10:00:00+02:00' })).json();
    expect(normal).toMatchObject({ policy: { name: 'Standard' }, firstResponseDueAt: '2027-05-10T15:00:00+02:00', resolutionDueAt: '2027-05-12T00:00:00+02:00' });
  });
});

describe('a ticket’s due dates follow its life', () => {
  it('shows due dates and remaining business time on the ticket', async () => {
    const t = await fileTicket('2027-05-10T07:00:00Z');
    expect(t.sla).toMatchObject({ paused: false, firstResponse: { dueAt: '2027-05-10T13:00:00.000Z', breached: false, paused: false, remainingBusinessMinutes: 240 } });
    clock.set('2027-05-10T08:00:00Z');
    expect((await ticket(t.id)).sla.firstResponse.remainingBusinessMinutes).toBe(180);
  });

  it('pauses while waiting for the customer, and tells them in their language when the date moves', async () => {
    const t = await fileTicket('2027-05-10T07:00:00Z');
    clock.set('2027-05-10T08:00:00Z');
    await api(agent, 'PATCH', `/tickets/${t.id}`, { state: 'pending', pendingReason: 'waiting_for_customer' });
    clock.set('2027-05-10T11:00:00Z');
    const paused = await ticket(t.id);
    expect(paused.sla).toMatchObject({ paused: true, firstResponse: { paused: true, remainingBusinessMinutes: 180, dueAt: '2027-05-10T13:00:00.000Z' } });
    clock.set('2027-05-10T12:30:00Z');
    await api(customer, 'POST', `/tickets/${t.id}/messages`, { body: 'Here is the log.' });
    const resumed = await ticket(t.id);
    // 08:00Z–12:30Z paused = 150 business minutes (10:00–12:00 and 14:00–14:30 Paris)
    expect(resumed.sla).toMatchObject({ paused: false, firstResponse: { dueAt: '2027-05-10T15:30:00.000Z', paused: false } });
    const [msg] = await systemMessages(t.id);
    expect(msg.bodyText).toContain('15:00');
    expect(msg.bodyText).toContain('17:30');
    expect(msg.bodyText).toContain('mai 2027');
    expect(msg.bodyText).toContain('le délai était suspendu');
    expect(msg.internal).toBe(false);
  });

  it('meets the first response with the first public reply, and runs the next response after each customer message', async () => {
    const t = await fileTicket('2027-05-10T07:00:00Z');
    clock.set('2027-05-10T07:30:00Z');
    await api(agent, 'POST', `/tickets/${t.id}/messages`, { body: 'Internal', internal: true });
    expect((await ticket(t.id)).sla.firstResponse.metAt).toBeNull();
    await api(agent, 'POST', `/tickets/${t.id}/messages`, { body: 'Clear the cache.' });
    expect((await ticket(t.id)).sla.firstResponse).toMatchObject({ metAt: '2027-05-10T07:30:00.000Z', remainingBusinessMinutes: null });
    clock.set('2027-05-10T15:45:00Z');
    await api(customer, 'POST', `/tickets/${t.id}/messages`, { body: 'Still broken.' });
    expect((await ticket(t.id)).sla.nextResponse).toMatchObject({ dueAt: '2027-05-11T08:45:00.000Z', metAt: null });
    clock.set('2027-05-11T07:10:00Z');
    await api(agent, 'POST', `/tickets/${t.id}/messages`, { body: 'Try version 28.1.' });
    expect((await ticket(t.id)).sla.nextResponse).toMatchObject({ metAt: '2027-05-11T07:10:00.000Z', breached: false });
  });

  it('is met when solved, and a reopening restarts the resolution clock', async () => {
    const t = await fileTicket('2027-05-10T07:00:00Z');
    clock.set('2027-05-10T09:00:00Z');
    await api(agent, 'PATCH', `/tickets/${t.id}`, { state: 'solved' });
    expect((await ticket(t.id)).sla.resolution.metAt).toBe('2027-05-10T09:00:00.000Z');
    clock.set('2027-05-11T08:00:00Z');
    await api(customer, 'POST', `/tickets/${t.id}/messages`, { body: 'It came back.' });
    const r = (await ticket(t.id)).sla.resolution;
    // 48 whole business-day hours from Tuesday 10:00 Paris: Tue 14 h, Wed 24 h, Thu 10 h
    expect(r).toMatchObject({ metAt: null, dueAt: '2027-05-13T08:00:00.000Z' });
  });

  it('lets an agent move the resolution target with a reason when the problem cannot be reproduced', async () => {
    const t = await fileTicket('2027-05-10T07:00:00Z');
    clock.set('2027-05-10T08:00:00Z');
    const early = await api(agent, 'POST', `/tickets/${t.id}/sla/resolution-target`, { dueAt: '2027-05-20T16:00:00+02:00', reason: 'x' });
    expect(early.statusCode).toBe(409);
    await api(agent, 'PATCH', `/tickets/${t.id}`, { state: 'pending', pendingReason: 'cannot_reproduce' });
    expect((await api(customer, 'POST', `/tickets/${t.id}/sla/resolution-target`, { dueAt: '2027-05-20T16:00:00+02:00', reason: 'x' })).statusCode).toBe(403);
    expect((await api(agent, 'POST', `/tickets/${t.id}/sla/resolution-target`, { dueAt: '2027-05-01T16:00:00+02:00', reason: 'x' })).statusCode).toBe(400);
    const moved = await api(agent, 'POST', `/tickets/${t.id}/sla/resolution-target`, { dueAt: '2027-05-20T16:00:00+02:00', reason: 'Nous devons reproduire le problème sur une base de test' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().sla.resolution.dueAt).toBe('2027-05-20T14:00:00.000Z');
    const msgs = await systemMessages(t.id);
    expect(msgs.at(-1).bodyText).toContain('Nous devons reproduire le problème sur une base de test');
    expect(msgs.at(-1).bodyText).toContain('20 mai 2027');
  });

  it('puts urgent tickets on the wider calendar (open on Sunday)', async () => {
    clock.set('2027-05-09T08:00:00Z');
    const res = await api(agent, 'POST', '/tickets', { subject: 'Down', body: 'All down', priority: 'urgent', requesterEmail: customer.email });
    expect(res.json().sla.firstResponse.dueAt).toBe('2027-05-09T09:00:00.000Z');
  });
});

describe('escalations: warning and breach fire once, at the right instant, and survive a restart', () => {
  it('warns at 80 %, breaches at 100 %, notifies the assignee in working hours, and records both', async () => {
    // Monday 14:00 Paris, 240 business minutes: due at 18:00 (closing), warning at 80 % = 17:12.
    const t = await fileTicket('2027-05-10T12:00:00Z');
    await api(agent, 'PATCH', `/tickets/${t.id}`, { assigneeId: agent.id });
    const first = runner('w1');
    clock.set('2027-05-10T15:11:00Z');
    await first.runOnce();
    expect(await count('sla_alerts', t.id)).toBe(0);
    clock.set('2027-05-10T15:12:00Z');
    await first.runOnce();
    expect(await count('sla_alerts', t.id)).toBe(1);
    const notes = (await api(agent, 'GET', '/notifications?unread=true')).json().items.filter((n: { ticketId: string }) => n.ticketId === t.id);
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['sla_warning']);
    expect(notes[0].text).toContain(t.number);
    await first.stop();

    // a new worker (a restart) picks the breach up from the jobs table
    const second = runner('w2');
    clock.set('2027-05-10T15:59:59Z');
    await second.runOnce();
    expect((await ticket(t.id)).sla.firstResponse.breached).toBe(false);
    clock.set('2027-05-10T16:00:00Z');
    await second.runOnce();
    expect((await ticket(t.id)).sla.firstResponse).toMatchObject({ breached: true, breachedAt: '2027-05-10T16:00:00.000Z' });
    // 18:00 is closing time: the breach notification waits for Tuesday 09:00
    expect(await count('notifications', t.id)).toBe(1);
    clock.set('2027-05-11T06:59:00Z');
    await second.runOnce();
    expect(await count('notifications', t.id)).toBe(1);
    clock.set('2027-05-11T07:00:00Z');
    await second.runOnce();
    expect(await count('notifications', t.id)).toBe(2);

    // nothing fires twice, even when the timers are enqueued again
    await rt.deps.jobs.enqueue(rt.deps.db, 'sla.escalate', { ticketId: t.id, target: 'firstResponse', kind: 'breach', dueAt: '2027-05-10T16:00:00.000Z' });
    await Promise.all([runner('w3').runOnce(), runner('w4').runOnce()]);
    await second.runOnce();
    expect(await count('sla_alerts', t.id)).toBe(2);
    expect(await count('notifications', t.id)).toBe(2);
    await second.stop();

    const history = (await api(agent, 'GET', `/tickets/${t.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['sla_warning', 'sla_breach']));
    const customerHistory = (await api(customer, 'GET', `/tickets/${t.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(customerHistory).not.toContain('sla_breach');

    // answering late keeps the breach recorded
    clock.set('2027-05-11T07:30:00Z');
    await api(agent, 'POST', `/tickets/${t.id}/messages`, { body: 'Sorry for the delay.' });
    expect((await ticket(t.id)).sla.firstResponse).toMatchObject({ metAt: '2027-05-11T07:30:00.000Z', breached: true });

    const ids = (await api(agent, 'GET', '/notifications')).json().items.filter((n: { ticketId: string }) => n.ticketId === t.id).map((n: { id: string }) => n.id);
    expect((await api(agent, 'POST', `/notifications/${ids[0]}/read`)).statusCode).toBe(204);
    expect((await api(admin, 'POST', `/notifications/${ids[1]}/read`)).statusCode).toBe(404);
  });

  it('fires a breach once when two workers race for copies of its timer', async () => {
    const t = await fileTicket('2027-05-10T12:00:00Z');
    for (let i = 0; i < 3; i++) await rt.deps.jobs.enqueue(rt.deps.db, 'sla.escalate', { ticketId: t.id, target: 'firstResponse', kind: 'breach', dueAt: '2027-05-10T16:00:00.000Z' });
    clock.set('2027-05-10T16:00:00Z');
    const [a, b] = [runner('race-a'), runner('race-b')];
    await Promise.all([a.runOnce(), b.runOnce()]);
    await Promise.all([a.stop(), b.stop()]);
    const alerts = await rt.deps.db.selectFrom('slaAlerts').select(['kind']).where('ticketId', '=', t.id).execute();
    expect(alerts.map((x) => x.kind).sort()).toEqual(['breach', 'warning']);
    const breachHistory = (await api(agent, 'GET', `/tickets/${t.id}/history`)).json().items.filter((h: { action: string }) => h.action === 'sla_breach');
    expect(breachHistory).toHaveLength(1);
  });

  it('does not fire for a target met or paused in time', async () => {
    const t = await fileTicket('2027-05-10T12:00:00Z');
    clock.set('2027-05-10T13:00:00Z');
    await api(agent, 'POST', `/tickets/${t.id}/messages`, { body: 'On it.' });
    await api(agent, 'PATCH', `/tickets/${t.id}`, { state: 'pending', pendingReason: 'waiting_for_customer' });
    clock.set('2027-05-20T12:00:00Z');
    const r = runner('w5');
    await r.runOnce();
    await r.stop();
    expect(await count('sla_alerts', t.id)).toBe(0);
  });
});
