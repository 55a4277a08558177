import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QueueNextResponse, QueuePage, QueueQuery } from '../../../../contracts/queue.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { listQueue } from '../../../services/queue/list-queue.js';
import { takeNextTicket } from '../../../services/queue/take-next-ticket.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** The ranked queue of work waiting for agents. */
export function queueRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/queue', {
      schema: {
        tags: ['queue'],
        summary: 'Tickets waiting for an agent, ranked: tier, fair-use penalty, SLA due time, arrival; each with its reasons',
        querystring: QueueQuery,
        response: { 200: QueuePage, ...problems(400, 401, 403) },
      },
      handler: async (request) => listQueue(deps, { ...request.query, actor: requireRole(request, 'agent', 'admin') }),
    });
    app.post('/queue/next', {
      schema: {
        tags: ['queue'],
        summary: 'Take the top unassigned ticket of my groups (atomic: two agents never get the same one)',
        response: { 200: QueueNextResponse, ...problems(401, 403) },
      },
      handler: async (request) => ({ item: await takeNextTicket(deps, requireRole(request, 'agent', 'admin')) }),
    });
  };
}
