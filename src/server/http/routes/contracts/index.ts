import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContractDto, CreateContractBody, IdParams, ListContractsQuery, UpdateContractBody } from '../../../../contracts/entitlements.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { createContract, deleteContract, getContract, listContracts, updateContract } from '../../../services/entitlements/manage-licences.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Support contracts: staff see all, customers their organization's; admins change them. */
export function contractRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['contracts'];
    app.get('/contracts', {
      schema: { tags, summary: 'Contracts (customers: their organization’s)', querystring: ListContractsQuery, response: { 200: z.object({ items: z.array(ContractDto) }), ...problems(400, 401) } },
      handler: async (request) => ({ items: await listContracts(deps, requireActor(request), request.query) }),
    });
    app.get('/contracts/:id', {
      schema: { tags, summary: 'One contract, by id or number', params: IdParams, response: { 200: ContractDto, ...problems(401, 404) } },
      handler: async (request) => getContract(deps, requireActor(request), request.params.id),
    });
    app.post('/contracts', {
      schema: { tags, summary: 'Register a contract (admins); credits its plan includes are granted', body: CreateContractBody, response: { 201: ContractDto, ...problems(400, 401, 403, 409, 422) } },
      handler: async (request, reply) => reply.status(201).send(await createContract(deps, requireRole(request, 'admin'), request.body)),
    });
    app.patch('/contracts/:id', {
      schema: { tags, summary: 'Change a contract (admins)', params: IdParams, body: UpdateContractBody, response: { 200: ContractDto, ...problems(400, 401, 403, 404, 409, 422) } },
      handler: async (request) => updateContract(deps, requireRole(request, 'admin'), request.params.id, request.body),
    });
    app.delete('/contracts/:id', {
      schema: { tags, summary: 'Delete a contract (admins)', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404) } },
      handler: async (request, reply) => {
        await deleteContract(deps, requireRole(request, 'admin'), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
