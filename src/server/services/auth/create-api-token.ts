import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors/app-error.js';
import { insertAuthToken } from '../../repositories/auth-tokens.repository.js';
import { findUserByEmail } from '../../repositories/users.repository.js';
import type { ServiceDeps } from '../deps.js';
import { hashToken, newToken } from './secrets.js';

/** Input for a new API token. */
export interface CreateApiTokenInput {
  /** The user the token acts as. */
  email: string;
  /** A label to recognise it later. */
  name?: string;
}

/** Creates a long-lived API token; only its SHA-256 is stored, the token is shown once. */
export async function createApiToken(deps: ServiceDeps, input: CreateApiTokenInput): Promise<string> {
  const user = await findUserByEmail(deps.db, input.email);
  if (!user) throw new AppError('not_found', { detailKey: 'user_not_found', params: { email: input.email } });
  const token = newToken();
  await insertAuthToken(deps.db, {
    id: uuidv7(),
    userId: user.id,
    tokenHash: hashToken(token),
    kind: 'api',
    name: input.name ?? 'api',
    createdAt: deps.clock.now().toISOString(),
    expiresAt: null,
    lastUsedAt: null,
  });
  return token;
}
