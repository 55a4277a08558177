import { authenticator } from 'otplib';
import { AppError } from '../../errors/app-error.js';
import { findUserById, updateUser, type UserRow } from '../../repositories/users.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';

const STEP_SECONDS = 30;

/** Checks a TOTP code at the clock's time (±1 step) and returns its time step, or null. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const step = Math.floor(now.getTime() / 1000 / STEP_SECONDS);
  for (const delta of [0, -1, 1]) {
    const at = (step + delta) * STEP_SECONDS * 1000;
    if (authenticator.clone({ epoch: at, window: 0 }).check(clean, secret)) return step + delta;
  }
  return null;
}

/**
 * Verifies the second factor of a user who has one; accepts each code once (replay protection).
 * Throws totp_required when no code was sent, invalid_credentials when it is wrong or used.
 */
export async function verifySecondFactor(deps: ServiceDeps, user: UserRow, code: string | undefined): Promise<void> {
  if (!user.totpSecret) return;
  if (!code) throw new AppError('totp_required', { detailKey: 'totp_required' });
  const step = matchTotp(user.totpSecret, code, deps.clock.now());
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    throw new AppError('invalid_credentials', { detailKey: 'totp_invalid' });
  }
  await updateUser(deps.db, user.id, { totpLastStep: step });
}

/** Starts enrolment: a new secret and its otpauth:// URI for an authenticator app. */
export async function startTwoFactor(deps: ServiceDeps, actor: Actor): Promise<{ secret: string; otpauthUri: string }> {
  const secret = authenticator.generateSecret(20);
  await updateUser(deps.db, actor.id, { totpPendingSecret: secret, updatedAt: deps.clock.now().toISOString() });
  return { secret, otpauthUri: authenticator.keyuri(actor.email, 'Guichet', secret) };
}

/** Confirms enrolment with a code from the app; from then on sign-in asks for a code. */
export async function confirmTwoFactor(deps: ServiceDeps, actor: Actor, code: string): Promise<void> {
  const user = (await findUserById(deps.db, actor.id))!;
  if (!user.totpPendingSecret) throw new AppError('conflict', { detailKey: 'totp_not_started' });
  const step = matchTotp(user.totpPendingSecret, code, deps.clock.now());
  if (step === null) throw new AppError('validation_failed', { detailKey: 'totp_invalid', errors: [{ path: 'code', message: 'wrong code' }] });
  await updateUser(deps.db, actor.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step, updatedAt: deps.clock.now().toISOString() });
}

/** Turns two-factor sign-in off; needs a current code. */
export async function disableTwoFactor(deps: ServiceDeps, actor: Actor, code: string): Promise<void> {
  const user = (await findUserById(deps.db, actor.id))!;
  if (!user.totpSecret) return;
  await verifySecondFactor(deps, user, code);
  await updateUser(deps.db, actor.id, { totpSecret: null, totpPendingSecret: null, totpLastStep: null, updatedAt: deps.clock.now().toISOString() });
}
