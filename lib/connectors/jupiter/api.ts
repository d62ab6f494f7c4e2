import type { QuoteResponse, SwapRequest, SwapResponse } from '@jup-ag/api';
import { BadRequestError, ServiceUnavailableError, TooManyRequestsError } from '../../errors';

const REQUEST_TIMEOUT_MS = 10_000;
/** What a 429 or 5xx without a Retry-After of its own tells the client to wait. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

function retryAfter(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * One call to the Swap API. Its 429 is a 429 and its 5xx (or no answer) a 503, both with Retry-After;
 * its 4xx (`{error, errorCode}`) is a 400 with Jupiter's message and code (COULD_NOT_FIND_ANY_ROUTE,
 * TOKEN_NOT_TRADABLE, ...): the request, not Colibri, is what Jupiter refused.
 */
async function call<T>(apiUrl: string, path: string, init?: RequestInit): Promise<T> {
  const host = new URL(apiUrl).host;
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch {
    throw new ServiceUnavailableError(`Jupiter API unavailable: ${host} did not answer`, 'JUPITER_UNAVAILABLE', DEFAULT_RETRY_AFTER_SECONDS);
  }
  if (response.status === 429) throw new TooManyRequestsError(`Jupiter API rate limit reached at ${host}; retry later`, 'JUPITER_RATE_LIMITED', undefined, retryAfter(response));
  if (response.status >= 500) throw new ServiceUnavailableError(`Jupiter API unavailable: ${host} answered ${response.status}`, 'JUPITER_UNAVAILABLE', retryAfter(response));
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const refusal = (body ?? {}) as { error?: unknown; errorCode?: unknown };
    const message = typeof refusal.error === 'string' ? refusal.error.slice(0, 300) : `answered ${response.status}`;
    throw new BadRequestError(`Jupiter refused the request: ${message}`, typeof refusal.errorCode === 'string' ? refusal.errorCode : 'JUPITER_REFUSED');
  }
  if (body === undefined) throw new ServiceUnavailableError(`Jupiter API answered ${host} with a body that is not JSON`, 'JUPITER_UNAVAILABLE', DEFAULT_RETRY_AFTER_SECONDS);
  return body as T;
}

export interface QuoteRequest {
  inputMint: string;
  outputMint: string;
  /** Base units: of the input (ExactIn) or of the output (ExactOut). */
  amount: bigint;
  swapMode: 'ExactIn' | 'ExactOut';
  slippageBps: number;
}

/** `GET /swap/v1/quote`. */
export function getQuote(apiUrl: string, request: QuoteRequest): Promise<QuoteResponse> {
  const query = new URLSearchParams({ ...request, amount: request.amount.toString(), slippageBps: String(request.slippageBps) });
  return call(apiUrl, `/swap/v1/quote?${query}`);
}

/** `POST /swap/v1/swap`: the quote's transaction for the wallet, to sign and send. */
export function postSwap(apiUrl: string, request: SwapRequest): Promise<SwapResponse> {
  return call(apiUrl, '/swap/v1/swap', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
}
