/** Timestamps are ISO-8601 UTC strings (timestamptz in PostgreSQL, TEXT in SQLite). */
type Timestamp = string;

/** A ready-made answer agents insert in the composer, in one language. */
export interface CannedRepliesTable {
  id: string;
  /** fr, es, en or ru: offered on tickets in that language. */
  language: string;
  title: string;
  body: string;
  /** The agent who wrote it (null once that account is gone). */
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** The tables of canned replies. */
export interface CannedReplyTables {
  cannedReplies: CannedRepliesTable;
}
