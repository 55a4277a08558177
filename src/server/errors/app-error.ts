import type { ErrorCode, FieldError } from '../../contracts/errors.js';
import { ERROR_STATUS } from './error-status.js';

/** Options of an AppError: a translation key for the detail (preferred) or a fixed detail. */
export interface AppErrorOptions {
  /** i18n key (namespace "errors") of the human detail, with its parameters. */
  detailKey?: string;
  params?: Record<string, string | number>;
  /** Untranslated detail, for operator-facing messages only. */
  detail?: string;
  errors?: FieldError[];
  /** Extra headers for the answer (Retry-After...). */
  headers?: Record<string, string>;
}

/** An expected failure with a stable code; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    super(options.detail ?? options.detailKey ?? code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/** 404 that never tells whether the thing exists. */
export const notFound = (what: 'ticket' | 'attachment' | 'user' | 'resource' = 'resource'): AppError => new AppError('not_found', { detailKey: `not_found_${what}` });
/** 403 for an authenticated user who may not do this. */
export const forbidden = (detailKey = 'forbidden_detail', params?: Record<string, string | number>): AppError =>
  new AppError('forbidden', { detailKey, ...(params ? { params } : {}) });
/** 401. */
export const unauthenticated = (): AppError => new AppError('unauthenticated', { detailKey: 'unauthenticated_detail' });
/** 400 with field errors. */
export const validationFailed = (errors: FieldError[]): AppError =>
  new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors });
