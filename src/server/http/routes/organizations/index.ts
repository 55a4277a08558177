import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateOrganizationBody, ListOrganizationsQuery, OrganizationDto, UpdateOrganizationBody } from '../../../../contracts/organizations.js';
import { IdParams } from '../../../../contracts/sla.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { changeOrganization, createOrganization, listOrganizationsWithMembers } from '../../../services/organizations/manage-organizations.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

const tags = ['organizations'];

/** Customer organizations (admins write; agents read, e.g. to pick one for a licence or contract). */
export function organizationRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/organizations', {
      schema: { tags, summary: 'Organizations by name, with member counts', querystring: ListOrganizationsQuery, response: { 200: z.object({ items: z.array(OrganizationDto) }), ...problems(400, 401, 403) } },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return { items: await listOrganizationsWithMembers(deps, request.query) };
      },
    });

    app.post('/organizations', {
      schema: { tags, summary: 'Create an organization', body: CreateOrganizationBody, response: { 201: OrganizationDto, ...problems(400, 401, 403, 409) } },
      handler: async (request, reply) => {
        requireRole(request, 'admin');
        return reply.status(201).send(await createOrganization(deps, request.body));
      },
    });

    app.patch('/organizations/:id', {
      schema: { tags, summary: "Rename an organization or change whether members see each other's tickets", params: IdParams, body: UpdateOrganizationBody, response: { 200: OrganizationDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request) => {
        requireRole(request, 'admin');
        return changeOrganization(deps, request.params.id, request.body);
      },
    });
  };
}
