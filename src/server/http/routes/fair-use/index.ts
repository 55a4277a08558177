import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../../contracts/entitlements.js';
import { ExemptionBody, FairUseCustomerDto, FairUseNoticeDto, FairUsePolicyDto, StepsNotFollowedBody } from '../../../../contracts/queue.js';
import { TicketRefParams } from '../../../../contracts/tickets.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { readFairUsePolicy, updateFairUsePolicy } from '../../../services/entitlements/settings.js';
import { getFairUseCustomer, getFairUseNotice, setFairUseExemption, setStepsNotFollowed } from '../../../services/fair-use/manage-fair-use.js';
import { recomputeFairUse } from '../../../services/fair-use/recompute-fair-use.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Fair use: agents see why, admins set the policy and exemptions, customers see a notice. */
export function fairUseRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['fair use'];
    app.get('/me/fair-use', {
      schema: { tags, summary: 'My fair-use standing, with a polite notice when my new requests rank after others', response: { 200: FairUseNoticeDto, ...problems(401) } },
      handler: async (request) => getFairUseNotice(deps, requireActor(request)),
    });
    app.get('/fair-use/customers/:id', {
      schema: { tags, summary: 'A customer’s score, factors and exemption (staff)', params: IdParams, response: { 200: FairUseCustomerDto, ...problems(401, 403, 404) } },
      handler: async (request) => getFairUseCustomer(deps, requireRole(request, 'agent', 'admin'), request.params.id),
    });
    app.post('/fair-use/customers/:id/recompute', {
      schema: { tags, summary: 'Recompute a customer’s score now (staff)', params: IdParams, response: { 200: FairUseCustomerDto, ...problems(401, 403, 404) } },
      handler: async (request) => {
        const actor = requireRole(request, 'agent', 'admin');
        await getFairUseCustomer(deps, actor, request.params.id);
        await recomputeFairUse(deps, request.params.id);
        return getFairUseCustomer(deps, actor, request.params.id);
      },
    });
    app.put('/fair-use/customers/:id/exemption', {
      schema: { tags, summary: 'Exempt a customer from the fair-use penalty, or end it (admins)', params: IdParams, body: ExemptionBody, response: { 200: FairUseCustomerDto, ...problems(400, 401, 403, 404) } },
      handler: async (request) => setFairUseExemption(deps, requireRole(request, 'admin'), request.params.id, request.body.exempt, request.body.reason),
    });
    app.get('/fair-use/policy', {
      schema: { tags, summary: 'Fair-use norms, weights and threshold (staff)', response: { 200: FairUsePolicyDto, ...problems(401, 403) } },
      handler: async (request) => {
        requireRole(request, 'agent', 'admin');
        return readFairUsePolicy(deps.db);
      },
    });
    app.put('/fair-use/policy', {
      schema: { tags, summary: 'Set fair-use norms, weights and threshold (admins)', body: FairUsePolicyDto, response: { 200: FairUsePolicyDto, ...problems(400, 401, 403) } },
      handler: async (request) => updateFairUsePolicy(deps, requireRole(request, 'admin'), request.body),
    });
    app.put('/tickets/:id/steps-not-followed', {
      schema: { tags, summary: 'Mark "previous solution steps not followed" (agents)', params: TicketRefParams, body: StepsNotFollowedBody, response: { 200: z.object({ marked: z.boolean() }), ...problems(400, 401, 403, 404) } },
      handler: async (request) => setStepsNotFollowed(deps, requireRole(request, 'agent', 'admin'), request.params.id, true, request.body.note ?? null),
    });
    app.delete('/tickets/:id/steps-not-followed', {
      schema: { tags, summary: 'Remove that mark (agents)', params: TicketRefParams, response: { 200: z.object({ marked: z.boolean() }), ...problems(401, 403, 404) } },
      handler: async (request) => setStepsNotFollowed(deps, requireRole(request, 'agent', 'admin'), request.params.id, false, null),
    });
  };
}
