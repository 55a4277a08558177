import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BookCallbackBody,
  BookCallbackResponse,
  CallbackDto,
  CallbackIdParams,
  CallbackList,
  CallbackListQuery,
  CallbackOutcomeBody,
  CallbackSlotsDto,
  CallbackSlotsQuery,
} from '../../../../contracts/callbacks.js';
import { isStaff } from '../../../services/actor.js';
import { bookCallback } from '../../../services/callbacks/book-callback.js';
import { listCallbackSlots } from '../../../services/callbacks/callback-slots.js';
import { listCallbacks } from '../../../services/callbacks/list-callbacks.js';
import { presentCallback } from '../../../services/callbacks/present-callback.js';
import { recordCallbackOutcome } from '../../../services/callbacks/record-outcome.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { slaPresenter } from '../../../services/sla/present-sla.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { loadVisibleTicket } from '../../../services/tickets/ticket-access.js';
import { forbidden } from '../../../errors/app-error.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Callback booking (customers, 24/7) and the agents' callback queue. */
export function callbackRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/callbacks/slots', {
      schema: {
        tags: ['callbacks'],
        summary: 'Slots of the team calendar in the next business hours (4 by default), with the seats left',
        querystring: CallbackSlotsQuery,
        response: { 200: CallbackSlotsDto, ...problems(400, 401, 404) },
      },
      handler: async (request) => listCallbackSlots(deps, requireActor(request), request.query),
    });

    app.post('/callbacks', {
      schema: {
        tags: ['callbacks'],
        summary: 'Book a callback on a ticket, or as a new phone request (customers); the slot is confirmed by a message and a mail',
        description:
          'Slot: `slotStart` when given, else the first free slot inside `preferredFrom`–`preferredTo`, else the earliest free one. ' +
          'Refusals are problem+json: 409 conflict with errors[0].code `no_slot_free` or `slot_full`, 422 unprocessable with `outside_window`, 409 `already_booked`.',
        body: BookCallbackBody,
        response: { 201: BookCallbackResponse, ...problems(400, 401, 403, 404, 409, 422) },
      },
      handler: async (request, reply) => {
        const { callback, ticket } = await bookCallback(deps, { ...request.body, actor: requireActor(request) });
        return reply.status(201).send({ callback: presentCallback(callback), ticket: presentTicket(ticket, { sla: await slaPresenter(deps) }) });
      },
    });

    app.get('/callbacks', {
      schema: {
        tags: ['callbacks'],
        summary: 'The callback queue ordered by slot (agents); customers may list the callbacks of one of their tickets (ticketId)',
        querystring: CallbackListQuery,
        response: { 200: CallbackList, ...problems(400, 401, 403, 404) },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        if (!isStaff(actor)) {
          if (!request.query.ticketId || request.query.mine) throw forbidden('role_required', { roles: 'agent, admin' });
          const ticket = await loadVisibleTicket(deps.db, actor, request.query.ticketId);
          return listCallbacks(deps, actor, { ...request.query, ticketId: ticket.id });
        }
        return listCallbacks(deps, actor, request.query);
      },
    });

    app.post('/callbacks/:id/outcome', {
      schema: {
        tags: ['callbacks'],
        summary: 'Record how a call went: reached (done), no_answer (retry at the next free slot), rescheduled (to slotStart)',
        params: CallbackIdParams,
        body: CallbackOutcomeBody,
        response: { 200: CallbackDto, ...problems(400, 401, 403, 404, 409, 422) },
      },
      handler: async (request) => presentCallback(await recordCallbackOutcome(deps, { ...request.body, callbackId: request.params.id, actor: requireRole(request, 'agent', 'admin') })),
    });
  };
}
