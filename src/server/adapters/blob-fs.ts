import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../ports/blob-store.js';

/** Files under <dataDir>/blobs/ab/cd/<key>; written to a temp name then renamed, so never half-written. */
export class FsBlobStore implements BlobStore {
  readonly kind = 'fs' as const;
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(key)) throw new Error(`invalid blob key ${key}`);
    return path.join(this.root, key.slice(-4, -2), key.slice(-2), key);
  }

  async put(_executor: unknown, key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  }

  async get(_executor: unknown, key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async delete(_executor: unknown, key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
