import type { Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CallbackOutcomeBody } from '../../../contracts/callbacks.js';
import type { TicketsTable } from '../../db/tables/foundation.js';
import { AppError, notFound, validationFailed } from '../../errors/app-error.js';
import { findCallback, releaseSeat, updateCallback, type CallbackRow } from '../../repositories/callbacks.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { insertMessage } from '../../repositories/messages.repository.js';
import { findTicket, updateTicketRow } from '../../repositories/tickets.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { runTicketHooks, type FieldChange } from '../hooks/ticket-hooks.js';
import { renderPlainText } from '../messages/render-body.js';
import { ticketHistory } from '../tickets/history-entry.js';
import { readerOf, seatCallback, writeSystemMessage } from './book-callback.js';
import { callbackText, slotText } from './callback-texts.js';

/** An agent's outcome of a call. */
export type RecordOutcomeInput = CallbackOutcomeBody & { actor: Actor; callbackId: string };

/**
 * Records how a call went, on the ticket's thread (channel phone) and history, in one transaction:
 * - reached: the callback is done; the agent's public reply (channel phone) says so, with the note,
 *   and counts as an agent response (first response, SLA) like any reply;
 * - no_answer: one more attempt; the call moves to the next free slot (the retry) and the customer
 *   is told when by a `system` message mailed as automatic;
 * - rescheduled: the call moves to the slot chosen with the customer (required), told the same way.
 * For the last two a note, when given, is kept as an internal note.
 */
export async function recordCallbackOutcome(deps: ServiceDeps, input: RecordOutcomeInput): Promise<CallbackRow> {
  const { actor } = input;
  const callback = await findCallback(deps.db, input.callbackId);
  if (!callback) throw notFound('resource');
  if (callback.state !== 'booked') throw new AppError('conflict', { detailKey: 'callbacks:errors.not_booked' });
  if (input.outcome === 'rescheduled' && !input.slotStart) throw validationFailed([{ path: 'slotStart', message: 'required when the call is rescheduled' }]);
  const at = deps.clock.now().toISOString();
  const note = input.note?.trim() ?? '';
  const attempts = Number(callback.attempts) + 1;
  await deps.db.transaction().execute(async (trx) => {
    // Two agents recording the same call: only the first one counts.
    const claimed = await trx
      .updateTable('callbacks')
      .set({ attempts, outcome: input.outcome, updatedAt: at })
      .where('id', '=', callback.id)
      .where('state', '=', 'booked')
      .where('attempts', '=', Number(callback.attempts))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('conflict', { detailKey: 'callbacks:errors.not_booked' });
    const ticket = (await findTicket(trx, callback.ticketId))!;
    const reader = await readerOf(deps, trx, ticket);
    const called = slotText(deps, { start: callback.slotStart, end: callback.slotEnd }, reader);
    await releaseSeat(trx, callback.id);
    let after: Record<string, unknown> = { callbackId: callback.id, outcome: input.outcome, attempts };
    if (input.outcome === 'reached') {
      await updateCallback(trx, callback.id, { state: 'done', doneAt: at, doneById: actor.id });
      const messageId = uuidv7();
      const text = [callbackText(deps, reader, 'message.reached', { slot: called }), note].filter(Boolean).join('\n\n');
      const body = renderPlainText(text);
      await insertMessage(trx, {
        id: messageId, ticketId: ticket.id, authorId: actor.id, createdById: actor.id, kind: 'reply', internal: 0, channel: 'phone',
        bodyText: body.text, bodyHtml: body.html, createdAt: at,
      });
      const patch: Updateable<TicketsTable> = { updatedAt: at, lastAgentMessageAt: at };
      const changes: FieldChange[] = [];
      if (!ticket.firstResponseAt) patch.firstResponseAt = at;
      if (ticket.state === 'new') {
        patch.state = 'open';
        changes.push({ field: 'state', before: 'new', after: 'open' });
      }
      await updateTicketRow(trx, ticket.id, patch);
      await insertHistory(trx, [
        ticketHistory(ticket.id, actor.id, at, 'message_added', { after: { messageId, kind: 'reply', channel: 'phone' } }),
        ...changes.map((c) => ticketHistory(ticket.id, actor.id, at, 'changed', c)),
      ]);
      await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'message_added', messageId, kind: 'reply', internal: false }, at }, deps);
      if (changes.length > 0) await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'updated', changes }, at }, deps);
    } else {
      const slot = await seatCallback(deps, trx, {
        id: callback.id,
        groupId: ticket.groupId,
        horizon: 'reschedule',
        request: input.outcome === 'rescheduled' ? { slotStart: Date.parse(input.slotStart!) } : { excludeStart: Date.parse(callback.slotStart) },
      });
      after = { ...after, slotStart: slot.start, slotEnd: slot.end };
      const next = slotText(deps, slot, reader);
      const text =
        input.outcome === 'no_answer'
          ? callbackText(deps, reader, 'message.no_answer', { slot: called, next, phone: callback.phone })
          : callbackText(deps, reader, 'message.rescheduled', { next, phone: callback.phone });
      await writeSystemMessage(deps, trx, { ticketId: ticket.id, text, createdById: actor.id, at });
      if (note) {
        const body = renderPlainText(note);
        const noteId = uuidv7();
        await insertMessage(trx, {
          id: noteId, ticketId: ticket.id, authorId: actor.id, createdById: actor.id, kind: 'note', internal: 1, channel: 'phone',
          bodyText: body.text, bodyHtml: body.html, createdAt: at,
        });
        await insertHistory(trx, [ticketHistory(ticket.id, actor.id, at, 'message_added', { after: { messageId: noteId, kind: 'note', channel: 'phone' }, internal: true })]);
        await runTicketHooks({ trx, ticketId: ticket.id, actorId: actor.id, event: { type: 'message_added', messageId: noteId, kind: 'note', internal: true }, at }, deps);
      }
      await updateTicketRow(trx, ticket.id, { updatedAt: at });
    }
    await insertHistory(trx, [ticketHistory(ticket.id, actor.id, at, 'callback_outcome', { after })]);
  });
  deps.events.publish({ ticketId: callback.ticketId, type: 'message_added', internal: false, at });
  return (await findCallback(deps.db, callback.id))!;
}
