import type { CallbackSlotsDto, CallbackSlotsQuery } from '../../../contracts/callbacks.js';
import { callbackSlots, loadSlots, windowEnd, type SlotLoad } from '../../../domain/callbacks/slots.js';
import { formatInZone } from '../../../domain/sla/compiled-calendar.js';
import type { Executor } from '../../db/schema.js';
import { takenSeatStarts } from '../../repositories/callbacks.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { resolveCalendarId, slaSetup } from '../sla/sla-setup.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';

/** Which slots a booking looks at: the booking window, or the longer horizon of a rescheduled call. */
export type SlotHorizon = 'booking' | 'reschedule';

/** The slots of a team's calendar from an instant, with their load. */
export interface ScopeSlots {
  /** Seats are counted per scope: the team's id, or '' for the default calendar. */
  scope: string;
  timeZone: string;
  windowEnd: number | null;
  slots: SlotLoad[];
}

/** The seats' scope of a team. */
export const scopeOf = (groupId: string | null): string => groupId ?? '';

/**
 * The slots of the team's calendar (its own, else the default) from `from`, within the horizon's
 * business minutes, each with the seats already taken (read through `executor`: inside a booking's
 * transaction, the transaction). No calendar: no slot.
 */
export async function scopeSlots(deps: ServiceDeps, executor: Executor, groupId: string | null, from: Date, horizon: SlotHorizon): Promise<ScopeSlots> {
  const scope = scopeOf(groupId);
  const setup = await slaSetup(deps, executor);
  const id = resolveCalendarId(setup, null, groupId);
  if (!id) return { scope, timeZone: deps.config.defaultTimeZone, windowEnd: null, slots: [] };
  const { calendar, timeZone } = setup.calendars.get(id)!;
  const rules = {
    slotMinutes: deps.config.callbacks.slotMinutes,
    windowMinutes: horizon === 'booking' ? deps.config.callbacks.windowMinutes : deps.config.callbacks.rescheduleMinutes,
  };
  const end = windowEnd(calendar, from.getTime(), rules.windowMinutes);
  const slots = callbackSlots(calendar, from.getTime(), rules);
  if (slots.length === 0) return { scope, timeZone, windowEnd: end, slots: [] };
  const taken = await takenSeatStarts(executor, scope, new Date(slots[0]!.start).toISOString(), new Date(slots.at(-1)!.end).toISOString());
  return { scope, timeZone, windowEnd: end, slots: loadSlots(slots, taken.map((t) => Date.parse(t))) };
}

/** GET /callbacks/slots: the slots a customer (or an agent) may book, with the seats left. */
export async function listCallbackSlots(deps: ServiceDeps, actor: Actor, query: CallbackSlotsQuery): Promise<CallbackSlotsDto> {
  let groupId = query.groupId ?? null;
  if (query.ticketId) groupId = (await loadVisibleTicket(deps.db, actor, query.ticketId)).groupId;
  const found = await scopeSlots(deps, deps.db, groupId, deps.clock.now(), query.horizon);
  const capacity = deps.config.callbacks.capacity;
  return {
    timeZone: found.timeZone,
    windowEnd: found.windowEnd === null ? null : formatInZone(found.windowEnd, found.timeZone),
    slotMinutes: deps.config.callbacks.slotMinutes,
    capacity,
    slots: found.slots.map((s) => ({ start: formatInZone(s.start, found.timeZone), end: formatInZone(s.end, found.timeZone), free: Math.max(0, capacity - s.taken) })),
  };
}
