import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatePlanBody, IdParams, PlanDto, UpdatePlanBody } from '../../../../contracts/entitlements.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from '../../../services/entitlements/manage-plans.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Plans: everyone signed in reads them, admins define them. */
export function planRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['plans'];
    app.get('/plans', {
      schema: { tags, summary: 'Every plan', response: { 200: z.object({ items: z.array(PlanDto) }), ...problems(401) } },
      handler: async (request) => {
        requireActor(request);
        return { items: await listPlans(deps) };
      },
    });
    app.get('/plans/:id', {
      schema: { tags, summary: 'One plan, by id or code', params: IdParams, response: { 200: PlanDto, ...problems(401, 404) } },
      handler: async (request) => {
        requireActor(request);
        return getPlan(deps, request.params.id);
      },
    });
    app.post('/plans', {
      schema: { tags, summary: 'Define a plan (admins)', body: CreatePlanBody, response: { 201: PlanDto, ...problems(400, 401, 403, 409, 422) } },
      handler: async (request, reply) => reply.status(201).send(await createPlan(deps, requireRole(request, 'admin'), request.body)),
    });
    app.patch('/plans/:id', {
      schema: { tags, summary: 'Change a plan (admins); filed tickets keep their plan', params: IdParams, body: UpdatePlanBody, response: { 200: PlanDto, ...problems(400, 401, 403, 404, 409, 422) } },
      handler: async (request) => updatePlan(deps, requireRole(request, 'admin'), request.params.id, request.body),
    });
    app.delete('/plans/:id', {
      schema: { tags, summary: 'Delete a plan no contract uses (admins)', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404, 409) } },
      handler: async (request, reply) => {
        await deletePlan(deps, requireRole(request, 'admin'), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
