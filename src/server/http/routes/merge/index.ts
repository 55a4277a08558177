import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MergeTicketBody } from '../../../../contracts/merge.js';
import { TicketDto, TicketRefParams } from '../../../../contracts/tickets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { mergeTicket } from '../../../services/merge/merge-ticket.js';
import { slaPresenter } from '../../../services/sla/present-sla.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Merging duplicates (agents). */
export function mergeRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/tickets/:id/merge', {
      schema: {
        tags: ['tickets'],
        summary: 'Merge this ticket into another: its messages move there, it is closed with a history entry; answers the target',
        params: TicketRefParams,
        body: MergeTicketBody,
        response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409) },
      },
      handler: async (request) => {
        const target = await mergeTicket(deps, { actor: requireRole(request, 'agent', 'admin'), ticketId: request.params.id, intoTicketId: request.body.intoTicketId });
        return presentTicket(target, { sla: await slaPresenter(deps) });
      },
    });
  };
}
