// Typed errors and the one table that maps them to status codes and messages.
import type { MessageKey } from './i18n/index.js';

export type ErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'too_large'
  | 'rate_limited'
  | 'conflict'
  | 'method_not_allowed';

const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  bad_request: 400,
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  too_large: 413,
  rate_limited: 429,
  conflict: 409,
  method_not_allowed: 405,
};

/** i18n keys of the message shown to a person for each error code. */
export const MESSAGE_KEY: Record<ErrorCode, MessageKey> = {
  not_found: 'error.not_found',
  bad_request: 'error.bad_request',
  validation: 'error.validation',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  csrf: 'error.csrf',
  too_large: 'error.too_large',
  rate_limited: 'error.rate_limited',
  conflict: 'error.conflict',
  method_not_allowed: 'error.method_not_allowed',
};

/** An error a person caused and can understand; carries its HTTP status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields: Record<string, string> = {},
    /** The variables of a message that is a catalogue key. */
    readonly vars: Record<string, string> = {},
  ) {
    super(message ?? code);
    this.status = STATUS[code];
  }
}

/** Field-level validation failure: the form is shown again with these messages. */
export class ValidationError extends AppError {
  constructor(fields: Record<string, string>, message = 'error.validation') {
    super('validation', message, fields);
  }
}

export const notFound = (what = 'Page') => new AppError('not_found', `${what} not found`);
