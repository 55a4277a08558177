/** Timestamps are ISO-8601 UTC strings (timestamptz in PostgreSQL, TEXT in SQLite). */
type Timestamp = string;
/** Booleans are stored as 0/1 integers on both databases. */
type Flag = number;

/** The request form of a product, when admins changed it from the default. */
export interface IntakeRequestFormsTable {
  productId: string;
  /** JSON array of RequestField. */
  fields: string;
  updatedAt: Timestamp;
}

/** The structured request filed with a ticket. */
export interface TicketRequestsTable {
  ticketId: string;
  productId: string | null;
  /** JSON object: field key → value (strings). */
  fieldValues: string;
  /** JSON array of the required field keys still missing. */
  missing: string;
  complete: Flag;
  /** 0 when the request asks several distinct questions. */
  oneQuestion: Flag;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A "not satisfied" reopen: the question, the last answer and the customer's comment. */
export interface TicketReopensTable {
  id: string;
  ticketId: string;
  questionMessageId: string | null;
  answerMessageId: string | null;
  commentMessageId: string | null;
  actorId: string | null;
  createdAt: Timestamp;
}

/** Tables of intake. */
export interface IntakeTables {
  intakeRequestForms: IntakeRequestFormsTable;
  ticketRequests: TicketRequestsTable;
  ticketReopens: TicketReopensTable;
}
