import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateProductBody, CreateVersionBody, IdParams, ProductDto, UpdateProductBody, UpdateVersionBody, VersionParams } from '../../../../contracts/entitlements.js';
import type { ServiceDeps } from '../../../services/deps.js';
import { addVersion, createProduct, deleteProduct, deleteVersion, getProduct, listProducts, updateProduct, updateVersion } from '../../../services/entitlements/manage-products.js';
import { requireActor, requireRole } from '../../plugins/request-context.js';
import { problems } from '../problems.js';

/** Products and their versions: everyone signed in reads them (the request form lists them), admins change them. */
export function productRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['products'];
    app.get('/products', {
      schema: { tags, summary: 'Products with their versions', response: { 200: z.object({ items: z.array(ProductDto) }), ...problems(401) } },
      handler: async (request) => {
        requireActor(request);
        return { items: await listProducts(deps) };
      },
    });
    app.get('/products/:id', {
      schema: { tags, summary: 'One product, by id or code', params: IdParams, response: { 200: ProductDto, ...problems(401, 404) } },
      handler: async (request) => {
        requireActor(request);
        return getProduct(deps, request.params.id);
      },
    });
    app.post('/products', {
      schema: { tags, summary: 'Create a product (admins)', body: CreateProductBody, response: { 201: ProductDto, ...problems(400, 401, 403, 409) } },
      handler: async (request, reply) => reply.status(201).send(await createProduct(deps, requireRole(request, 'admin'), request.body)),
    });
    app.patch('/products/:id', {
      schema: { tags, summary: 'Rename or re-code a product (admins)', params: IdParams, body: UpdateProductBody, response: { 200: ProductDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request) => updateProduct(deps, requireRole(request, 'admin'), request.params.id, request.body),
    });
    app.delete('/products/:id', {
      schema: { tags, summary: 'Delete a product nothing refers to (admins)', params: IdParams, response: { 204: z.null(), ...problems(401, 403, 404, 409) } },
      handler: async (request, reply) => {
        await deleteProduct(deps, requireRole(request, 'admin'), request.params.id);
        return reply.status(204).send(null);
      },
    });
    app.post('/products/:id/versions', {
      schema: { tags, summary: 'Add a version (admins)', params: IdParams, body: CreateVersionBody, response: { 201: ProductDto, ...problems(400, 401, 403, 404, 409) } },
      handler: async (request, reply) => reply.status(201).send(await addVersion(deps, requireRole(request, 'admin'), request.params.id, request.body)),
    });
    app.patch('/products/:id/versions/:versionId', {
      schema: { tags, summary: 'Mark a version supported or not (admins)', params: VersionParams, body: UpdateVersionBody, response: { 200: ProductDto, ...problems(400, 401, 403, 404) } },
      handler: async (request) => updateVersion(deps, requireRole(request, 'admin'), request.params.id, request.params.versionId, request.body),
    });
    app.delete('/products/:id/versions/:versionId', {
      schema: { tags, summary: 'Remove a version (admins)', params: VersionParams, response: { 200: ProductDto, ...problems(401, 403, 404) } },
      handler: async (request) => deleteVersion(deps, requireRole(request, 'admin'), request.params.id, request.params.versionId),
    });
  };
}
