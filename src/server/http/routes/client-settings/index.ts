import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClientSettings } from '../../../../contracts/settings.js';
import type { ServiceDeps } from '../../../services/deps.js';

/** Public settings the web app shows before the user acts (no sign-in needed: nothing secret). */
export function clientSettingsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/client-settings', {
      schema: { tags: ['system'], summary: 'Limits the web app explains before an upload', response: { 200: ClientSettings } },
      handler: async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return {
          attachmentMaxBytes: deps.config.attachmentMaxBytes,
          attachmentsPerRequest: deps.config.attachmentsPerRequest,
          ticketPrefix: deps.config.ticketPrefix,
        };
      },
    });
  };
}
