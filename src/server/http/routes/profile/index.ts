import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UpdateProfileBody, UserDto } from '../../../../contracts/users.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { presentUser } from '../../../services/users/present-user.js';
import { updateProfile } from '../../../services/users/update-profile.js';
import { requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** The signed-in user's own preferences (GET /me lives with sign-in in auth/). */
export function profileRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.patch('/me', {
      schema: {
        tags: ['auth'],
        summary: 'Change my language or time zone',
        body: UpdateProfileBody,
        response: { 200: UserDto, ...problems(400, 401) },
      },
      handler: async (request) => presentUser(await updateProfile(deps, { ...request.body, actor: requireActor(request) })),
    });
  };
}
