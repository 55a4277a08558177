import type { SlotRefusal } from '../../../domain/callbacks/slots.js';
import { AppError } from '../../errors/app-error.js';

/**
 * The problem answered when no slot can be booked: 409 `conflict` for a full slot or no free slot,
 * 422 `unprocessable` for a slot outside the window; the reason is the field error's `code`
 * (no_slot_free, slot_full, outside_window) so clients can tell them apart.
 */
export function slotRefused(reason: SlotRefusal): AppError {
  const messages: Record<SlotRefusal, string> = {
    no_slot_free: 'every slot of the booking window is full',
    slot_full: 'this slot has no seat left',
    outside_window: 'not a slot of the booking window',
  };
  return new AppError(reason === 'outside_window' ? 'unprocessable' : 'conflict', {
    detailKey: `callbacks:errors.${reason}`,
    errors: [{ path: 'slotStart', code: reason, message: messages[reason] }],
  });
}

/** 409 when the ticket already has a callback waiting. */
export const alreadyBooked = (): AppError =>
  new AppError('conflict', { detailKey: 'callbacks:errors.already_booked', errors: [{ path: 'ticketId', code: 'already_booked', message: 'this ticket already has a booked callback' }] });
