import type { ErrorCode } from '../../contracts/errors.js';

/** The one table from error code to HTTP status. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  login_locked: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  pending_reason_required: 400,
  already_exists: 409,
  attachment_too_large: 413,
  too_many_attachments: 413,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  entitlement_refused: 403,
  premium_credits_exhausted: 402,
  signature_invalid: 401,
  internal: 500,
};
