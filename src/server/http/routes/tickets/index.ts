import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateMessageBody,
  CreateTicketBody,
  HistoryDto,
  ListTicketsQuery,
  MessageDto,
  TicketDto,
  TicketPage,
  TicketRefParams,
  UpdateTicketBody,
} from '../../../../contracts/tickets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { addMessage } from '../../../services/tickets/add-message.js';
import { createTicket } from '../../../services/tickets/create-ticket.js';
import { listTickets } from '../../../services/tickets/list-tickets.js';
import { slaPresenter } from '../../../services/sla/present-sla.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { listHistory, listMessages } from '../../../services/tickets/read-thread.js';
import { loadVisibleTicket } from '../../../services/tickets/ticket-access.js';
import { updateTicket } from '../../../services/tickets/update-ticket.js';
import { presentFullTicket } from '../intake/index.js';
import { requestPresenter } from '../../../services/intake/standard-request.js';
import { readMultipartUploads } from '../../plugins/multipart-uploads.js';
import { defaultChannel, requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

const MULTIPART_NOTE = 'Send JSON, or multipart/form-data with the same fields plus files (each at most the attachment limit).';

/** Tickets, their messages and history. */
export function ticketRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const uploads = readMultipartUploads(deps.config.attachmentMaxBytes);

    app.post('/tickets', {
      preValidation: uploads,
      schema: {
        tags: ['tickets'],
        summary: 'File a request',
        description: MULTIPART_NOTE,
        consumes: ['application/json', 'multipart/form-data'],
        body: CreateTicketBody,
        response: { 201: TicketDto, ...problems(400, 401, 403, 413, 415, 422) },
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const ticket = await createTicket(deps, { ...request.body, actor, defaultChannel: defaultChannel(request), files: request.uploads });
        return reply.status(201).send(await presentFullTicket(deps, ticket));
      },
    });

    app.get('/tickets', {
      schema: { tags: ['tickets'], summary: 'List tickets (newest first, cursor pagination)', querystring: ListTicketsQuery, response: { 200: TicketPage, ...problems(400, 401) } },
      handler: async (request) => {
        const actor = requireActor(request);
        const page = await listTickets(deps, { ...request.query, actor });
        const sla = await slaPresenter(deps);
        const structured = await requestPresenter(deps, page.items.map((t) => t.id));
        return { items: page.items.map((t) => presentTicket(t, { sla, request: structured })), nextCursor: page.nextCursor };
      },
    });

    app.get('/tickets/:id', {
      schema: { tags: ['tickets'], summary: 'One ticket, by id or number', params: TicketRefParams, response: { 200: TicketDto, ...problems(401, 404) } },
      handler: async (request) => presentFullTicket(deps, await loadVisibleTicket(deps.db, requireActor(request), request.params.id)),
    });

    app.patch('/tickets/:id', {
      schema: {
        tags: ['tickets'],
        summary: 'Change state (with pendingReason), priority, assignee, group or subject',
        params: TicketRefParams,
        body: UpdateTicketBody,
        response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409, 422) },
      },
      handler: async (request) => {
        const ticket = await updateTicket(deps, { ...request.body, actor: requireActor(request), ticketId: request.params.id });
        return presentTicket(ticket, { sla: await slaPresenter(deps) });
      },
    });

    app.post('/tickets/:id/messages', {
      preValidation: uploads,
      schema: {
        tags: ['tickets'],
        summary: 'Reply, add a customer message, or an internal note',
        description: MULTIPART_NOTE,
        consumes: ['application/json', 'multipart/form-data'],
        params: TicketRefParams,
        body: CreateMessageBody,
        response: { 201: z.object({ id: z.string(), ticket: TicketDto }), ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const result = await addMessage(deps, {
          ...request.body,
          actor,
          ticketId: request.params.id,
          defaultChannel: defaultChannel(request),
          files: request.uploads,
        });
        const ticket = await loadVisibleTicket(deps.db, actor, result.ticketId);
        return reply.status(201).send({ id: result.messageId, ticket: presentTicket(ticket, { sla: await slaPresenter(deps) }) });
      },
    });

    app.get('/tickets/:id/messages', {
      schema: { tags: ['tickets'], summary: "A ticket's thread (internal notes for agents only)", params: TicketRefParams, response: { 200: z.object({ items: z.array(MessageDto) }), ...problems(401, 404) } },
      handler: async (request) => ({ items: await listMessages(deps, requireActor(request), request.params.id) }),
    });

    app.get('/tickets/:id/history', {
      schema: { tags: ['tickets'], summary: "A ticket's history: who changed what, when", params: TicketRefParams, response: { 200: z.object({ items: z.array(HistoryDto) }), ...problems(401, 404) } },
      handler: async (request) => ({ items: await listHistory(deps, requireActor(request), request.params.id) }),
    });
  };
}
