import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PutRequestFormBody, ReopenContextDto, ReopenTicketBody, RequestFormDto, SplitTicketBody, TicketDto, TicketRefParams, UpdateRequestBody } from '../../../../contracts/tickets.js';
import { IdParams } from '../../../../contracts/entitlements.js';
import { forbidden } from '../../../errors/app-error.js';
import { isStaff } from '../../../services/actor.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { reopenAsNotSatisfied, reopenContext } from '../../../services/intake/reopen.js';
import { splitTicket } from '../../../services/intake/split-ticket.js';
import { completeRequest, getRequestForm, putRequestForm, requestPresenter } from '../../../services/intake/standard-request.js';
import type { TicketRow } from '../../../repositories/tickets.repository.js';
import { slaPresenter } from '../../../services/sla/present-sla.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { defaultChannel, requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** One ticket as the API shows it, with its SLA and structured request. */
export async function presentFullTicket(deps: ServiceDeps, ticket: TicketRow): Promise<z.infer<typeof TicketDto>> {
  return presentTicket(ticket, { sla: await slaPresenter(deps), request: await requestPresenter(deps, [ticket.id]) });
}

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
        return presentFullTicket(deps, ticket);
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

    app.post('/tickets/:id/split', {
      schema: {
        tags,
        summary: 'Split a ticket: move the chosen messages (and their attachments) to a new ticket (agents)',
        description: 'One question per request: the new ticket has the same requester, organization and product; both histories record the split.',
        params: TicketRefParams,
        body: SplitTicketBody,
        response: { 201: z.object({ ticket: TicketDto }), ...problems(400, 401, 403, 404, 409, 422) },
      },
      handler: async (request, reply) => {
        const ticket = await splitTicket(deps, { actor: requireActor(request), ticketId: request.params.id, messageIds: request.body.messageIds, subject: request.body.subject });
        return reply.status(201).send({ ticket: await presentFullTicket(deps, ticket) });
      },
    });

    app.get('/products/:id/request-form', {
      schema: {
        tags: ['products'],
        summary: "A product's request form: the standard request's fields, types and required flags",
        description: 'Labels are the i18n keys intake:field.<key>; choice options intake:option.<key>.<value>.',
        params: IdParams,
        response: { 200: RequestFormDto, ...problems(401, 404) },
      },
      handler: async (request) => {
        requireActor(request);
        return getRequestForm(deps, request.params.id);
      },
    });

    app.put('/products/:id/request-form', {
      schema: {
        tags: ['products'],
        summary: "Configure a product's request form (admins)",
        description: 'Standard fields keep their type and options; summary, description and product stay required; product fields (text, longtext, choice, email, phone, licence, files) may be added.',
        params: IdParams,
        body: PutRequestFormBody,
        response: { 200: RequestFormDto, ...problems(400, 401, 403, 404) },
      },
      handler: async (request) => putRequestForm(deps, requireRole(request, 'admin'), request.params.id, request.body.fields),
    });

    app.patch('/tickets/:id/request', {
      schema: {
        tags,
        summary: "Complete or correct a ticket's structured request",
        description: 'Given fields replace the stored ones (an empty text clears one). When nothing required is missing any more, a ticket waiting for the customer goes back to open.',
        params: TicketRefParams,
        body: UpdateRequestBody,
        response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409, 422) },
      },
      handler: async (request) => presentFullTicket(deps, await completeRequest(deps, { actor: requireActor(request), ticketId: request.params.id, request: request.body })),
    });
  };
}
