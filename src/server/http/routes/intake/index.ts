import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ReopenContextDto, ReopenTicketBody, TicketDto, TicketRefParams } from '../../../../contracts/tickets.js';
import { forbidden } from '../../../errors/app-error.js';
import { isStaff } from '../../../services/actor.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { reopenAsNotSatisfied, reopenContext } from '../../../services/intake/reopen.js';
import { slaPresenter } from '../../../services/sla/present-sla.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { defaultChannel, requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Intake: "not satisfied" reopens, the standard request, request forms and splitting. */
export function intakeRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tickets'];

    app.post('/tickets/:id/reopen', {
      schema: {
        tags,
        summary: 'Not satisfied: reopen a solved ticket with a comment',
        description: 'The comment becomes a customer message; the ticket goes back to open and its reopen count rises. Customers: their own solved tickets; agents: solved or closed.',
        params: TicketRefParams,
        body: ReopenTicketBody,
        response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409) },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        if (request.body.channel && !isStaff(actor)) throw forbidden('agents_only_on_behalf');
        const ticket = await reopenAsNotSatisfied(deps, { actor, ticketId: request.params.id, comment: request.body.comment, channel: request.body.channel ?? defaultChannel(request) });
        return presentTicket(ticket, { sla: await slaPresenter(deps) });
      },
    });

    app.get('/tickets/:id/reopen-context', {
      schema: {
        tags,
        summary: 'The original question, the last answer and the "not satisfied" comment of the latest reopen',
        params: TicketRefParams,
        response: { 200: ReopenContextDto, ...problems(401, 404) },
      },
      handler: async (request) => reopenContext(deps, requireActor(request), request.params.id),
    });
  };
}
