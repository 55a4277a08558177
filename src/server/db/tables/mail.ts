type Timestamp = string;

/** One mail in or out and what Guichet did with it. */
export interface MailLogTable {
  id: string;
  /** in | out */
  direction: string;
  /** RFC 5322 Message-ID with angle brackets; unique, so the same mail is handled once. */
  rfcMessageId: string;
  ticketId: string | null;
  /** The thread message the mail became (in) or carried (out). */
  messageId: string | null;
  /** in: created | appended | ignored | rejected | processing; out: queued | sent | failed | bounced | skipped */
  action: string;
  reason: string | null;
  sender: string | null;
  recipient: string | null;
  subject: string | null;
  size: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** The raw bytes of a mail, kept until expiresAt (so nothing is lost while a person can look). */
export interface MailRawTable {
  mailId: string;
  data: Buffer;
  expiresAt: Timestamp;
}

/** The mail area's tables. */
export interface MailTables {
  mailLog: MailLogTable;
  mailRaw: MailRawTable;
}
