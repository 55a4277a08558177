import type { Executor } from '../db/schema.js';
import type { BlobStore } from '../ports/blob-store.js';

/** Bytes in the `blobs` table: one store for several app nodes, committed with the rows. */
export class DbBlobStore implements BlobStore {
  readonly kind = 'db' as const;
  constructor(private readonly now: () => Date) {}

  async put(executor: Executor, key: string, data: Buffer): Promise<void> {
    await executor.insertInto('blobs').values({ key, data, createdAt: this.now().toISOString() }).execute();
  }

  async get(executor: Executor, key: string): Promise<Buffer | null> {
    const row = await executor.selectFrom('blobs').select('data').where('key', '=', key).executeTakeFirst();
    return row ? Buffer.from(row.data) : null;
  }

  async delete(executor: Executor, key: string): Promise<void> {
    await executor.deleteFrom('blobs').where('key', '=', key).execute();
  }
}
