/**
 * Callback slots: the bookable stretches of a team's business calendar in which an agent calls a
 * customer back, and the choice of one slot for a booking. Pure: instants are epoch milliseconds,
 * the calendar is any BusinessClock (a compiled SLA calendar), "now" is given by the caller.
 */
import { addBusinessMinutes } from '../sla/business-time.js';
import type { BusinessClock } from '../sla/compiled-calendar.js';

const MIN_MS = 60_000;

/** One bookable slot, [start, end). */
export interface Slot {
  start: number;
  end: number;
}

/** A slot with how many seats are already booked in it. */
export interface SlotLoad extends Slot {
  taken: number;
}

/** How slots are cut. */
export interface SlotRules {
  /** Business minutes from `from` inside which every slot must fit (240: "within 4 business hours"). */
  windowMinutes: number;
  /** Length of a slot in minutes; slots are cut from the start of each business interval. */
  slotMinutes: number;
}

/** The end of the booking window, or null when the calendar never has that much business time. */
export function windowEnd(clock: BusinessClock, from: number, windowMinutes: number): number | null {
  return addBusinessMinutes(clock, from, windowMinutes);
}

/**
 * The slots that start at or after `from` and end within the next `windowMinutes` business minutes:
 * each business interval is cut into whole slots from its opening (a shorter remainder at its end is
 * not offered). Asked at night or on a day off, the window opens with the next business hours.
 */
export function callbackSlots(clock: BusinessClock, from: number, rules: SlotRules): Slot[] {
  if (!(rules.slotMinutes > 0) || !(rules.windowMinutes > 0)) throw new RangeError('slot and window lengths must be positive');
  const end = windowEnd(clock, from, rules.windowMinutes);
  if (end === null) return [];
  const len = rules.slotMinutes * MIN_MS;
  const slots: Slot[] = [];
  for (let d = clock.dayOf(from); d <= clock.dayOf(end); d++) {
    const iv = clock.intervals(d);
    for (let i = 0; i < iv.length; i += 2) {
      const open = iv[i]!;
      const close = Math.min(iv[i + 1]!, end);
      for (let s = open; s + len <= close; s += len) {
        if (s >= from) slots.push({ start: s, end: s + len });
      }
    }
  }
  return slots;
}

/** What a booking asks for. */
export interface SlotRequest {
  /** An exact slot (by its start); refused when it is not offered or is full. */
  slotStart?: number | undefined;
  /** A preferred window: the first free slot inside it is taken when there is one. */
  preferredFrom?: number | undefined;
  preferredTo?: number | undefined;
  /** Slots starting at this instant are skipped (the slot a retry moves away from). */
  excludeStart?: number | undefined;
}

/** Why no slot could be chosen. */
export type SlotRefusal = 'no_slot_free' | 'slot_full' | 'outside_window';

/** The chosen slot, and whether the preferred window was met (null when none was given). */
export type SlotChoice = { ok: true; slot: Slot; preferenceMet: boolean | null } | { ok: false; reason: SlotRefusal };

/**
 * Chooses a slot with a free seat: the exact slot asked for, else the first free slot inside the
 * preferred window, else the first free slot (earliest call-back).
 */
export function chooseSlot(slots: readonly SlotLoad[], capacity: number, request: SlotRequest = {}): SlotChoice {
  const offered = slots.filter((s) => s.start !== request.excludeStart);
  const hasSeat = (s: SlotLoad) => s.taken < capacity;
  if (request.slotStart !== undefined) {
    const slot = offered.find((s) => s.start === request.slotStart);
    if (!slot) return { ok: false, reason: 'outside_window' };
    if (!hasSeat(slot)) return { ok: false, reason: 'slot_full' };
    return { ok: true, slot: { start: slot.start, end: slot.end }, preferenceMet: null };
  }
  const free = offered.filter(hasSeat);
  if (free.length === 0) return { ok: false, reason: 'no_slot_free' };
  const asked = request.preferredFrom !== undefined || request.preferredTo !== undefined;
  if (asked) {
    const lo = request.preferredFrom ?? -Infinity;
    const hi = request.preferredTo ?? Infinity;
    const inside = free.find((s) => s.start >= lo && s.end <= hi);
    if (inside) return { ok: true, slot: { start: inside.start, end: inside.end }, preferenceMet: true };
  }
  const first = free[0]!;
  return { ok: true, slot: { start: first.start, end: first.end }, preferenceMet: asked ? false : null };
}

/** The slots with their load, from the booked seats' slot starts. */
export function loadSlots(slots: readonly Slot[], bookedStarts: readonly number[]): SlotLoad[] {
  const count = new Map<number, number>();
  for (const t of bookedStarts) count.set(t, (count.get(t) ?? 0) + 1);
  return slots.map((s) => ({ ...s, taken: count.get(s.start) ?? 0 }));
}
