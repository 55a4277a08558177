import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors/app-error.js';
import { authenticate } from '../../services/auth/authenticate.js';
import { csrfTokenFor, safeEqual } from '../../services/auth/secrets.js';
import type { ServiceDeps } from '../../services/deps.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'guichet_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves `Authorization: Bearer` or the session cookie to request.actor. Cookie-authenticated
 * writes must carry `X-CSRF-Token` (derived from the session), so another site cannot post forms
 * with the user's cookie; Bearer requests need none, since browsers never add that header by themselves.
 */
export const authPlugin = fp<{ deps: ServiceDeps }>(async (app: FastifyInstance, { deps }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('authToken', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) throw new AppError('unauthenticated', { detailKey: 'bad_authorization_header' });
      request.actor = await authenticate(deps, m[1]!);
      if (!request.actor) throw new AppError('unauthenticated', { detailKey: 'token_invalid' });
      request.authVia = 'bearer';
      request.authToken = m[1]!;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const actor = await authenticate(deps, cookie);
    if (!actor) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(cookie))) throw new AppError('csrf_failed', { detailKey: 'csrf_failed' });
    }
    request.actor = actor;
    request.authVia = 'cookie';
    request.authToken = cookie;
  });
});
