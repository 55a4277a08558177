import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { addGroupMember, insertGroup } from '../../src/server/repositories/groups.repository.js';
import { createCalendar, setGroupCalendar, updateCalendar } from '../../src/server/services/sla/manage-calendars.js';
import { createPolicy } from '../../src/server/services/sla/manage-policies.js';
import { businessWindow, expectedResponseTimes, previewTicketSla } from '../../src/server/services/sla/sla-preview.js';
import { createTicket } from '../../src/server/services/tickets/create-ticket.js';
import { listMessages } from '../../src/server/services/tickets/read-thread.js';
import { updateTicket } from '../../src/server/services/tickets/update-ticket.js';
import { MOSCOW, PARIS } from '../fixtures/sla-calendars.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
let clock: ManualClock;
let customer: TestUser;
let agents: TestUser[];
let parisId: string;
let russiaGroup: string;

beforeAll(async () => {
  clock = new ManualClock('2027-05-03T08:00:00Z');
  rt = await createTestRuntime({ clock });
  customer = await makeUser(rt.deps, { org: 'Durand', language: 'fr' });
  agents = [await makeUser(rt.deps, { role: 'agent' }), await makeUser(rt.deps, { role: 'agent' })];
  parisId = (await createCalendar(rt.deps, PARIS)).id;
  const moscowId = (await createCalendar(rt.deps, MOSCOW)).id;
  russiaGroup = uuidv7();
  await insertGroup(rt.deps.db, { id: russiaGroup, name: 'Support Russia', createdAt: clock.now().toISOString() });
  for (const a of agents) await addGroupMember(rt.deps.db, russiaGroup, a.id);
  await setGroupCalendar(rt.deps, russiaGroup, moscowId);
  await createPolicy(rt.deps, { name: 'Contract', conditions: { planCodes: ['contract'] }, firstResponse: { kind: 'business_minutes', minutes: 240 } });
  await createPolicy(rt.deps, { name: 'Direct', conditions: { planCodes: ['direct'] }, firstResponse: { kind: 'same_business_day', before: '16:00' } });
  await createPolicy(rt.deps, { name: 'Standard', isDefault: true, firstResponse: { kind: 'business_minutes', minutes: 24 * 60 }, resolution: { kind: 'business_day_hours', hours: 48 } });
});
afterAll(async () => rt?.dispose());
beforeEach(async () => {
  await rt.deps.db.deleteFrom('leases').execute();
});

describe('what intake and callbacks call', () => {
  it.each([
    ['a contract holder: 4 business hours', { planCode: 'contract' }, '2027-05-10T15:00:00+02:00'],
    ['direct assistance before 16:00: the same business day', { planCode: 'direct' }, '2027-05-10T18:00:00+02:00'],
    ['standard: 24 business hours (Thursday noon)', {}, '2027-05-13T12:00:00+02:00'],
    ['a team in Moscow: its calendar (Monday 10 May 2027 is the day off moved from 9 May)', { planCode: 'contract', groupId: 'russia' }, '2027-05-11T13:00:00+03:00'],
  ] as Array<[string, { planCode?: string; groupId?: string }, string]>)('previews the expected first response for %s', async (_label, facts, expected) => {
    const input = { at: '2027-05-10T07:00:00Z', ...facts, ...(facts.groupId ? { groupId: russiaGroup } : {}) };
    expect((await previewTicketSla(rt.deps, input)).firstResponseDueAt).toBe(expected);
  });

  it('gives a created ticket’s expected response time with its calendar’s offset', async () => {
    clock.set('2027-05-10T07:00:00Z');
    const t = await createTicket(rt.deps, { actor: customer.actor, subject: 'Licence', body: 'Refused', defaultChannel: 'web' });
    expect(await expectedResponseTimes(rt.deps, rt.deps.db, t.id)).toEqual({
      firstResponseDueAt: '2027-05-13T12:00:00+02:00',
      resolutionDueAt: '2027-05-12T09:00:00+02:00',
      timeZone: 'Europe/Paris',
    });
  });

  it.each([
    ['inside hours: the window opens now', '2027-05-14T16:00:00+03:00', { start: '2027-05-14T16:00:00+03:00', end: '2027-05-17T11:00:00+03:00' }],
    ['on a Saturday: the window opens on Monday', '2027-05-15T10:00:00+03:00', { start: '2027-05-17T09:00:00+03:00', end: '2027-05-17T13:00:00+03:00' }],
  ])('gives the next 4 business hours of a team for a callback: %s', async (_label, from, expected) => {
    expect(await businessWindow(rt.deps, { groupId: russiaGroup, from: new Date(from), minutes: 240 })).toEqual({ ...expected, timeZone: 'Europe/Moscow' });
  });
});

describe('admin changes', () => {
  it('recomputes active tickets when a calendar changes, and tells their customers why', async () => {
    clock.set('2027-05-18T07:00:00Z');
    const t = await createTicket(rt.deps, { actor: customer.actor, subject: 'Invoice export', body: 'Broken', defaultChannel: 'web' });
    await rt.deps.db.updateTable('tickets').set({ planCode: 'contract' }).where('id', '=', t.id).execute();
    await updateTicket(rt.deps, { actor: agents[0]!.actor, ticketId: t.id, priority: 'high' });
    const before = await expectedResponseTimes(rt.deps, rt.deps.db, t.id);
    expect(before?.firstResponseDueAt).toBe('2027-05-18T15:00:00+02:00');
    await rt.runner.runOnce();
    await updateCalendar(rt.deps, parisId, { ...PARIS, exceptions: [{ date: '2027-05-18', intervals: [['09:00', '12:00']], name: 'Inventaire' }] });
    await rt.runner.runOnce();
    expect((await expectedResponseTimes(rt.deps, rt.deps.db, t.id))?.firstResponseDueAt).toBe('2027-05-19T10:00:00+02:00');
    // After the acceptance confirmation (intake), the SLA's announcements.
    const system = (await listMessages(rt.deps, customer.actor, t.id)).filter((m) => m.kind === 'system').slice(1);
    expect(system).toHaveLength(2);
    // the plan changed the policy (standard → contract), then the calendar changed
    expect(system[0]!.bodyText).toContain('le niveau de service de votre demande a changé');
    expect(system[1]!.bodyText).toContain('nos horaires ou nos jours fériés ont changé');
  });

  it('tells every agent of the team when nobody is assigned, in the team’s working hours', async () => {
    clock.set('2027-05-21T14:00:00Z'); // Friday 17:00 in Moscow
    const t = await createTicket(rt.deps, { actor: customer.actor, subject: 'Report', body: 'Slow', defaultChannel: 'web' });
    await rt.deps.db.updateTable('tickets').set({ planCode: 'contract' }).where('id', '=', t.id).execute();
    await updateTicket(rt.deps, { actor: agents[0]!.actor, ticketId: t.id, groupId: russiaGroup });
    const due = (await expectedResponseTimes(rt.deps, rt.deps.db, t.id))!.firstResponseDueAt!;
    expect(due).toBe('2027-05-24T12:00:00+03:00');
    clock.set('2027-05-24T09:00:00Z'); // the breach, Monday 12:00 Moscow
    await rt.runner.runOnce();
    const notes = await rt.deps.db.selectFrom('notifications').select(['userId', 'kind']).where('ticketId', '=', t.id).execute();
    expect(notes.filter((n) => n.kind === 'sla_breach').map((n) => n.userId).sort()).toEqual(agents.map((a) => a.id).sort());
    expect(notes.filter((n) => n.kind === 'sla_warning')).toHaveLength(2);
  });
});
