import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreditsDto, DowngradePremiumBody, GrantCreditsBody, IdParams, PaymentWebhookBody, PaymentWebhookResult } from '../../../../contracts/entitlements.js';
import { TicketDto, TicketRefParams } from '../../../../contracts/tickets.js';
import { validationFailed } from '../../../errors/app-error.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { downgradePremium, getCredits, grantCredits, handlePaymentWebhook } from '../../../services/entitlements/credits.js';
import { presentTicket } from '../../../services/tickets/present-ticket.js';
import { loadVisibleTicket } from '../../../services/tickets/ticket-access.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Premium credits: balance and ledger, admin grants, and an agent's downgrade of a premium request (refund). */
export function creditRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['credits'];
    app.get('/organizations/:id/credits', {
      schema: { tags, summary: 'Premium-credit balance and ledger (staff; customers: their organization)', params: IdParams, response: { 200: CreditsDto, ...problems(401, 404) } },
      handler: async (request) => getCredits(deps, requireActor(request), request.params.id),
    });
    app.post('/organizations/:id/credits', {
      schema: { tags, summary: 'Grant premium credits (admins)', params: IdParams, body: GrantCreditsBody, response: { 201: CreditsDto, ...problems(400, 401, 403, 404) } },
      handler: async (request, reply) => reply.status(201).send(await grantCredits(deps, requireRole(request, 'admin'), request.params.id, request.body.credits, request.body.reason)),
    });
    app.post('/tickets/:id/premium/downgrade', {
      schema: { tags, summary: 'Downgrade a premium request to its plan (agents); the credit is refunded', params: TicketRefParams, body: DowngradePremiumBody, response: { 200: TicketDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request) => {
        const actor = requireRole(request, 'agent', 'admin');
        await downgradePremium(deps, actor, request.params.id, request.body.reason);
        return presentTicket(await loadVisibleTicket(deps.db, actor, request.params.id));
      },
    });
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received (signed webhooks). */
    rawBody?: Buffer;
  }
}

/**
 * The payment provider's webhook: `X-Guichet-Signature: sha256=<hex HMAC-SHA256 of the raw body>`
 * with GUICHET_PAYMENT_WEBHOOK_SECRET. Its own plugin, so keeping the raw body affects no other route.
 */
export function creditWebhookRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      request.rawBody = body as Buffer;
      done(null, {});
    });
    app.post('/credits/webhook', {
      schema: {
        tags: ['credits'],
        summary: 'Payment notification: grants premium credits once per event id',
        description: 'Signed: header X-Guichet-Signature = "sha256=" + hex HMAC-SHA256 of the raw body with the shared secret. A replayed event id grants nothing.',
        security: [],
        headers: z.object({ 'x-guichet-signature': z.string().max(200).optional() }),
        response: { 200: PaymentWebhookResult, ...problems(400, 401, 404, 422) },
      },
      handler: async (request) =>
        handlePaymentWebhook(deps, request.rawBody ?? Buffer.alloc(0), request.headers['x-guichet-signature'], (raw) => {
          let json: unknown;
          try {
            json = JSON.parse(raw.toString('utf8'));
          } catch {
            throw validationFailed([{ path: 'body', message: 'not JSON' }]);
          }
          const parsed = PaymentWebhookBody.safeParse(json);
          if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })));
          return parsed.data;
        }),
    });
  };
}
