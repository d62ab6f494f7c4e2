// CCXT's errors as Colibri's HTTP errors: decided here once, by CCXT's error class (which CCXT maps
// from each exchange's own error codes), never by matching messages later.
import {
  AuthenticationError,
  BadRequest,
  DDoSProtection,
  ExchangeError,
  InsufficientFunds,
  InvalidNonce,
  InvalidOrder,
  NetworkError,
  OperationFailed,
  OrderNotFound,
  RateLimitExceeded,
} from '../../node_modules/ccxt/js/src/base/errors.js';
import { BadGatewayError, BadRequestError, HttpError, NotFoundError, ServiceUnavailableError, TooManyRequestsError } from '../errors';

/** The exchange refused the API key, secret or passphrase (or their permissions). */
export class ExchangeCredentialsRejectedError extends BadRequestError {
  constructor(connector: string, reason: string) {
    super(`${connector} rejected the credentials: ${reason}`, 'EXCHANGE_CREDENTIALS_REJECTED');
  }
}

/** The exchange refused the request itself (unknown symbol, order below its filters, funds). */
export class ExchangeRequestRejectedError extends BadRequestError {
  constructor(connector: string, reason: string) {
    super(`${connector} rejected the request: ${reason}`, 'EXCHANGE_REQUEST_REJECTED');
  }
}

export class ExchangeOrderNotFoundError extends NotFoundError {
  constructor(connector: string, reason: string) {
    super(`${connector}: order not found: ${reason}`, 'EXCHANGE_ORDER_NOT_FOUND');
  }
}

export class ExchangeRateLimitedError extends TooManyRequestsError {
  constructor(connector: string, reason: string, retryAfterSeconds: number) {
    super(`${connector} rate-limited the request, retry in ${retryAfterSeconds} s: ${reason}`, 'EXCHANGE_RATE_LIMITED', undefined, retryAfterSeconds);
  }
}

export class ExchangeUnavailableError extends ServiceUnavailableError {
  constructor(connector: string, reason: string) {
    super(`${connector} is unreachable: ${reason}`, 'EXCHANGE_UNAVAILABLE');
  }
}

/** The exchange failed in a way the caller cannot fix (its own error, an unreadable answer). */
export class ExchangeFailedError extends BadGatewayError {
  constructor(connector: string, reason: string) {
    super(`${connector} failed: ${reason}`, 'EXCHANGE_ERROR');
  }
}

/** Used when an exchange rate-limits without saying for how long (Binance's bans run 2 min and up). */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/**
 * The exchange's own words from a CCXT error message (`binance {"code":-2015,"msg":"Invalid API-key..."}`):
 * its `msg`/`message` and code when the body is JSON, else the text after the exchange id.
 */
export function exchangeReason(error: Error, exchangeId: string): string {
  const text = error.message.startsWith(`${exchangeId} `) ? error.message.slice(exchangeId.length + 1) : error.message;
  try {
    const body = JSON.parse(text) as { msg?: unknown; message?: unknown; code?: unknown };
    const said = typeof body.msg === 'string' ? body.msg : typeof body.message === 'string' ? body.message : undefined;
    if (said) return body.code === undefined ? said : `${said} (code ${String(body.code)})`;
  } catch {
    // not JSON: the text is the reason
  }
  return text.slice(0, 500);
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number {
  const value = headers?.['Retry-After'] ?? headers?.['retry-after'];
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * The HTTP error for a CCXT error raised while talking to `connector`; errors that are not CCXT's
 * (bugs) are returned unchanged for the one 500 handler.
 */
export function exchangeHttpError(error: unknown, connector: string, exchangeId: string, responseHeaders?: Record<string, string>): unknown {
  if (error instanceof HttpError || !(error instanceof Error)) return error;
  const reason = () => exchangeReason(error, exchangeId);
  if (error instanceof AuthenticationError) return new ExchangeCredentialsRejectedError(connector, reason());
  if (error instanceof RateLimitExceeded || error instanceof DDoSProtection) return new ExchangeRateLimitedError(connector, reason(), retryAfterSeconds(responseHeaders));
  // A timestamp outside the exchange's window (Binance -1021) is a clock problem here, not an outage.
  if (error instanceof InvalidNonce) return new ExchangeFailedError(connector, reason());
  if (error instanceof NetworkError) return new ExchangeUnavailableError(connector, reason());
  if (error instanceof OrderNotFound) return new ExchangeOrderNotFoundError(connector, reason());
  if (error instanceof BadRequest || error instanceof InvalidOrder || error instanceof InsufficientFunds) return new ExchangeRequestRejectedError(connector, reason());
  if (error instanceof ExchangeError || error instanceof OperationFailed) return new ExchangeFailedError(connector, reason());
  return error;
}
