import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceDeps } from '../services/deps.js';
import { authPlugin } from './plugins/auth.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { healthRoutes } from './routes/health/index.js';
import { API_ROUTES } from './routes/index.js';
import { kbPublicRoutes } from './routes/kb-public/index.js';

/** How to build the HTTP app. */
export interface AppOptions {
  /** Fastify logger setting (false in tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app (index.html); null to serve the API only. */
  webRoot?: string | null;
}

/** Builds the Fastify app: security plugins, OpenAPI, auth, errors, every route. */
export async function buildApp(deps: ServiceDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => uuidv7(),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON and multipart only; anything else is answered 415, not half-parsed.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const webRoot = options.webRoot && existsSync(path.join(options.webRoot, 'index.html')) ? options.webRoot : null;
  await app.register(errorHandlerPlugin, { deps, serveSpa: webRoot !== null });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: deps.config.attachmentMaxBytes, files: deps.config.attachmentsPerRequest, fields: 50, fieldSize: 200_000, parts: 200 },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Guichet API', version: '1', description: 'Technical-support desk for software vendors. Errors are RFC 9457 problem+json.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'guichet_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(authPlugin, { deps });

  await app.register(healthRoutes(deps));
  await app.register(kbPublicRoutes(deps));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of API_ROUTES) await api.register(routes(deps));
    },
    { prefix: '/api/v1' },
  );

  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: false });
  return app;
}
