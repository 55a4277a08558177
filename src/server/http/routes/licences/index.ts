import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateLicenceBody, IdParams, LicenceDto, ListLicencesQuery, UpdateLicenceBody } from '../../../../contracts/entitlements.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { createLicence, deleteLicence, getLicence, listLicences, updateLicence } from '../../../services/entitlements/manage-licences.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Licences: staff see all, customers their organization's; admins change them. */
export function licenceRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['licences'];
    app.get('/licences', {
      schema: { tags, summary: 'Licences (customers: their organization’s)', querystring: ListLicencesQuery, response: { 200: z.object({ items: z.array(LicenceDto) }), ...problems(400, 401) } },
      handler: async (request) => ({ items: await listLicences(deps, requireActor(request), request.query) }),
    });
    app.get('/licences/:id', {
      schema: { tags, summary: 'One licence, by id or number', params: IdParams, response: { 200: LicenceDto, ...problems(401, 404) } },
      handler: async (request) => getLicence(deps, requireActor(request), request.params.id),
    });
    app.post('/licences', {
      schema: { tags, summary: 'Register a licence (admins)', body: CreateLicenceBody, response: { 201: LicenceDto, ...problems(400, 401, 403, 409, 422) } },
      handler: async (request, reply) => reply.status(201).send(await createLicence(deps, requireRole(request, 'admin'), request.body)),
    });
    app.patch('/licences/:id', {
      schema: { tags, summary: 'Change a licence (admins)', params: IdParams, body: UpdateLicenceBody, response: { 200: LicenceDto, ...problems(400, 401, 403, 404, 409, 422) } },
      handler: async (request) => updateLicence(deps, requireRole(request, 'admin'), request.params.id, request.body),
    });
    app.delete('/licences/:id', {
      schema: { tags, summary: 'Delete a licence (admins)', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await deleteLicence(deps, requireRole(request, 'admin'), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
