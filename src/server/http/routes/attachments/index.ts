import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../../services/deps.js';
import { isInlineSafe } from '../../../services/attachments/uploaded-file.js';
import { getAttachment } from '../../../services/tickets/read-thread.js';
import { requireActor } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
function disposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Attachment downloads. */
export function attachmentRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/attachments/:id', {
      schema: {
        tags: ['tickets'],
        summary: 'Download an attachment',
        params: z.object({ id: z.string().min(1).max(64) }),
        querystring: z.object({ download: z.enum(['0', '1']).optional() }),
        response: { 200: z.any().describe('The file, with its content type'), ...problems(401, 404) },
      },
      handler: async (request, reply) => {
        const file = await getAttachment(deps, requireActor(request), request.params.id);
        const inline = isInlineSafe(file.contentType) && request.query.download !== '1';
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', disposition(inline ? 'inline' : 'attachment', file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .send(file.data);
      },
    });
  };
}
