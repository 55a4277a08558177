import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { BookCallbackBody } from '../../../contracts/callbacks.js';
import { chooseSlot, type SlotLoad, type SlotRequest } from '../../../domain/callbacks/slots.js';
import { formatTicketNumber, ticketNumberScope } from '../../../domain/ticket/ticket-number.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound, validationFailed } from '../../errors/app-error.js';
import {
  findBookedCallbackOfTicket,
  findCallback,
  insertCallback,
  isUniqueViolation,
  takeSeat,
  updateCallback,
  type CallbackRow,
} from '../../repositories/callbacks.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { findTicket, insertTicket, nextTicketSequence, updateTicketRow, type TicketRow } from '../../repositories/tickets.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { loadVisibleTicket } from '../tickets/ticket-access.js';
import { alreadyBooked, slotRefused } from './callback-errors.js';
import { scopeSlots, type SlotHorizon } from './callback-slots.js';
import { callbackText, preferredText, slotText, type Reader } from './callback-texts.js';

/** A booking as the API takes it. */
export type BookCallbackInput = BookCallbackBody & { actor: Actor };

const iso = (t: number) => new Date(t).toISOString();

/**
 * Chooses a slot with `request` and takes a seat in it for the callback, inside the caller's
 * transaction; a seat taken meanwhile by a concurrent booking makes it try the next choice.
 * Returns the slot; throws the problem when none can be had.
 */
export async function seatCallback(
  deps: ServiceDeps,
  trx: Transaction<DB>,
  c: { id: string; groupId: string | null; horizon: SlotHorizon; request: SlotRequest; create?: (slot: { start: string; end: string }, preferenceMet: boolean | null) => Promise<void> },
): Promise<{ start: string; end: string; preferenceMet: boolean | null }> {
  const found = await scopeSlots(deps, trx, c.groupId, deps.clock.now(), c.horizon);
  const capacity = deps.config.callbacks.capacity;
  const loads: SlotLoad[] = found.slots.map((s) => ({ ...s }));
  let created = !c.create;
  for (;;) {
    const choice = chooseSlot(loads, capacity, c.request);
    if (!choice.ok) throw slotRefused(choice.reason);
    const slot = { start: iso(choice.slot.start), end: iso(choice.slot.end) };
    if (!created) {
      await c.create!(slot, choice.preferenceMet);
      created = true;
    } else {
      await updateCallback(trx, c.id, { slotStart: slot.start, slotEnd: slot.end, ...(c.create ? { preferenceMet: choice.preferenceMet === null ? null : choice.preferenceMet ? 1 : 0 } : {}) });
    }
    if ((await takeSeat(trx, found.scope, slot.start, capacity, c.id)) !== null) return { ...slot, preferenceMet: choice.preferenceMet };
    // Taken by a concurrent booking since we counted: that slot is full now.
    const full = loads.find((s) => s.start === choice.slot.start)!;
    full.taken = capacity;
  }
}

/** Writes a public `system` message on the ticket and asks the mail area to send it (automatic). */
export async function writeSystemMessage(
  deps: ServiceDeps,
  trx: Transaction<DB>,
  m: { ticketId: string; text: string; createdById: string | null; at: string },
): Promise<string> {
  const messageId = uuidv7();
  const body = renderPlainText(m.text);
  await insertMessage(trx, {
    id: messageId,
    ticketId: m.ticketId,
    authorId: null,
    createdById: m.createdById,
    kind: 'system',
    internal: 0,
    channel: 'phone',
    bodyText: body.text,
    bodyHtml: body.html,
    createdAt: m.at,
  });
  await runTicketHooks({ trx, ticketId: m.ticketId, actorId: m.createdById, event: { type: 'message_added', messageId, kind: 'system', internal: false }, at: m.at }, deps);
  await deps.jobs.enqueue(trx, 'mail.ticket-message', { messageId, automatic: true });
  return messageId;
}

/** The reader of a ticket's customer-facing texts: its language, its requester's time zone. */
export async function readerOf(deps: ServiceDeps, trx: Transaction<DB> | ServiceDeps['db'], ticket: { language: string; requesterId: string }): Promise<Reader> {
  const user = await trx.selectFrom('users').select('timeZone').where('id', '=', ticket.requesterId).executeTakeFirst();
  return { language: ticket.language, timeZone: user?.timeZone ?? deps.config.defaultTimeZone };
}

/**
 * Books a callback, open 24/7: on an existing ticket, or (customers) as a new request with channel
 * phone. The slot is the one asked for, else the first free one in the preferred window, else the
 * earliest free one of the next business hours of the team's calendar. The customer is told the
 * slot in their language and time zone by a `system` message, mailed as an automatic message.
 * One transaction: a refused booking leaves no ticket, no message, no seat.
 */
export async function bookCallback(deps: ServiceDeps, input: BookCallbackInput): Promise<{ callback: CallbackRow; ticket: TicketRow }> {
  const { actor } = input;
  const staff = isStaff(actor);
  let existing: TicketRow | null = null;
  if (input.ticketId) {
    existing = await loadVisibleTicket(deps.db, actor, input.ticketId);
    if (existing.state === 'closed') throw new AppError('conflict', { detailKey: 'ticket_closed' });
  } else if (staff) {
    throw validationFailed([{ path: 'ticketId', message: 'agents book a callback on an existing ticket (log the phone request first)' }]);
  }
  const request: SlotRequest = {
    slotStart: input.slotStart ? Date.parse(input.slotStart) : undefined,
    preferredFrom: input.preferredFrom ? Date.parse(input.preferredFrom) : undefined,
    preferredTo: input.preferredTo ? Date.parse(input.preferredTo) : undefined,
  };
  const now = deps.clock.now();
  const at = now.toISOString();
  const year = now.getUTCFullYear();
  const numberScope = ticketNumberScope(deps.config.ticketPrefix, year);
  const early = !existing && deps.dialect === 'postgres' ? await nextTicketSequence(deps.db, numberScope) : null;
  const callbackId = uuidv7();
  const ticketId = existing?.id ?? uuidv7();
  const phone = input.phone.trim();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const language = existing?.language ?? actor.language;
      if (!existing) {
        const messageId = uuidv7();
        const reader = { language, timeZone: actor.timeZone };
        const body = renderPlainText(input.body?.trim() || callbackText(deps, reader, 'ticket.body', { phone }));
        const sequence = early ?? (await nextTicketSequence(trx, numberScope));
        await insertTicket(trx, {
          id: ticketId,
          number: formatTicketNumber(deps.config.ticketPrefix, year, sequence),
          subject: input.subject?.trim() || callbackText(deps, reader, 'ticket.subject'),
          requesterId: actor.id,
          organizationId: actor.organizationId,
          assigneeId: null,
          groupId: null,
          state: 'new',
          pendingReason: null,
          priority: 'normal',
          channel: 'phone',
          language,
          reopenCount: 0,
          createdAt: at,
          updatedAt: at,
          firstResponseAt: null,
          lastCustomerMessageAt: at,
          lastAgentMessageAt: null,
          solvedAt: null,
          closedAt: null,
          licenceNumber: null,
          premium: 0,
        });
        await insertMessage(trx, {
          id: messageId,
          ticketId,
          authorId: actor.id,
          createdById: actor.id,
          kind: 'customer',
          internal: 0,
          channel: 'phone',
          bodyText: body.text,
          bodyHtml: body.html,
          createdAt: at,
        });
        await insertHistory(trx, [ticketHistory(ticketId, actor.id, at, 'created', { after: { channel: 'phone', state: 'new' } })]);
        await runTicketHooks({ trx, ticketId, actorId: actor.id, event: { type: 'created', messageId, kbSessionId: null }, at }, deps);
      } else if (await findBookedCallbackOfTicket(trx, ticketId)) {
        throw alreadyBooked();
      }
      const ticket = (await findTicket(trx, ticketId))!;
      const slot = await seatCallback(deps, trx, {
        id: callbackId,
        groupId: ticket.groupId,
        horizon: 'booking',
        request,
        create: (s, preferenceMet) =>
          insertCallback(trx, {
            id: callbackId,
            ticketId,
            requesterId: ticket.requesterId,
            scope: ticket.groupId ?? '',
            phone,
            preferredFrom: request.preferredFrom === undefined ? null : iso(request.preferredFrom),
            preferredTo: request.preferredTo === undefined ? null : iso(request.preferredTo),
            slotStart: s.start,
            slotEnd: s.end,
            state: 'booked',
            outcome: null,
            attempts: 0,
            preferenceMet: preferenceMet === null ? null : preferenceMet ? 1 : 0,
            bookedById: actor.id,
            doneById: null,
            doneAt: null,
            createdAt: at,
            updatedAt: at,
          }),
      });
      await insertHistory(trx, [ticketHistory(ticketId, actor.id, at, 'callback_booked', { after: { callbackId, slotStart: slot.start, slotEnd: slot.end, phone } })]);
      const reader = await readerOf(deps, trx, ticket);
      const lines = [callbackText(deps, reader, 'message.booked', { slot: slotText(deps, slot, reader), phone })];
      const wish = preferredText(deps, request.preferredFrom === undefined ? null : iso(request.preferredFrom), request.preferredTo === undefined ? null : iso(request.preferredTo), reader);
      if (wish && slot.preferenceMet === false) lines.push(callbackText(deps, reader, 'message.preference_not_met', { wish }));
      await writeSystemMessage(deps, trx, { ticketId, text: lines.join('\n\n'), createdById: actor.id, at });
      if (existing) await updateTicketRow(trx, ticketId, { updatedAt: at });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyBooked();
    throw e;
  }
  deps.events.publish({ ticketId, type: existing ? 'message_added' : 'created', internal: false, at });
  const callback = await findCallback(deps.db, callbackId);
  const ticket = await findTicket(deps.db, ticketId);
  if (!callback || !ticket) throw notFound('resource');
  return { callback, ticket };
}
