import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors/app-error.js';
import { authenticate } from '../../../services/auth/authenticate.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { watchTicketEvents } from '../../../services/tickets/watch-ticket-events.js';
import { requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Open streams one user may hold (a few browser tabs); more is a client bug or abuse. */
const MAX_STREAMS_PER_USER = 8;
/**
 * Comment line sent this often: it keeps proxies from closing an idle stream and lets the server
 * notice a revoked session. A transport keep-alive, not a scheduler of work, so an interval is right.
 */
const HEARTBEAT_MS = 25_000;

const DESCRIPTION = [
  'Server-Sent Events (text/event-stream). Sends `event: ready` once, then `event: ticket` with',
  '`{"ticketId","type","at"}` each time a ticket the caller may see changes (customers never learn',
  'of internal notes), and a comment line every 25 s. Fetch the ticket again to see what changed.',
].join(' ');

/** Live ticket changes for the web app. */
export function eventRoutes(deps: ServiceDeps, heartbeatMs = HEARTBEAT_MS): FastifyPluginAsyncZod {
  return async (app) => {
    const streams = new Set<{ userId: string; end: () => void }>();
    // Open streams would hold server.close() forever: end them first.
    app.addHook('preClose', async () => {
      for (const s of [...streams]) s.end();
    });

    app.get('/events', {
      schema: {
        tags: ['tickets'],
        summary: 'Live ticket changes (Server-Sent Events)',
        description: DESCRIPTION,
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('An event stream'), ...problems(401, 429) },
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const token = request.authToken!;
        if ([...streams].filter((s) => s.userId === actor.id).length >= MAX_STREAMS_PER_USER) {
          throw new AppError('rate_limited', { detailKey: 'too_many_streams', params: { max: MAX_STREAMS_PER_USER } });
        }
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          connection: 'keep-alive',
        });
        raw.write('retry: 3000\nevent: ready\ndata: {}\n\n');
        let ended = false;
        const stream = {
          userId: actor.id,
          end: () => {
            if (ended) return;
            ended = true;
            stop();
            clearInterval(heartbeat);
            streams.delete(stream);
            raw.end();
          },
        };
        const stop = watchTicketEvents(deps, actor, (event) => {
          if (!ended) raw.write(`event: ticket\ndata: ${JSON.stringify(event)}\n\n`);
        });
        const heartbeat = setInterval(() => {
          void authenticate(deps, token)
            .then((still) => (still && !ended ? raw.write(': ping\n\n') : stream.end()))
            .catch(() => stream.end());
        }, heartbeatMs);
        heartbeat.unref();
        streams.add(stream);
        // The response's close fires when the client goes away (the request's fires once its body is read).
        raw.on('close', stream.end);
      },
    });
  };
}
