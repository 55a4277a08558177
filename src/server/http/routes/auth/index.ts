import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, LoginResponse, MeResponse, TwoFactorCode, TwoFactorStart } from '../../../../contracts/users.js';
import { confirmTwoFactor, disableTwoFactor, startTwoFactor } from '../../../services/auth/two-factor.js';
import { logout } from '../../../services/auth/authenticate.js';
import { login } from '../../../services/auth/login.js';
import { csrfTokenFor } from '../../../services/auth/secrets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { findUserById } from '../../../repositories/users.repository.js';
import { presentUser } from '../../../services/users/present-user.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Login, logout and "who am I". */
export function authRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/auth/login', {
      config: {
        rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie and returns a token usable as Bearer', body: LoginBody, response: { 200: LoginResponse, ...problems(400, 401, 429) } },
      handler: async (request, reply) => {
        const session = await login(deps, request.body);
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.secureCookies,
          path: '/',
          expires: new Date(session.expiresAt),
        });
        return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user: presentUser(session.user) };
      },
    });

    app.post('/auth/logout', {
      schema: { tags: ['auth'], summary: 'End the session (or revoke the Bearer token)', response: { 204: z.null(), ...problems(401) } },
      handler: async (request, reply) => {
        requireActor(request);
        await logout(deps, request.authToken!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });

    app.get('/me', {
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeResponse, ...problems(401) } },
      handler: async (request) => {
        const actor = requireActor(request);
        const user = (await findUserById(deps.db, actor.id))!;
        return { user: presentUser(user), csrfToken: request.authVia === 'cookie' ? csrfTokenFor(request.authToken!) : null };
      },
    });

    app.post('/me/two-factor', {
      schema: { tags: ['auth'], summary: 'Start two-factor enrolment: returns a secret for an authenticator app', response: { 200: TwoFactorStart, ...problems(401) } },
      handler: async (request) => startTwoFactor(deps, requireActor(request)),
    });

    app.post('/me/two-factor/confirm', {
      schema: { tags: ['auth'], summary: 'Confirm enrolment with a code; sign-in then asks for codes', body: TwoFactorCode, response: { 204: z.null(), ...problems(400, 401, 409) } },
      handler: async (request, reply) => {
        await confirmTwoFactor(deps, requireActor(request), request.body.code);
        return reply.status(204).send(null);
      },
    });

    app.post('/me/two-factor/disable', {
      schema: { tags: ['auth'], summary: 'Turn two-factor sign-in off (needs a current code)', body: TwoFactorCode, response: { 204: z.null(), ...problems(400, 401) } },
      handler: async (request, reply) => {
        await disableTwoFactor(deps, requireActor(request), request.body.code);
        return reply.status(204).send(null);
      },
    });
  };
}
