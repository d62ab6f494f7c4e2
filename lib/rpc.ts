// The one codec for results that cross a boundary (Durable Object calls, Workers RPC methods): a thrown
// HttpError loses its class there, so it travels as a value and is rebuilt, with every field, on the other side.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError, TooManyRequestsError, ValidationError, type FieldIssue } from './errors';

/** Every field an HttpError renders, as plain data. */
export interface EncodedError {
  /** The `error` field it renders with (`NotFoundError`, `TooManyRequestsError`, `Validation Error`, ...). */
  name: string;
  statusCode: number;
  message: string;
  code?: string;
  retryAfterSeconds?: number;
  extra?: Record<string, unknown>;
  validation?: FieldIssue[];
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: EncodedError };

export function encodeError(error: HttpError): EncodedError {
  return {
    name: error.errorName,
    statusCode: error.statusCode,
    message: error.message,
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    ...(error.extra === undefined ? {} : { extra: error.extra }),
    ...(error instanceof ValidationError ? { validation: error.issues } : {}),
  };
}

/** The HttpError `encoded` came from: same status, name, message, code, extra fields and Retry-After. */
export function decodeError(encoded: EncodedError): HttpError {
  if (encoded.validation) return new ValidationError(encoded.validation);
  const error =
    encoded.statusCode === 429
      ? new TooManyRequestsError(encoded.message, encoded.code, encoded.extra, encoded.retryAfterSeconds)
      : new HttpError(encoded.statusCode as ContentfulStatusCode, encoded.message, encoded.code, encoded.extra);
  error.renderedName = encoded.name;
  error.retryAfterSeconds = encoded.retryAfterSeconds;
  return error;
}

/** `work`'s value, or its HttpError as a value; any other error is a bug and is thrown as it is. */
export async function toResult<T>(work: () => Promise<T>): Promise<RpcResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, error: encodeError(error) };
    throw error;
  }
}

/** The value, or the HttpError it carries rethrown on this side of the boundary. */
export function unwrapResult<T>(result: RpcResult<T>): T {
  if (result.ok) return result.value;
  throw decodeError(result.error);
}
