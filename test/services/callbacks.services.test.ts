import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/server/errors/app-error.js';
import { ManualClock } from '../../src/server/ports/clock.js';
import { bookCallback } from '../../src/server/services/callbacks/book-callback.js';
import { listCallbackSlots } from '../../src/server/services/callbacks/callback-slots.js';
import { recordCallbackOutcome } from '../../src/server/services/callbacks/record-outcome.js';
import { createCalendar } from '../../src/server/services/sla/manage-calendars.js';
import { createTicket } from '../../src/server/services/tickets/create-ticket.js';
import { MOSCOW } from '../fixtures/sla-calendars.js';
import { makeUser, type TestUser } from '../support/factories.js';
import { TEST_DATABASE_URL } from '../support/test-db.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

/**
 * Booking under concurrency, through the services: Moscow calendar (09-18), 30-minute slots,
 * 2 seats, a 60-minute window: at 09:00 two slots, four seats in all.
 */
let rt: TestRuntime;
let clock: ManualClock;
let agent: TestUser;
let customers: TestUser[];

const refusal = (r: PromiseSettledResult<unknown>) => {
  if (r.status !== 'rejected') return 'booked';
  const e = r.reason as AppError;
  if (!(e instanceof AppError)) throw e;
  return e.options.errors?.[0]?.code ?? e.code;
};
const count = async (table: 'callbacks' | 'callbackSeats' | 'tickets') => Number((await rt.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const newTicket = (i: number) => createTicket(rt.deps, { actor: customers[i % customers.length]!.actor, subject: `Request ${i}`, body: 'It fails.', defaultChannel: 'api' });

beforeAll(async () => {
  clock = new ManualClock('2027-05-12T06:00:00Z'); // Wednesday 09:00 in Moscow
  rt = await createTestRuntime({ clock, env: { GUICHET_CALLBACK_SLOT_CAPACITY: '2', GUICHET_CALLBACK_WINDOW_MINUTES: '60', GUICHET_CALLBACK_SLOT_MINUTES: '30' } });
  agent = await makeUser(rt.deps, { role: 'agent' });
  customers = await Promise.all([0, 1, 2].map((i) => makeUser(rt.deps, { org: `Org ${i}`, language: 'ru' })));
  await createCalendar(rt.deps, MOSCOW);
});
afterAll(async () => rt?.dispose());

describe(`callback booking under concurrency on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('12 simultaneous bookings fill exactly the 4 seats; the others are refused with nothing written', async () => {
    const tickets = [];
    for (let i = 0; i < 12; i++) tickets.push(await newTicket(i));
    const results = await Promise.allSettled(tickets.map((t, i) => bookCallback(rt.deps, { actor: customers[i % 3]!.actor, ticketId: t.id, phone: '+7 495 000 00 00' })));
    const outcomes = results.map(refusal);
    expect(outcomes.filter((o) => o === 'booked')).toHaveLength(4);
    expect(outcomes.filter((o) => o !== 'booked').every((o) => o === 'no_slot_free')).toBe(true);
    expect(await count('callbacks')).toBe(4);
    const seats = await rt.deps.db.selectFrom('callbackSeats').selectAll().execute();
    const perSlot = new Map<string, number>();
    for (const s of seats) perSlot.set(new Date(s.slotStart).toISOString(), (perSlot.get(new Date(s.slotStart).toISOString()) ?? 0) + 1);
    expect(Object.fromEntries(perSlot)).toEqual({ '2027-05-12T06:00:00.000Z': 2, '2027-05-12T06:30:00.000Z': 2 });
    // One confirmation per booking (other areas' notices, such as the intake confirmation, are not counted).
    const system = await rt.deps.db.selectFrom('messages').select('ticketId').where('kind', '=', 'system').where('bodyText', 'like', 'Обратный звонок заказан%').execute();
    expect(system).toHaveLength(4);
    const slots = await listCallbackSlots(rt.deps, customers[0]!.actor, { horizon: 'booking' });
    expect(slots.slots.map((s) => s.free)).toEqual([0, 0]);
  });

  it('a refused new request leaves no ticket behind (one transaction)', async () => {
    const before = await count('tickets');
    await expect(bookCallback(rt.deps, { actor: customers[0]!.actor, phone: '+7 495 000 00 01' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await count('tickets')).toBe(before);
  });

  it('6 simultaneous bookings of one exact slot: 2 get it, 4 are told it is full', async () => {
    clock.set('2027-05-13T06:00:00Z');
    const tickets = [];
    for (let i = 0; i < 6; i++) tickets.push(await newTicket(i));
    const results = await Promise.allSettled(
      tickets.map((t, i) => bookCallback(rt.deps, { actor: customers[i % 3]!.actor, ticketId: t.id, phone: '+7 495 000 00 02', slotStart: '2027-05-13T09:30:00+03:00' })),
    );
    const outcomes = results.map(refusal);
    expect(outcomes.filter((o) => o === 'booked')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'slot_full')).toHaveLength(4);
  });

  it('5 simultaneous bookings of the same ticket book once', async () => {
    clock.set('2027-05-14T06:00:00Z');
    const t = await newTicket(0);
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(() => bookCallback(rt.deps, { actor: customers[0]!.actor, ticketId: t.id, phone: '+7 495 000 00 03' })));
    const outcomes = results.map(refusal);
    expect(outcomes.filter((o) => o === 'booked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_booked')).toHaveLength(4);
  });

  it('two agents recording the same call at once: one outcome counts', async () => {
    clock.set('2027-05-17T06:00:00Z');
    const t = await newTicket(1);
    const { callback } = await bookCallback(rt.deps, { actor: customers[1]!.actor, ticketId: t.id, phone: '+7 495 000 00 04' });
    const other = await makeUser(rt.deps, { role: 'agent' });
    const results = await Promise.allSettled([agent, other].map((a) => recordCallbackOutcome(rt.deps, { actor: a.actor, callbackId: callback.id, outcome: 'reached' })));
    expect(results.map(refusal).sort()).toEqual(['booked', 'conflict']);
    const replies = await rt.deps.db.selectFrom('messages').select('id').where('ticketId', '=', t.id).where('kind', '=', 'reply').execute();
    expect(replies).toHaveLength(1);
  });
});
