import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findOrganizationByName, insertOrganization } from '../../repositories/organizations.repository.js';
import { findUserByEmail, findUserById, insertUser, type UserRow } from '../../repositories/users.repository.js';
import { hashPassword } from '../auth/secrets.js';
import type { ServiceDeps } from '../deps.js';

/** A new user. */
export interface AddUserInput {
  /** Login and contact address; stored lower-cased. */
  email: string;
  /** Optional: a user without password cannot sign in until one is set. */
  password?: string | undefined;
  /** Display name; the part of the e-mail before @ when absent. */
  name?: string | undefined;
  role: 'customer' | 'agent' | 'admin';
  /** Organization name; created when it does not exist yet. */
  organization?: string | undefined;
  language?: string | undefined;
  timeZone?: string | undefined;
  /** Who creates the user (null from the CLI). */
  actorId?: string | null;
}

/** Returns whether a time zone is a valid IANA name. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Creates a user (and their organization when new); 409 when the e-mail is taken. */
export async function addUser(deps: ServiceDeps, input: AddUserInput): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  const timeZone = input.timeZone ?? deps.config.defaultTimeZone;
  if (!isValidTimeZone(timeZone)) {
    throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'timeZone', message: `Unknown time zone "${timeZone}"` }] });
  }
  if (await findUserByEmail(deps.db, email)) throw new AppError('already_exists', { detailKey: 'user_exists', params: { email } });
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const nowIso = deps.clock.now().toISOString();
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    let organizationId: string | null = null;
    if (input.organization) {
      const org = await findOrganizationByName(trx, input.organization);
      organizationId = org?.id ?? uuidv7();
      if (!org) {
        await insertOrganization(trx, { id: organizationId, name: input.organization, sharesTickets: 0, createdAt: nowIso, updatedAt: nowIso });
      }
    }
    await insertUser(trx, {
      id,
      email,
      name: input.name?.trim() || email.split('@')[0]!,
      role: input.role,
      organizationId,
      language: input.language ?? 'en',
      timeZone,
      passwordHash,
      active: 1,
      failedLogins: 0,
      lockedUntil: null,
      totpSecret: null,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
    await insertHistory(trx, [
      {
        id: uuidv7(), ticketId: null, entityType: 'user', entityId: id, actorId: input.actorId ?? null, action: 'created',
        field: null, before: null, after: JSON.stringify({ email, role: input.role, organizationId }), internal: 1, createdAt: nowIso,
      },
    ]);
  });
  return (await findUserById(deps.db, id))!;
}
