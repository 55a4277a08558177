import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApiToken } from '../../src/server/services/auth/create-api-token.js';
import { actorFromUser, type Actor } from '../../src/server/services/actor.js';
import type { ServiceDeps } from '../../src/server/services/deps.js';
import { addUser } from '../../src/server/services/users/add-user.js';

let counter = 0;

/** A user with an API token, for tests. */
export interface TestUser {
  id: string;
  email: string;
  token: string;
  actor: Actor;
}

/** Creates a user (and organization) with an API token. Passwords are set only when given. */
export async function makeUser(
  deps: ServiceDeps,
  props: { role?: 'customer' | 'agent' | 'admin'; org?: string; language?: string; password?: string; email?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const email = props.email ?? `user${counter}-${Math.random().toString(36).slice(2, 7)}@test.example`;
  const user = await addUser(deps, { email, role: props.role ?? 'customer', organization: props.org, language: props.language ?? 'en', password: props.password });
  const token = await createApiToken(deps, { email });
  return { id: user.id, email, token, actor: actorFromUser(user) };
}

/** Sends a request as a user (Bearer token). */
export function as(app: FastifyInstance, user: TestUser | null, options: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({
    ...options,
    headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...(options.headers ?? {}) },
  });
}

/** A multipart/form-data body with fields and files, built by hand so tests control every byte. */
export function multipart(fields: Record<string, string>, files: Array<{ field?: string; filename: string; contentType: string; data: Buffer }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----guichet${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
