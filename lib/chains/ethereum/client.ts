import { BaseError, createPublicClient, defineChain, fallback, http, HttpRequestError, LimitExceededRpcError, TimeoutError, type PublicClient } from 'viem';
import type { EvmNetworkConfig } from '../../../schemas/config';
import { ServiceUnavailableError, TooManyRequestsError } from '../../errors';
import { rpcHost } from '../rpc';

/** A configured EVM network with its name (`localnet`, `base`, ...). */
export type EvmNetwork = EvmNetworkConfig & { name: string };

export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';
const RPC_TIMEOUT_MS = 10_000;

function chainOf(network: EvmNetwork) {
  return defineChain({
    id: network.chainID,
    name: `ethereum-${network.name}`,
    nativeCurrency: { name: network.nativeCurrencySymbol, symbol: network.nativeCurrencySymbol, decimals: 18 },
    rpcUrls: { default: { http: [network.nodeURL, ...network.fallbackNodeURLs] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS } },
  });
}

/**
 * A client for one request: the node URLs in order behind viem's `fallback`, each with a timeout and
 * one retry, and JSON-RPC batching so calls made together travel in one HTTP request.
 */
export function createEvmClient(network: EvmNetwork): PublicClient {
  const transports = [network.nodeURL, ...network.fallbackNodeURLs].map((url) =>
    http(url, { timeout: RPC_TIMEOUT_MS, retryCount: 1, batch: { wait: 0 } }),
  );
  return createPublicClient({
    chain: chainOf(network),
    transport: transports.length === 1 ? transports[0] : fallback(transports),
  }) as PublicClient;
}

/**
 * Turns a node's failure into what the client can act on: a 429 naming the rate-limited RPC, a 503 for
 * an unreachable one. Anything else is rethrown for the caller to map.
 */
export function mapRpcError(error: unknown, network: EvmNetwork): never {
  if (error instanceof BaseError) {
    const httpError = error.walk((cause) => cause instanceof HttpRequestError) as HttpRequestError | null;
    const timeout = error.walk((cause) => cause instanceof TimeoutError) as TimeoutError | null;
    // Nodes signal rate limits as HTTP 429 or as JSON-RPC -32005 (viem: LimitExceededRpcError).
    const limited = httpError?.status === 429 || error.walk((cause) => cause instanceof LimitExceededRpcError) !== null;
    const url = (error.walk((cause) => typeof (cause as { url?: unknown }).url === 'string') as { url?: string } | null)?.url;
    const where = `ethereum-${network.name}`;
    if (limited) {
      throw new TooManyRequestsError(`RPC rate limit reached at ${rpcHost(url)} (${where}); retry later or add fallbackNodeURLs`, 'RPC_RATE_LIMITED');
    }
    if (timeout || (httpError && (httpError.status === undefined || httpError.status >= 500))) {
      throw new ServiceUnavailableError(`RPC provider unavailable: ${rpcHost(url)} (${where}) did not answer`, 'RPC_UNAVAILABLE');
    }
  }
  throw error;
}

/** Runs reads against the node, mapping transport failures (see `mapRpcError`). */
export async function withRpc<T>(network: EvmNetwork, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    return mapRpcError(error, network);
  }
}

/**
 * `multicall` with `allowFailure` turns a failed HTTP request into per-call failures; a transport
 * failure is not a token's failure, so it is rethrown for `mapRpcError`.
 */
export function throwTransportFailure(results: readonly { status: string; error?: unknown }[]): void {
  for (const result of results) {
    const error = result.error;
    if (error instanceof BaseError && error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError || cause instanceof LimitExceededRpcError)) {
      throw error;
    }
  }
}
