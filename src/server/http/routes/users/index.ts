import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role } from '../../../../contracts/enums.js';
import { CreateUserBody, UserDto } from '../../../../contracts/users.js';
import { listUsers } from '../../../repositories/users.repository.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { addUser } from '../../../services/users/add-user.js';
import { presentUser } from '../../../services/users/present-user.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Users: admins create them, agents look them up. */
export function userRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/users', {
      schema: { tags: ['users'], summary: 'Create a user (admins)', body: CreateUserBody, response: { 201: UserDto, ...problems(400, 401, 403, 409) } },
      handler: async (request, reply) => {
        const actor = requireRole(request, 'admin');
        const user = await addUser(deps, { ...request.body, actorId: actor.id });
        return reply.status(201).send(presentUser(user));
      },
    });

    app.get('/users', {
      schema: {
        tags: ['users'],
        summary: 'List users (agents and admins)',
        querystring: z.object({ role: Role.optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: { 200: z.object({ items: z.array(UserDto) }), ...problems(401, 403) },
      },
      handler: async (request) => {
        requireRole(request, 'agent', 'admin');
        const rows = await listUsers(deps.db, request.query);
        return { items: rows.map(presentUser) };
      },
    });
  };
}
