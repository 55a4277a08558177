/** Timestamps are ISO-8601 UTC strings (timestamptz in PostgreSQL, TEXT in SQLite). */
type Timestamp = string;

/** A customer's request to be called back, booked into a slot of the team's calendar. */
export interface CallbacksTable {
  id: string;
  ticketId: string;
  requesterId: string;
  /** Whose slots the booking uses: the ticket's group id, or '' for the default calendar. */
  scope: string;
  phone: string;
  preferredFrom: Timestamp | null;
  preferredTo: Timestamp | null;
  slotStart: Timestamp;
  slotEnd: Timestamp;
  /** booked (waiting for the call) | done (reached) | cancelled (the ticket was solved or closed first). */
  state: string;
  /** Last outcome: reached | no_answer | rescheduled; null before the first call. */
  outcome: string | null;
  /** Calls tried so far. */
  attempts: number;
  /** 1 when the preferred window was met, 0 when not, null when none was given. */
  preferenceMet: number | null;
  bookedById: string;
  doneById: string | null;
  doneAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/**
 * One taken seat of a slot: (scope, slot start, seat number) is the primary key, so two bookings can
 * never hold the same seat and a slot never holds more bookings than it has seats, on either database.
 */
export interface CallbackSeatsTable {
  scope: string;
  slotStart: Timestamp;
  seat: number;
  callbackId: string;
}

/** The callbacks area's tables. */
export interface CallbackTables {
  callbacks: CallbacksTable;
  callbackSeats: CallbackSeatsTable;
}
