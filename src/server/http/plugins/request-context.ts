import type { FastifyRequest } from 'fastify';
import { pickLanguage, isLang, type Lang } from '../../../i18n/languages.js';
import { forbidden, unauthenticated } from '../../errors/app-error.js';
import type { Actor } from '../../services/actor.js';
import type { UploadedFile } from '../../services/attachments/uploaded-file.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user, or null. */
    actor: Actor | null;
    /** How the actor authenticated: the portal's cookie session or a Bearer token. */
    authVia: 'cookie' | 'bearer' | null;
    /** The raw token the request authenticated with. */
    authToken: string | null;
    /** Files of a multipart request, read before validation. */
    uploads: UploadedFile[];
  }
}

/** The authenticated actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/** The authenticated actor with one of the roles, or 401/403. */
export function requireRole(request: FastifyRequest, ...roles: Actor['role'][]): Actor {
  const actor = requireActor(request);
  if (!roles.includes(actor.role)) throw forbidden('role_required', { roles: roles.join(', ') });
  return actor;
}

/** The language to answer in: the user's, else the browser's. */
export function requestLanguage(request: FastifyRequest): Lang {
  const own = request.actor?.language;
  return isLang(own) ? own : pickLanguage(request.headers['accept-language']);
}

/** The channel a message gets when the client does not say: web for the portal session, api for tokens. */
export function defaultChannel(request: FastifyRequest): 'web' | 'api' {
  return request.authVia === 'cookie' ? 'web' : 'api';
}
