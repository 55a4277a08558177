import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, Problem } from '../../../contracts/errors.js';
import { AppError } from '../../errors/app-error.js';
import { ERROR_STATUS } from '../../errors/error-status.js';
import type { ServiceDeps } from '../../services/deps.js';
import { requestLanguage } from './request-context.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'attachment_too_large',
  FST_FILES_LIMIT: 'too_many_attachments',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
};

function statusCodeToError(status: number): ErrorCode {
  const found = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status);
  return found?.[0] ?? (status >= 500 ? 'internal' : 'validation_failed');
}

function fieldErrors(error: FastifyError): FieldError[] {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
      code: String(v.keyword),
    }));
  }
  return (error.validation ?? []).map((v) => ({ path: v.instancePath || String(error.validationContext ?? ''), message: v.message ?? 'invalid' }));
}

/** Sends RFC 9457 problem+json. */
export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.status(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem));
}

/**
 * One error handler for the whole API: expected errors keep their code and translated text,
 * validation errors list their fields, anything else is a 500 whose detail is only in the log.
 */
export const errorHandlerPlugin = fp<{ deps: ServiceDeps; serveSpa?: boolean }>(async (app: FastifyInstance, { deps, serveSpa }) => {
  const build = (request: FastifyRequest, code: ErrorCode, extra: { detailKey?: string; params?: Record<string, unknown>; detail?: string; errors?: FieldError[] }): Problem => {
    const t = deps.i18n.getFixedT(requestLanguage(request), 'errors');
    const status = ERROR_STATUS[code];
    const detail = extra.detailKey ? t(extra.detailKey, extra.params ?? {}) : extra.detail;
    return {
      type: `https://guichet.dev/problems/${code.replaceAll('_', '-')}`,
      title: t(`title.${code}`),
      status,
      code,
      ...(detail ? { detail } : {}),
      instance: request.url.split('?')[0],
      ...(extra.errors?.length ? { errors: extra.errors } : {}),
    };
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, build(request, error.code, { ...error.options }), error.options.headers);
    }
    if (error.validation) {
      return sendProblem(reply, build(request, 'validation_failed', { detailKey: 'validation_failed_detail', errors: fieldErrors(error) }));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const detailKey = mapped === 'attachment_too_large' ? 'attachment_too_large_generic' : undefined;
      const params = { max: Math.floor(deps.config.attachmentMaxBytes / (1024 * 1024)) };
      return sendProblem(reply, build(request, mapped, detailKey ? { detailKey, params } : { detail: error.message }));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = status === 429 ? 'rate_limited' : statusCodeToError(status);
      return sendProblem(reply, build(request, code, { detail: error.message }), status === 429 ? { 'retry-after': String(reply.getHeader('retry-after') ?? 60) } : {});
    }
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return sendProblem(reply, build(request, 'internal', { detailKey: 'internal_detail', params: { id: request.id } }));
  });

  app.setNotFoundHandler((request, reply) => {
    // Browser navigation to a web-app route gets the single-page app, which routes on the client.
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (serveSpa && wantsPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return sendProblem(reply, build(request, 'not_found', { detailKey: 'route_not_found', params: { method: request.method, url: request.url.split('?')[0] ?? '' } }));
  });
});
