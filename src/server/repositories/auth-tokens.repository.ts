import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { AuthTokensTable } from '../db/tables/foundation.js';

/** A token row. */
export type AuthTokenRow = Selectable<AuthTokensTable>;

/** Stores a token hash. */
export async function insertAuthToken(db: Executor, row: Insertable<AuthTokensTable>): Promise<void> {
  await db.insertInto('authTokens').values(row).execute();
}

/** Finds a token by its hash, if not expired at `nowIso`. */
export function findLiveToken(db: Executor, tokenHash: string, nowIso: string): Promise<AuthTokenRow | undefined> {
  return db
    .selectFrom('authTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', nowIso)]))
    .executeTakeFirst();
}

/** Records a use of a token. */
export async function touchToken(db: Executor, id: string, nowIso: string): Promise<void> {
  await db.updateTable('authTokens').set({ lastUsedAt: nowIso }).where('id', '=', id).execute();
}

/** Deletes a token by hash. */
export async function deleteTokenByHash(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('authTokens').where('tokenHash', '=', tokenHash).execute();
}
