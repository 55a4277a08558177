import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../../services/deps.js';

/** GET /healthz: the process answers and the database too. */
export function healthRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', {
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
      handler: async () => {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, database: deps.dialect };
      },
    });
  };
}
