import { Connection } from '@solana/web3.js';
import type { SolanaNetworkConfig } from '../../../schemas/config';
import { ServiceUnavailableError, TooManyRequestsError, type HttpError } from '../../errors';
import { rpcHost } from '../rpc';

/** A configured Solana network with its name (`localnet`, `mainnet-beta`, ...). */
export type SolanaNetwork = SolanaNetworkConfig & { name: string };

const RPC_TIMEOUT_MS = 10_000;

export interface SolanaClient {
  connection: Connection;
  network: SolanaNetwork;
  /** Why the node could not serve a request of this client: rate-limited (429) or unreachable (503). */
  transportFailure(): HttpError | undefined;
}

/**
 * A client for one request: a `Connection` kept for a later request fails in workerd ("Cannot perform
 * I/O on behalf of a different request"). Its fetch tries the node URLs in order, moving on when one
 * rate-limits or does not answer, and keeps the typed reason when all fail: web3.js rewraps errors as
 * plain text, so `withRpc` reads the reason from here rather than from a message.
 *
 * It never opens a WebSocket (the signer confirms by polling `getSignatureStatuses`), so the browser
 * build's `new window.WebSocket(...)`, which hangs silently in workerd, is never reached.
 */
export function createSolanaClient(network: SolanaNetwork): SolanaClient {
  const where = `solana-${network.name}`;
  let failure: HttpError | undefined;
  const fetchFromNodes = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let reason: HttpError | undefined;
    for (const url of [network.nodeURL, ...network.fallbackNodeURLs]) {
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(RPC_TIMEOUT_MS) });
        if (response.status === 429) {
          reason = new TooManyRequestsError(`RPC rate limit reached at ${rpcHost(url)} (${where}); retry later or add fallbackNodeURLs`, 'RPC_RATE_LIMITED');
        } else if (response.status >= 500) {
          reason = new ServiceUnavailableError(`RPC provider unavailable: ${rpcHost(url)} (${where}) answered ${response.status}`, 'RPC_UNAVAILABLE');
        } else {
          return response;
        }
      } catch {
        reason = new ServiceUnavailableError(`RPC provider unavailable: ${rpcHost(url)} (${where}) did not answer`, 'RPC_UNAVAILABLE');
      }
    }
    failure = reason;
    throw reason;
  };
  // web3.js would retry a 429 five times with backoff; the fallback URLs (or the caller) decide instead.
  const connection = new Connection(network.nodeURL, { commitment: 'confirmed', fetch: fetchFromNodes, disableRetryOnRateLimit: true });
  return { connection, network, transportFailure: () => failure };
}

/** A node's transport failure as the 429/503 it is; anything else is rethrown for the caller to map. */
export function mapRpcError(error: unknown, client: SolanaClient): never {
  throw client.transportFailure() ?? error;
}

/** Runs reads against the node, mapping transport failures (see `mapRpcError`). */
export async function withRpc<T>(client: SolanaClient, read: (connection: Connection) => Promise<T>): Promise<T> {
  try {
    return await read(client.connection);
  } catch (error) {
    return mapRpcError(error, client);
  }
}
