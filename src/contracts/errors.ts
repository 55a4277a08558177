import { z } from 'zod';

/**
 * Every stable error code the API answers with. Clients switch on `code`, never on `title`.
 * The HTTP status of each code lives in server/errors/error-status.ts.
 */
export const ErrorCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'totp_required',
  'login_locked',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'pending_reason_required',
  'already_exists',
  'attachment_too_large',
  'too_many_attachments',
  'unsupported_media_type',
  'payload_too_large',
  'unprocessable',
  'rate_limited',
  'entitlement_refused',
  'premium_credits_exhausted',
  'signature_invalid',
  'internal',
]);
/** A stable error code. */
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One field-level problem inside a 400 answer. */
export const FieldError = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "body" or "files.0"'),
  message: z.string(),
  code: z.string().optional(),
});
/** A field-level problem. */
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error answer of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: ErrorCode,
  instance: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
/** A problem+json body. */
export type Problem = z.infer<typeof Problem>;
