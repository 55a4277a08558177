import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AbsenceBody,
  AbsenceDto,
  EntitlementSettingsDto,
  IdParams,
  OrganizationSupportDto,
  SetOrganizationSupportBody,
  SetTicketLicenceBody,
  TicketEntitlementDto,
  UpdateEntitlementSettingsBody,
} from '../../../../contracts/entitlements.js';
import { TicketRefParams } from '../../../../contracts/tickets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { getAbsence, getOrganizationSupport, setAbsence, setOrganizationSupport } from '../../../services/entitlements/direct-assistance.js';
import { readEntitlementSettings, updateEntitlementSettings } from '../../../services/entitlements/settings.js';
import { getTicketEntitlement, setTicketLicence } from '../../../services/entitlements/ticket-entitlement.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** A ticket's entitlement, the area's settings, direct assistance and agents' absence. */
export function entitlementRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['entitlements'];
    app.get('/tickets/:id/entitlement', {
      schema: { tags, summary: 'What the ticket is entitled to, and why (plan, tier, explanation, fair use)', params: TicketRefParams, response: { 200: TicketEntitlementDto, ...problems(401, 404) } },
      handler: async (request) => getTicketEntitlement(deps, requireActor(request), request.params.id),
    });
    app.put('/tickets/:id/licence', {
      schema: { tags, summary: 'Correct the licence number; the entitlement is resolved again', params: TicketRefParams, body: SetTicketLicenceBody, response: { 200: TicketEntitlementDto, ...problems(400, 401, 403, 404) } },
      handler: async (request) => setTicketLicence(deps, requireActor(request), request.params.id, request.body.licenceNumber),
    });
    app.get('/entitlements/settings', {
      schema: { tags, summary: 'Entitlement settings (staff)', response: { 200: EntitlementSettingsDto, ...problems(401, 403) } },
      handler: async (request) => {
        requireRole(request, 'agent', 'admin');
        return readEntitlementSettings(deps.db, deps.config);
      },
    });
    app.patch('/entitlements/settings', {
      schema: { tags, summary: 'Change entitlement settings (admins)', body: UpdateEntitlementSettingsBody, response: { 200: EntitlementSettingsDto, ...problems(400, 401, 403) } },
      handler: async (request) => updateEntitlementSettings(deps, requireRole(request, 'admin'), request.body),
    });
    app.get('/organizations/:id/direct-assistance', {
      schema: { tags, summary: 'Designated engineer and deputy of an organization (staff)', params: IdParams, response: { 200: OrganizationSupportDto, ...problems(401, 403, 404) } },
      handler: async (request) => {
        requireRole(request, 'agent', 'admin');
        return getOrganizationSupport(deps, request.params.id);
      },
    });
    app.put('/organizations/:id/direct-assistance', {
      schema: { tags, summary: 'Set the designated engineer and deputy (admins)', params: IdParams, body: SetOrganizationSupportBody, response: { 200: OrganizationSupportDto, ...problems(400, 401, 403, 404, 422) } },
      handler: async (request) => setOrganizationSupport(deps, requireRole(request, 'admin'), request.params.id, request.body),
    });
    app.get('/agents/:id/absence', {
      schema: { tags, summary: 'Whether an agent is marked absent (staff)', params: IdParams, response: { 200: AbsenceDto, ...problems(401, 403) } },
      handler: async (request) => {
        requireRole(request, 'agent', 'admin');
        return getAbsence(deps, request.params.id);
      },
    });
    app.put('/agents/:id/absence', {
      schema: { tags, summary: 'Mark an agent absent or back (the agent, or admins); the deputy takes direct-assistance tickets meanwhile', params: IdParams, body: AbsenceBody, response: { 200: AbsenceDto, ...problems(400, 401, 403, 404) } },
      handler: async (request) => setAbsence(deps, requireRole(request, 'agent', 'admin'), request.params.id, request.body),
    });
  };
}
