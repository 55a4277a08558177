import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CannedReplyDto, CreateCannedReplyBody, ListCannedRepliesQuery, UpdateCannedReplyBody } from '../../../../contracts/canned-replies.js';
import { IdParams } from '../../../../contracts/sla.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from '../../../services/canned-replies/manage-canned-replies.js';
import { requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Canned replies: every agent reads and writes them; the author or an admin changes or deletes one. */
export function cannedReplyRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['canned-replies'];
    app.get('/canned-replies', {
      schema: { tags, summary: 'Canned replies, by language then title (agents)', querystring: ListCannedRepliesQuery, response: { 200: z.object({ items: z.array(CannedReplyDto) }), ...problems(400, 401, 403) } },
      handler: async (request) => ({ items: await listCannedReplies(deps, requireActor(request), request.query.language) }),
    });
    app.post('/canned-replies', {
      schema: { tags, summary: 'Write a canned reply (agents)', body: CreateCannedReplyBody, response: { 201: CannedReplyDto, ...problems(400, 401, 403) } },
      handler: async (request, reply) => reply.status(201).send(await createCannedReply(deps, requireActor(request), request.body)),
    });
    app.patch('/canned-replies/:id', {
      schema: { tags, summary: 'Change a canned reply (its author or an admin)', params: IdParams, body: UpdateCannedReplyBody, response: { 200: CannedReplyDto, ...problems(400, 401, 403, 404) } },
      handler: async (request) => updateCannedReply(deps, requireActor(request), request.params.id, request.body),
    });
    app.delete('/canned-replies/:id', {
      schema: { tags, summary: 'Delete a canned reply (its author or an admin)', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await deleteCannedReply(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
