import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MailLogPage, MailLogQuery } from '../../../../contracts/mail.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { getRawMail, listMailLog } from '../../../services/mail/mail-log.js';
import { requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** The mail log (staff): what came in and went out, and the raw mail while it is kept. */
export function mailRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mail'];
    app.get('/mail/log', {
      schema: { tags, summary: 'Mails in and out, newest first, with what Guichet did and why (staff)', querystring: MailLogQuery, response: { 200: MailLogPage, ...problems(400, 401, 403) } },
      handler: async (request) => ({ items: await listMailLog(deps, requireRole(request, 'agent', 'admin'), request.query) }),
    });
    app.get('/mail/log/:id/raw', {
      schema: { tags, summary: 'The raw mail (message/rfc822) while it is kept (staff)', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: z.any().describe('The raw mail'), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        const raw = await getRawMail(deps, requireRole(request, 'agent', 'admin'), request.params.id);
        return reply
          .header('content-type', 'message/rfc822')
          .header('content-disposition', `attachment; filename="${request.params.id.replace(/[^a-zA-Z0-9-]/g, '')}.eml"`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(raw);
      },
    });
  };
}
