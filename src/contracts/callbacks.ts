import { z } from 'zod';
import { TicketDto } from './tickets.js';

const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, 'ISO 8601 instant with an offset (Z or ±HH:MM)');

/** GET /callbacks/slots query. */
export const CallbackSlotsQuery = z.object({
  ticketId: z.string().max(100).optional().describe('Id or number of the ticket the call is about (its team\'s calendar is used)'),
  groupId: z.string().max(100).optional().describe('A team whose calendar to use when there is no ticket'),
  horizon: z.enum(['booking', 'reschedule']).default('booking').describe('booking: the next business hours (4 by default); reschedule: the longer horizon agents may move a call to'),
});
/** Slot query. */
export type CallbackSlotsQuery = z.infer<typeof CallbackSlotsQuery>;

/** One slot and its free seats. */
export const CallbackSlotDto = z.object({
  start: z.string().describe('ISO 8601 with the team calendar\'s offset'),
  end: z.string(),
  free: z.number().int().describe('Seats left (0: full)'),
});
/** A slot. */
export type CallbackSlotDto = z.infer<typeof CallbackSlotDto>;

/** The slots of the booking window. */
export const CallbackSlotsDto = z.object({
  timeZone: z.string().describe('The team calendar\'s zone'),
  windowEnd: z.string().nullable().describe('End of the booking window (null: the calendar has no business time)'),
  slotMinutes: z.number().int(),
  capacity: z.number().int(),
  slots: z.array(CallbackSlotDto),
});
/** Slots answer. */
export type CallbackSlotsDto = z.infer<typeof CallbackSlotsDto>;

/** POST /callbacks: book a callback on a ticket, or as a new phone request. */
export const BookCallbackBody = z
  .strictObject({
    ticketId: z.string().max(100).optional().describe('Id or number of an existing ticket; without it a new ticket (channel phone) is filed'),
    subject: z.string().trim().min(1).max(300).optional().describe('Subject of the new ticket'),
    body: z.string().max(20_000).optional().describe('What the call is about (new ticket)'),
    phone: z.string().trim().regex(/^\+?[0-9 ().\-/]{6,30}$/, 'a phone number: digits, spaces, + ( ) . - /'),
    preferredFrom: Instant.optional(),
    preferredTo: Instant.optional(),
    slotStart: Instant.optional().describe('An exact slot (its start) from GET /callbacks/slots'),
  })
  .refine((b) => !b.preferredFrom || !b.preferredTo || Date.parse(b.preferredFrom) < Date.parse(b.preferredTo), { path: ['preferredTo'], message: 'must be after preferredFrom' });
/** Booking body. */
export type BookCallbackBody = z.infer<typeof BookCallbackBody>;

export const CallbackState = z.enum(['booked', 'done', 'cancelled']);
export const CallbackOutcome = z.enum(['reached', 'no_answer', 'rescheduled']);
/** An outcome. */
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

/** A booked callback. */
export const CallbackDto = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  ticketSubject: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  requesterTimeZone: z.string(),
  phone: z.string(),
  state: CallbackState,
  outcome: CallbackOutcome.nullable(),
  attempts: z.number().int(),
  slotStart: z.string().describe('ISO 8601 UTC'),
  slotEnd: z.string(),
  preferredFrom: z.string().nullable(),
  preferredTo: z.string().nullable(),
  preferenceMet: z.boolean().nullable().describe('Whether the preferred window was met (null: none given)'),
  assigneeId: z.string().nullable().describe('The ticket\'s assignee'),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A callback. */
export type CallbackDto = z.infer<typeof CallbackDto>;

/** Answer of a booking. */
export const BookCallbackResponse = z.object({ callback: CallbackDto, ticket: TicketDto });

/** GET /callbacks query (agents). */
export const CallbackListQuery = z.object({
  state: CallbackState.default('booked').describe('booked: to call, by slot; done: reached; cancelled: the ticket was solved or closed first'),
  mine: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1').describe('Only callbacks on tickets assigned to me'),
  ticketId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
/** List query. */
export type CallbackListQuery = z.infer<typeof CallbackListQuery>;

/** The callback queue, ordered by slot. */
export const CallbackList = z.object({ items: z.array(CallbackDto) });

/** POST /callbacks/:id/outcome. */
export const CallbackOutcomeBody = z.strictObject({
  outcome: CallbackOutcome,
  note: z.string().max(5000).optional(),
  slotStart: Instant.optional().describe('rescheduled: the slot chosen with the customer (required)'),
});
/** Outcome body. */
export type CallbackOutcomeBody = z.infer<typeof CallbackOutcomeBody>;

export const CallbackIdParams = z.object({ id: z.string().max(100) });
