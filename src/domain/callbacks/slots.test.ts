import { describe, expect, it } from 'vitest';
import { MOSCOW, PARIS } from '../../../test/fixtures/sla-calendars.js';
import { CompiledCalendar, formatInZone } from '../sla/compiled-calendar.js';
import { callbackSlots, chooseSlot, loadSlots, type SlotLoad } from './slots.js';

const paris = new CompiledCalendar(PARIS);
const moscow = new CompiledCalendar(MOSCOW);
const rules = { windowMinutes: 240, slotMinutes: 30 };
const at = (iso: string) => Date.parse(iso);
const starts = (cal: CompiledCalendar, from: string, r = rules) => callbackSlots(cal, at(from), r).map((s) => formatInZone(s.start, cal.zone).slice(0, 16));

describe('callbackSlots (Paris: 09-12, 14-18 weekdays, Saturday morning, French holidays)', () => {
  it.each([
    ['at opening: 8 slots, the whole morning and the first hour after lunch', '2027-05-10T09:00:00+02:00', [
      '2027-05-10T09:00', '2027-05-10T09:30', '2027-05-10T10:00', '2027-05-10T10:30', '2027-05-10T11:00', '2027-05-10T11:30',
      '2027-05-10T14:00', '2027-05-10T14:30',
    ]],
    ['mid-slot: the begun slot is not offered; the window ends at 15:10 so the 15:00 slot is out', '2027-05-10T09:10:00+02:00', [
      '2027-05-10T09:30', '2027-05-10T10:00', '2027-05-10T10:30', '2027-05-10T11:00', '2027-05-10T11:30',
      '2027-05-10T14:00', '2027-05-10T14:30',
    ]],
    ['late afternoon: the window runs on into the next morning', '2027-05-10T16:00:00+02:00', [
      '2027-05-10T16:00', '2027-05-10T16:30', '2027-05-10T17:00', '2027-05-10T17:30',
      '2027-05-11T09:00', '2027-05-11T09:30', '2027-05-11T10:00', '2027-05-11T10:30',
    ]],
    ['at night (24/7 booking): the next business morning', '2027-05-10T23:40:00+02:00', [
      '2027-05-11T09:00', '2027-05-11T09:30', '2027-05-11T10:00', '2027-05-11T10:30', '2027-05-11T11:00', '2027-05-11T11:30',
      '2027-05-11T14:00', '2027-05-11T14:30',
    ]],
    ['Friday evening: Saturday morning, then Tuesday (Whit Monday 17 May is a holiday)', '2027-05-14T19:00:00+02:00', [
      '2027-05-15T09:00', '2027-05-15T09:30', '2027-05-15T10:00', '2027-05-15T10:30', '2027-05-15T11:00', '2027-05-15T11:30',
      '2027-05-18T09:00', '2027-05-18T09:30',
    ]],
    ['13 July evening: 14 July (holiday) is skipped', '2027-07-13T21:00:00+02:00', [
      '2027-07-15T09:00', '2027-07-15T09:30', '2027-07-15T10:00', '2027-07-15T10:30', '2027-07-15T11:00', '2027-07-15T11:30',
      '2027-07-15T14:00', '2027-07-15T14:30',
    ]],
  ])('%s', (_label, from, expected) => {
    expect(starts(paris, from)).toEqual(expected);
  });

  it('cuts 45-minute slots from the opening (09:00, 09:45 ... 17:15), Moscow 09-18, window 3 h', () => {
    expect(starts(moscow, '2027-05-12T16:00:00+03:00', { windowMinutes: 180, slotMinutes: 45 })).toEqual([
      '2027-05-12T16:30', '2027-05-12T17:15', '2027-05-13T09:00',
    ]);
  });

  it('every slot has the slot length', () => {
    for (const s of callbackSlots(paris, at('2027-05-10T07:00:00Z'), rules)) expect(s.end - s.start).toBe(30 * 60_000);
  });

  it('refuses non-positive lengths', () => {
    expect(() => callbackSlots(paris, 0, { windowMinutes: 240, slotMinutes: 0 })).toThrow(RangeError);
  });
});

describe('chooseSlot', () => {
  const base = at('2027-05-10T07:00:00Z');
  const slot = (i: number, taken: number): SlotLoad => ({ start: base + i * 1_800_000, end: base + (i + 1) * 1_800_000, taken });
  const slots = [slot(0, 2), slot(1, 1), slot(2, 0), slot(3, 2), slot(4, 0)];

  it.each([
    ['no wish: the earliest slot with a seat', {}, { index: 1, preferenceMet: null }],
    ['preferred window met: first free slot inside it', { preferredFrom: slot(2, 0).start, preferredTo: slot(5, 0).start }, { index: 2, preferenceMet: true }],
    ['preferred window full: the earliest free slot, preference not met', { preferredFrom: slot(3, 0).start, preferredTo: slot(3, 0).end }, { index: 1, preferenceMet: false }],
    ['open-ended preference (from only)', { preferredFrom: slot(4, 0).start }, { index: 4, preferenceMet: true }],
    ['open-ended preference (to only), slot must end by then', { preferredTo: slot(2, 0).end }, { index: 1, preferenceMet: true }],
    ['exact slot with a seat', { slotStart: slot(4, 0).start }, { index: 4, preferenceMet: null }],
    ['retry skips the slot it moves away from', { excludeStart: slot(1, 0).start }, { index: 2, preferenceMet: null }],
  ])('%s', (_label, request, expected) => {
    const choice = chooseSlot(slots, 2, request);
    expect(choice).toEqual({ ok: true, slot: { start: slot(expected.index, 0).start, end: slot(expected.index, 0).end }, preferenceMet: expected.preferenceMet });
  });

  it.each([
    ['exact slot full', slots, { slotStart: slot(0, 0).start }, 'slot_full'],
    ['exact slot not offered', slots, { slotStart: slot(0, 0).start + 60_000 }, 'outside_window'],
    ['exact slot excluded (the same slot again)', slots, { slotStart: slot(2, 0).start, excludeStart: slot(2, 0).start }, 'outside_window'],
    ['every slot full', [slot(0, 2), slot(1, 3)], {}, 'no_slot_free'],
    ['no slot at all', [], { preferredFrom: base }, 'no_slot_free'],
  ] as const)('%s → %s', (_label, list, request, reason) => {
    expect(chooseSlot(list, 2, request)).toEqual({ ok: false, reason });
  });

  it('capacity 1 makes any booked slot full', () => {
    expect(chooseSlot([slot(0, 1), slot(1, 0)], 1)).toMatchObject({ ok: true, slot: { start: slot(1, 0).start } });
  });
});

describe('loadSlots', () => {
  it('counts the seats booked in each slot', () => {
    const s = [{ start: 0, end: 10 }, { start: 10, end: 20 }];
    expect(loadSlots(s, [10, 0, 10, 99])).toEqual([{ start: 0, end: 10, taken: 1 }, { start: 10, end: 20, taken: 2 }]);
  });
});
