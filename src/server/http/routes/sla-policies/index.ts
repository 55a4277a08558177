import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, SlaPolicyBody, SlaPolicyDto } from '../../../../contracts/sla.js';
import { findPolicy } from '../../../repositories/sla-policies.repository.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { notFound } from '../../../errors/app-error.js';
import { createPolicy, deletePolicy, listSlaPolicies, presentPolicy, updatePolicy } from '../../../services/sla/manage-policies.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

const tags = ['sla'];

/** SLA policies (admins): conditions and targets; the first matching policy applies. */
export function slaPolicyRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/sla-policies', {
      schema: { tags, summary: 'List policies in evaluation order', response: { 200: z.object({ items: z.array(SlaPolicyDto) }), ...problems(401, 403) } },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { items: await listSlaPolicies(deps) };
      },
    });

    app.post('/sla-policies', {
      schema: { tags, summary: 'Create a policy', body: SlaPolicyBody, response: { 201: SlaPolicyDto, ...problems(400, 401, 403, 409) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        return reply.status(201).send(presentPolicy(await createPolicy(deps, request.body)));
      },
    });

    app.get('/sla-policies/:id', {
      schema: { tags, summary: 'One policy', params: IdParams, response: { 200: SlaPolicyDto, ...problems(401, 403, 404) } },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        const row = await findPolicy(deps.db, request.params.id);
        if (!row) throw notFound('resource');
        return presentPolicy(row);
      },
    });

    app.put('/sla-policies/:id', {
      schema: { tags, summary: 'Replace a policy (active tickets are recomputed)', params: IdParams, body: SlaPolicyBody, response: { 200: SlaPolicyDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request) => {
        requireRole(request, 'admin');
        return presentPolicy(await updatePolicy(deps, request.params.id, request.body));
      },
    });

    app.delete('/sla-policies/:id', {
      schema: { tags, summary: 'Delete a policy', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        await deletePolicy(deps, request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
