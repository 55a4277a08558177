import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, MoveResolutionTargetBody, NotificationDto, SlaPreviewBody, SlaPreviewDto } from '../../../../contracts/sla.js';
import { TicketDto, TicketRefParams } from '../../../../contracts/tickets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { moveResolutionTarget } from '../../../services/sla/move-resolution-target.js';
import { listNotifications, readAllNotifications, readNotification } from '../../../services/sla/notifications.js';
import { slaPresenter } from '../../../services/sla/present-sla.js';
import { previewTicketSla } from '../../../services/sla/sla-preview.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** SLA preview, moving a resolution target, agents' notifications. */
export function slaRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/sla/preview', {
      schema: { tags: ['sla'], summary: 'If a ticket with these facts came now (or at `at`), when would it be due?', body: SlaPreviewBody, response: { 200: SlaPreviewDto, ...problems(400, 401, 403) } },
      handler: async (request) => {
        requireRole(request, 'admin', 'agent');
        return previewTicketSla(deps, request.body);
      },
    });

    app.post('/tickets/:id/sla/resolution-target', {
      schema: {
        tags: ['tickets', 'sla'],
        summary: 'Move the resolution target (pending: cannot reproduce, needs diagnostics, awaiting a product update); the customer is told',
        params: TicketRefParams,
        body: MoveResolutionTargetBody,
        response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409) },
      },
      handler: async (request) => {
        const actor = requireRole(request, 'agent', 'admin');
        const ticket = await moveResolutionTarget(deps, { actor, ticketId: request.params.id, ...request.body });
        return presentTicket(ticket, { sla: await slaPresenter(deps) });
      },
    });

    app.get('/notifications', {
      schema: {
        tags: ['notifications'],
        summary: "The agent's notifications (SLA warnings and breaches), newest first",
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(NotificationDto) }), ...problems(401, 403) },
      },
      handler: async (request) => {
        const actor = requireRole(request, 'agent', 'admin');
        return { items: await listNotifications(deps, actor, { unreadOnly: request.query.unread === 'true', limit: request.query.limit }) };
      },
    });

    app.post('/notifications/:id/read', {
      schema: { tags: ['notifications'], summary: 'Mark a notification read', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await readNotification(deps, requireRole(request, 'agent', 'admin'), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/notifications/read-all', {
      schema: { tags: ['notifications'], summary: 'Mark every notification read', response: { 200: z.object({ updated: z.number().int() }), ...problems(401, 403) } },
      handler: async (request) => ({ updated: await readAllNotifications(deps, requireRole(request, 'agent', 'admin')) }),
    });
  };
}
