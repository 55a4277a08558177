import type { CallbackDto } from '../../../contracts/callbacks.js';
import type { CallbackRow } from '../../repositories/callbacks.repository.js';

/** The API face of a callback. */
export function presentCallback(r: CallbackRow): CallbackDto {
  return {
    id: r.id,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    ticketSubject: r.ticketSubject,
    requesterId: r.requesterId,
    requesterName: r.requesterName,
    requesterTimeZone: r.requesterTimeZone,
    phone: r.phone,
    state: r.state as CallbackDto['state'],
    outcome: r.outcome as CallbackDto['outcome'],
    attempts: Number(r.attempts),
    slotStart: r.slotStart,
    slotEnd: r.slotEnd,
    preferredFrom: r.preferredFrom,
    preferredTo: r.preferredTo,
    preferenceMet: r.preferenceMet === null ? null : Boolean(Number(r.preferenceMet)),
    assigneeId: r.assigneeId,
    doneAt: r.doneAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
