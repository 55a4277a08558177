import { findLiveToken, touchToken, deleteTokenByHash } from '../../repositories/auth-tokens.repository.js';
import { findUserById } from '../../repositories/users.repository.js';
import { actorFromUser, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { hashToken } from './secrets.js';

/** Resolves a session or API token to the acting user; null when unknown, expired or inactive. */
export async function authenticate(deps: ServiceDeps, token: string): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  const row = await findLiveToken(deps.db, hashToken(token), now.toISOString());
  if (!row) return null;
  const user = await findUserById(deps.db, row.userId);
  if (!user || !user.active) return null;
  // Last use is kept to the minute: writing it on every request would make every read a write.
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 60_000) await touchToken(deps.db, row.id, now.toISOString());
  return actorFromUser(user);
}

/** Ends a session (or revokes a token). */
export async function logout(deps: ServiceDeps, token: string): Promise<void> {
  await deleteTokenByHash(deps.db, hashToken(token));
}
