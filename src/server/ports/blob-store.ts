import type { Executor } from '../db/schema.js';

/** Where attachment bytes live; the row in `attachments` names the store and the key. */
export interface BlobStore {
  /** Store name recorded on each attachment row ('fs' or 'db'). */
  readonly kind: 'fs' | 'db';
  /** Stores bytes; the database store writes through `executor` so it commits with the rows. */
  put(executor: Executor, key: string, data: Buffer): Promise<void>;
  /** Reads bytes; null when missing. */
  get(executor: Executor, key: string): Promise<Buffer | null>;
  /** Removes bytes; missing keys are fine. */
  delete(executor: Executor, key: string): Promise<void>;
}
