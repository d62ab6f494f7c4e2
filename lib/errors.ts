import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { maskUrlsInText } from './redact';

/**
 * An error that maps to one HTTP answer. Typed subclasses (`NotFoundError`, ...) carry the status;
 * domain errors subclass them with a `code`, so handlers throw values and one place renders them.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: ContentfulStatusCode,
    message: string,
    readonly code?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The name an error rebuilt from another worker or Durable Object renders with (lib/rpc.ts). */
  renderedName?: string;

  /** Sent as the `Retry-After` header when known (429 and 503 answers). */
  retryAfterSeconds?: number;

  /** The `error` field: Gateway clients read fastify-sensible style names such as `NotFoundError`. */
  get errorName(): string {
    return this.renderedName ?? this.constructor.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, code?: string, extra?: Record<string, unknown>) {
    super(400, message, code, extra);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message: string, code?: string) {
    super(401, message, code);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string, code?: string) {
    super(403, message, code);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: string, code?: string) {
    super(404, message, code);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, code?: string) {
    super(409, message, code);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(message: string, code?: string) {
    super(413, message, code);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(
    message: string,
    code?: string,
    extra?: Record<string, unknown>,
    retryAfterSeconds?: number,
  ) {
    super(429, message, code, extra);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** An upstream service (an exchange) answered with an error that is not the caller's to fix. */
export class BadGatewayError extends HttpError {
  constructor(message: string, code?: string) {
    super(502, message, code);
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(message: string, code?: string, retryAfterSeconds?: number) {
    super(503, message, code);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Characters of client input an error message quotes: enough to recognise it, never a megabyte echoed back. */
export const QUOTED_INPUT_MAX = 100;

/** Client input as an error message quotes it: `'value'`, cut to QUOTED_INPUT_MAX characters. */
export function quoteInput(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > QUOTED_INPUT_MAX ? `'${text.slice(0, QUOTED_INPUT_MAX)}…' (${text.length} characters)` : `'${text}'`;
}

/** Longest message a response carries; a backstop for messages that embed input without quoteInput. */
const MESSAGE_MAX = 1000;

/** A message as a response carries it: bounded, and with any RPC key in a URL masked. */
function clip(message: string): string {
  const masked = maskUrlsInText(message);
  return masked.length > MESSAGE_MAX ? `${masked.slice(0, MESSAGE_MAX)}…` : masked;
}

/** One field that failed validation: where it is and why. */
export interface FieldIssue {
  field: string;
  reason: string;
}

export class ValidationError extends HttpError {
  constructor(readonly issues: FieldIssue[]) {
    super(400, `Invalid request: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, 'VALIDATION_ERROR');
  }

  override get errorName(): string {
    return 'Validation Error';
  }
}

/**
 * The one error body: Gateway clients read `message`/`error`/`code`, hummingbot-api clients read `detail`.
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  detail: string;
  code?: string;
  validation?: FieldIssue[];
  requestId?: string;
  [key: string]: unknown;
}

export function errorBody(error: HttpError, requestId?: string): ErrorBody {
  return {
    ...error.extra,
    statusCode: error.statusCode,
    error: error.errorName,
    message: clip(error.message),
    detail: clip(error.message),
    ...(error.code ? { code: error.code } : {}),
    ...(error instanceof ValidationError ? { validation: error.issues } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function internalErrorBody(requestId?: string): ErrorBody {
  return {
    statusCode: 500,
    error: 'Internal Server Error',
    message: 'An unexpected error occurred',
    detail: 'An unexpected error occurred',
    ...(requestId ? { requestId } : {}),
  };
}
