import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors/app-error.js';
import { insertAuthToken } from '../../repositories/auth-tokens.repository.js';
import { findUserByEmail, updateUser, type UserRow } from '../../repositories/users.repository.js';
import type { ServiceDeps } from '../deps.js';
import { csrfTokenFor, dummyPasswordHash, hashToken, newToken, verifyPassword } from './secrets.js';
import { verifySecondFactor } from './two-factor.js';

/** Login input. */
export interface LoginInput {
  /** E-mail as typed. */
  email: string;
  password: string;
  /** The current code of the user's authenticator app, when two-factor sign-in is on. */
  totpCode?: string | undefined;
}

/** A new session. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRow;
}

/**
 * Checks the password and opens a session. After `loginMaxFailures` wrong passwords the account is
 * locked for `loginLockMinutes` (per account; the HTTP layer also limits per IP).
 */
export async function login(deps: ServiceDeps, input: LoginInput): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || !user.passwordHash || !user.active) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('invalid_credentials', { detailKey: 'invalid_credentials_detail' });
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    const retryAfter = Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 1000);
    throw new AppError('login_locked', { detailKey: 'login_locked_detail', params: { count: Math.ceil(retryAfter / 60) }, headers: { 'retry-after': String(retryAfter) } });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= deps.config.loginMaxFailures;
    await updateUser(deps.db, user.id, {
      failedLogins: lock ? 0 : failures,
      lockedUntil: lock ? new Date(now.getTime() + deps.config.loginLockMinutes * 60_000).toISOString() : user.lockedUntil,
    });
    throw new AppError('invalid_credentials', { detailKey: 'invalid_credentials_detail' });
  }
  await verifySecondFactor(deps, user, input.totpCode);
  if (user.failedLogins > 0 || user.lockedUntil) await updateUser(deps.db, user.id, { failedLogins: 0, lockedUntil: null });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString();
  await insertAuthToken(deps.db, {
    id: uuidv7(),
    userId: user.id,
    tokenHash: hashToken(token),
    kind: 'session',
    name: null,
    createdAt: now.toISOString(),
    expiresAt,
    lastUsedAt: now.toISOString(),
  });
  return { token, csrfToken: csrfTokenFor(token), expiresAt, user };
}
