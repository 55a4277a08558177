import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/server/ports/clock.js';
import { MOSCOW, PARIS } from '../fixtures/sla-calendars.js';
import { insertGroup } from '../../src/server/repositories/groups.repository.js';
import { as, makeUser, type TestUser } from '../support/factories.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/**
 * Callback booking over HTTP, on the Paris calendar (09-12, 14-18 weekdays; Monday 10 May 2027),
 * 30-minute slots, 2 seats each, inside the next 4 business hours.
 */
let rt: TestRuntime;
let clock: ManualClock;
let admin: TestUser;
let agent: TestUser;
let customer: TestUser;

const api = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  as(rt.app, user, { method, url: `/api/v1${url}`, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function fileTicket(subject = 'Export fails'): Promise<{ id: string; number: string }> {
  const res = await api(customer, 'POST', '/tickets', { subject, body: 'Export to PDF stops at 50%.' });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const messages = async (ticketId: string, user = agent) => (await api(user, 'GET', `/tickets/${ticketId}/messages`)).json().items as Array<{ id: string; kind: string; channel: string; internal: boolean; bodyText: string }>;
const mailJobs = async () =>
  (await rt.deps.db.selectFrom('jobs').select(['payload']).where('name', '=', 'mail.ticket-message').execute()).map((j) => JSON.parse(j.payload) as { messageId: string; automatic: boolean });
const seats = async () => rt.deps.db.selectFrom('callbackSeats').selectAll().execute();

beforeAll(async () => {
  clock = new ManualClock('2027-05-10T07:10:00Z'); // Monday 09:10 in Paris
  rt = await createTestRuntime({ clock });
  admin = await makeUser(rt.deps, { role: 'admin' });
  agent = await makeUser(rt.deps, { role: 'agent' });
  customer = await makeUser(rt.deps, { org: 'Tremblay', language: 'fr' });
  await rt.deps.db.updateTable('users').set({ timeZone: 'America/Montreal' }).where('id', '=', customer.id).execute();
  expect((await api(admin, 'POST', '/calendars', PARIS)).statusCode).toBe(201);
});
afterAll(async () => rt?.dispose());

describe(`callbacks over HTTP on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('offers the slots of the next 4 business hours in the team calendar, each with its free seats', async () => {
    const res = await api(customer, 'GET', '/callbacks/slots');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('Europe/Paris');
    expect(body.windowEnd).toBe('2027-05-10T15:10:00+02:00');
    expect(body.slots.map((s: { start: string }) => s.start.slice(11, 16))).toEqual(['09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30']);
    expect(body.slots.every((s: { free: number }) => s.free === 2)).toBe(true);
  });

  it('books the earliest free slot on a ticket and confirms it in the customer\'s language and time zone (message + automatic mail)', async () => {
    const ticket = await fileTicket();
    const res = await api(customer, 'POST', '/callbacks', { ticketId: ticket.id, phone: '+33 1 23 45 67 89' });
    expect(res.statusCode).toBe(201);
    const { callback } = res.json();
    expect(callback).toMatchObject({ ticketId: ticket.id, state: 'booked', phone: '+33 1 23 45 67 89', attempts: 0, preferenceMet: null });
    expect(callback.slotStart).toBe('2027-05-10T07:30:00.000Z');
    expect(callback.slotEnd).toBe('2027-05-10T08:00:00.000Z');
    // Other areas may add their own notices (the intake confirmation): the booking's is the one naming the slot.
    const system = (await messages(ticket.id, customer)).filter((m) => m.kind === 'system' && m.bodyText.includes('Votre rappel est réservé'));
    expect(system).toHaveLength(1);
    // 09:30 in Paris is 03:30 in Montreal; French text.
    expect(system[0]!.bodyText).toContain('Votre rappel est réservé');
    expect(system[0]!.bodyText).toContain('03:30');
    expect(system[0]!.bodyText).toContain('America/Montreal');
    expect(system[0]!.internal).toBe(false);
    expect(await mailJobs()).toContainEqual({ messageId: system[0]!.id, automatic: true });
    const history = (await api(agent, 'GET', `/tickets/${ticket.id}/history`)).json().items as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toContain('callback_booked');
    const again = await api(customer, 'POST', '/callbacks', { ticketId: ticket.id, phone: '0123456789' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('already_booked');
  });

  it('respects a preferred window when a slot is free in it, and says so when none is', async () => {
    const t1 = await fileTicket();
    const inside = await api(customer, 'POST', '/callbacks', { ticketId: t1.id, phone: '0123456789', preferredFrom: '2027-05-10T14:00:00+02:00', preferredTo: '2027-05-10T15:00:00+02:00' });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().callback).toMatchObject({ slotStart: '2027-05-10T12:00:00.000Z', preferenceMet: true });
    const t2 = await fileTicket();
    // 16:00-17:00 is outside the window (it ends at 15:10): the earliest free slot instead.
    const outside = await api(customer, 'POST', '/callbacks', { ticketId: t2.id, phone: '0123456789', preferredFrom: '2027-05-10T16:00:00+02:00', preferredTo: '2027-05-10T17:00:00+02:00' });
    expect(outside.statusCode).toBe(201);
    expect(outside.json().callback).toMatchObject({ slotStart: '2027-05-10T07:30:00.000Z', preferenceMet: false });
    const system = (await messages(t2.id)).filter((m) => m.kind === 'system' && m.bodyText.includes('Votre rappel est réservé'));
    expect(system).toHaveLength(1);
    expect(system[0]!.bodyText).toContain('Aucun créneau n\'était libre');
  });

  it('holds the capacity of a slot, and answers problem+json for a full slot and a slot outside the window', async () => {
    // 09:30 now holds its 2 seats (the two bookings above): a third is refused.
    const t = await fileTicket();
    const full = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789', slotStart: '2027-05-10T09:30:00+02:00' });
    expect(full.statusCode).toBe(409);
    expect(full.headers['content-type']).toContain('application/problem+json');
    expect(full.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'slotStart', code: 'slot_full' }] });
    expect(full.json().detail).toContain('vient d\'être pris');
    const odd = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789', slotStart: '2027-05-10T09:45:00+02:00' });
    expect(odd.statusCode).toBe(422);
    expect(odd.json()).toMatchObject({ code: 'unprocessable', errors: [{ code: 'outside_window' }] });
    const slots = (await api(customer, 'GET', `/callbacks/slots?ticketId=${t.id}`)).json().slots as Array<{ start: string; free: number }>;
    expect(slots.find((s) => s.start === '2027-05-10T09:30:00+02:00')!.free).toBe(0);
    expect(slots.find((s) => s.start === '2027-05-10T14:00:00+02:00')!.free).toBe(1);
    const exact = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789', slotStart: '2027-05-10T10:00:00+02:00' });
    expect(exact.statusCode).toBe(201);
    expect(exact.json().callback.slotStart).toBe('2027-05-10T08:00:00.000Z');
    const bad = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.phone');
    const backwards = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789', preferredFrom: '2027-05-10T15:00:00+02:00', preferredTo: '2027-05-10T14:00:00+02:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('body.preferredTo');
    const noOffset = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789', slotStart: '2027-05-10T10:00:00' });
    expect(noOffset.statusCode).toBe(400);
    const unknown = await api(customer, 'POST', '/callbacks', { ticketId: 'GU-2027-999999', phone: '0123456789' });
    expect(unknown.statusCode).toBe(404);
  });

  it('files a new phone request with the booking when there is no ticket; agents must give a ticket', async () => {
    const res = await api(customer, 'POST', '/callbacks', { phone: '+33 6 00 00 00 00' });
    expect(res.statusCode).toBe(201);
    const { ticket, callback } = res.json();
    expect(ticket).toMatchObject({ channel: 'phone', subject: 'Demande de rappel', state: 'new' });
    expect(callback.ticketId).toBe(ticket.id);
    const thread = await messages(ticket.id, customer);
    expect(thread[0]).toMatchObject({ kind: 'customer', channel: 'phone', bodyText: 'Merci de me rappeler au +33 6 00 00 00 00.' });
    expect(thread.filter((m) => m.kind === 'system' && m.bodyText.includes('Votre rappel est réservé'))).toHaveLength(1);
    const byAgent = await api(agent, 'POST', '/callbacks', { phone: '0123456789' });
    expect(byAgent.statusCode).toBe(400);
  });

  it('books into the next business morning at night (open 24/7)', async () => {
    clock.set('2027-05-10T21:30:00Z'); // 23:30 in Paris
    try {
      const t = await fileTicket();
      const res = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789' });
      expect(res.statusCode).toBe(201);
      expect(res.json().callback.slotStart).toBe('2027-05-11T07:00:00.000Z');
    } finally {
      clock.set('2027-05-10T07:10:00Z');
    }
  });

  it('gives agents the queue by slot; customers only see their own ticket\'s callbacks', async () => {
    const res = await api(agent, 'GET', '/callbacks?state=booked');
    expect(res.statusCode).toBe(200);
    const starts = (res.json().items as Array<{ slotStart: string }>).map((c) => c.slotStart);
    expect(starts.length).toBeGreaterThanOrEqual(6);
    expect([...starts].sort()).toEqual(starts);
    expect((await api(customer, 'GET', '/callbacks')).statusCode).toBe(403);
    const one = res.json().items[0];
    const own = await api(customer, 'GET', `/callbacks?ticketId=${one.ticketId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((c: { id: string }) => c.id)).toEqual([one.id]);
    const stranger = await makeUser(rt.deps, { org: 'Other' });
    expect((await api(stranger, 'GET', `/callbacks?ticketId=${one.ticketId}`)).statusCode).toBe(404);
    expect((await api(agent, 'GET', '/callbacks?mine=true')).json().items).toEqual([]);
  });

  it('records outcomes: no answer retries at the next free slot, rescheduled moves to the chosen slot, reached closes it with a phone reply', async () => {
    const t = await fileTicket();
    const booked = (await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0611223344', slotStart: '2027-05-10T11:00:00+02:00' })).json().callback;
    expect(booked.slotStart).toBe('2027-05-10T09:00:00.000Z');

    clock.set('2027-05-10T09:05:00Z');
    const retry = await api(agent, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'no_answer', note: 'Voicemail, left a message.' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ state: 'booked', outcome: 'no_answer', attempts: 1 });
    expect(Date.parse(retry.json().slotStart)).toBeGreaterThan(Date.parse(booked.slotStart));
    expect((await seats()).filter((s) => s.callbackId === booked.id).map((s) => new Date(s.slotStart).toISOString())).toEqual([retry.json().slotStart]);
    let thread = await messages(t.id);
    expect(thread.at(-2)).toMatchObject({ kind: 'system', channel: 'phone', internal: false });
    expect(thread.at(-2)!.bodyText).toContain('sans parvenir à vous joindre');
    expect(thread.at(-1)).toMatchObject({ kind: 'note', channel: 'phone', internal: true, bodyText: 'Voicemail, left a message.' });
    expect((await messages(t.id, customer)).some((m) => m.internal)).toBe(false);

    const missing = await api(agent, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'rescheduled' });
    expect(missing.statusCode).toBe(400);
    const later = (await api(agent, 'GET', `/callbacks/slots?ticketId=${t.id}&horizon=reschedule`)).json().slots as Array<{ start: string; free: number }>;
    const tomorrow = later.find((s) => s.start.startsWith('2027-05-11T15:00'))!;
    expect(tomorrow.free).toBe(2);
    const moved = await api(agent, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'rescheduled', slotStart: tomorrow.start });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ outcome: 'rescheduled', attempts: 2, slotStart: '2027-05-11T13:00:00.000Z' });

    clock.set('2027-05-11T13:02:00Z');
    const done = await api(agent, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'reached', note: 'Export fixed with the 28.1 patch.' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', outcome: 'reached', attempts: 3 });
    expect(done.json().doneAt).toBeTruthy();
    thread = await messages(t.id, customer);
    expect(thread.at(-1)).toMatchObject({ kind: 'reply', channel: 'phone', internal: false });
    expect(thread.at(-1)!.bodyText).toContain('Export fixed with the 28.1 patch.');
    const after = (await api(agent, 'GET', `/tickets/${t.id}`)).json();
    expect(after.state).toBe('open');
    const row = await rt.deps.db.selectFrom('tickets').select(['firstResponseAt', 'lastAgentMessageAt']).where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(new Date(row.firstResponseAt!).toISOString()).toBe('2027-05-11T13:02:00.000Z');
    const history = (await api(agent, 'GET', `/tickets/${t.id}/history`)).json().items as Array<{ action: string }>;
    expect(history.filter((h) => h.action === 'callback_outcome')).toHaveLength(3);
    expect(await seats()).not.toContainEqual(expect.objectContaining({ callbackId: booked.id }));
    const twice = await api(agent, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'reached' });
    expect(twice.statusCode).toBe(409);
    expect((await api(customer, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'reached' })).statusCode).toBe(403);
    expect((await api(agent, 'GET', '/callbacks?state=done')).json().items.map((c: { id: string }) => c.id)).toContain(booked.id);
    clock.set('2027-05-10T07:10:00Z');
  });

  it('documents the callbacks API in OpenAPI', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/v1/callbacks']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/callbacks']!.post!.responses)).toEqual(expect.arrayContaining(['201', '409', '422']));
    expect(paths['/api/v1/callbacks/slots']!.get).toBeTruthy();
    expect(paths['/api/v1/callbacks/{id}/outcome']!.post).toBeTruthy();
  });

  it("a team with its own calendar books on that calendar, with seats of its own", async () => {
    await insertGroup(rt.deps.db, { id: 'team-moscow', name: 'Moscow desk', createdAt: '2027-01-01T00:00:00.000Z' });
    const cal = await api(admin, 'POST', '/calendars', MOSCOW);
    expect(cal.statusCode).toBe(201);
    expect((await api(admin, 'PUT', '/groups/team-moscow/calendar', { calendarId: cal.json().id })).statusCode).toBe(204);
    const t = await fileTicket('Moscow export');
    expect((await api(agent, 'PATCH', `/tickets/${t.id}`, { groupId: 'team-moscow' })).statusCode).toBe(200);
    const slots = (await api(customer, 'GET', `/callbacks/slots?ticketId=${t.id}`)).json();
    expect(slots.timeZone).toBe('Europe/Moscow');
    // 10 May 2027 is a public holiday in Russia (Victory Day moved from Sunday): the next morning.
    expect(slots.slots[0]).toMatchObject({ start: '2027-05-11T09:00:00+03:00', free: 2 });
    const res = await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '+7 495 000 00 00' });
    expect(res.statusCode).toBe(201);
    expect(res.json().callback.slotStart).toBe('2027-05-11T06:00:00.000Z');
    expect((await seats()).filter((s) => s.scope === 'team-moscow')).toHaveLength(1);
  });

  it('a ticket solved before the call cancels its booked callback and frees the seat', async () => {
    const t = await fileTicket('Solved by myself');
    const booked = (await api(customer, 'POST', '/callbacks', { ticketId: t.id, phone: '0123456789' })).json().callback;
    expect((await seats()).some((s) => s.callbackId === booked.id)).toBe(true);
    expect((await api(customer, 'PATCH', `/tickets/${t.id}`, { state: 'solved' })).statusCode).toBe(200);
    const list = (await api(agent, 'GET', `/callbacks?state=cancelled&ticketId=${t.id}`)).json().items;
    expect(list.map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([[booked.id, 'cancelled']]);
    expect((await seats()).some((s) => s.callbackId === booked.id)).toBe(false);
    const history = (await api(agent, 'GET', `/tickets/${t.id}/history`)).json().items as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toContain('callback_cancelled');
    expect((await api(agent, 'POST', `/callbacks/${booked.id}/outcome`, { outcome: 'reached' })).statusCode).toBe(409);
  });
});

