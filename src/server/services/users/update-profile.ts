import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findUserById, updateUser, type UserRow } from '../../repositories/users.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { isValidTimeZone } from './add-user.js';

/** A person's own preferences. */
export interface UpdateProfileInput {
  actor: Actor;
  /** Language of the interface, of error messages and of e-mails. */
  language?: 'fr' | 'es' | 'en' | 'ru' | undefined;
  /** IANA time zone dates are shown in. */
  timeZone?: string | undefined;
}

/**
 * Changes the signed-in user's language and time zone. The web app's language switch calls it, so
 * the server's messages (problem details, later e-mails) follow the language the person chose.
 */
export async function updateProfile(deps: ServiceDeps, input: UpdateProfileInput): Promise<UserRow> {
  const user = await findUserById(deps.db, input.actor.id);
  if (!user) throw notFound('user');
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw new AppError('validation_failed', {
      detailKey: 'validation_failed_detail',
      errors: [{ path: 'timeZone', message: `Unknown time zone "${input.timeZone}"` }],
    });
  }
  const patch: { language?: string; timeZone?: string } = {};
  if (input.language !== undefined && input.language !== user.language) patch.language = input.language;
  if (input.timeZone !== undefined && input.timeZone !== user.timeZone) patch.timeZone = input.timeZone;
  if (Object.keys(patch).length === 0) return user;
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { ...patch, updatedAt: at });
    await insertHistory(
      trx,
      Object.entries(patch).map(([field, after]) => ({
        id: uuidv7(),
        ticketId: null,
        entityType: 'user',
        entityId: user.id,
        actorId: input.actor.id,
        action: 'changed',
        field,
        before: JSON.stringify(user[field as keyof typeof patch]),
        after: JSON.stringify(after),
        internal: 1,
        createdAt: at,
      })),
    );
  });
  return (await findUserById(deps.db, user.id))!;
}
