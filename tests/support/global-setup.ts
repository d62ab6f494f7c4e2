import type { TestProject } from 'vitest/node';
import { startLocalExchange } from '../../tools/exchange/server';
import { startEvmLocalnet } from '../../tools/localnet/evm/setup';
import { startJupiterStandIn } from '../../tools/jupiter/server';
import { seedMarketMaker } from '../../tools/jupiter/market-maker';
import { startSolanaLocalnet } from '../../tools/localnet/solana/server';
import { migrateDatabase } from '../../tools/migrate';
import { startNeonProxy } from '../../tools/neon-proxy';
import { startPostgres } from '../../tools/postgres';
import { startRpcProxy } from '../../tools/rpc-proxy';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    neonProxyUrl: string;
    /** The RPC proxy in front of anvil that workers use (it counts their requests). */
    evmRpcUrl: string;
    /** anvil itself, for test control calls (snapshots, mining) that must not be counted. */
    anvilUrl: string;
    /** An RPC that answers every request with 429. */
    rateLimitedRpcUrl: string;
    /** The RPC proxy in front of the litesvm server that workers use (it counts their requests). */
    solanaRpcUrl: string;
    /** The litesvm server itself, for test setup and checks that must not be counted. */
    solanaUrl: string;
    /** The local exchange (tools/exchange/), for test setup. */
    exchangeUrl: string;
    /** The Jupiter Swap API stand-in (tools/jupiter/), for its test controls. */
    jupiterUrl: string;
    /** EXCHANGE_BASE_URLS for the workers: see {@link exchangeBaseUrls}. */
    exchangeBaseUrls: Record<string, string>;
  }
}

/**
 * Where the workers' exchange connectors point (EXCHANGE_BASE_URLS): Binance's two at the local
 * exchange; `mexc` at an endpoint answering 429 to everything (a rate-limiting exchange); `kraken` at a
 * port nothing listens on (an unreachable exchange). The others keep their published hosts, which no
 * test reaches.
 */
function exchangeBaseUrls(localExchange: string, rateLimited: string, jupiter: string): Record<string, string> {
  return { binance: localExchange, binance_perpetual: localExchange, mexc: rateLimited, kraken: 'http://127.0.0.1:9', jupiter };
}

/** Real parts for the whole workers suite: Postgres, the Neon-driver proxy, anvil and litesvm (each chain behind a counting proxy), the local exchange, the Jupiter stand-in. */
export default async function setup(project: TestProject) {
  const [postgres, evm, solana, exchange] = await Promise.all([startPostgres(), startEvmLocalnet(), startSolanaLocalnet({ port: 0 }), startLocalExchange()]);
  seedMarketMaker(solana.svm);
  await migrateDatabase(postgres.url);
  const [neonProxy, evmProxy, solanaProxy, rateLimited, jupiter] = await Promise.all([
    startNeonProxy({ databaseUrl: postgres.url }),
    startRpcProxy({ upstream: evm.rpcUrl }),
    startRpcProxy({ upstream: solana.rpcUrl }),
    startRpcProxy({ mode: 'rate-limited' }),
    startJupiterStandIn({ rpcUrl: solana.rpcUrl }),
  ]);
  project.provide('databaseUrl', postgres.url);
  project.provide('neonProxyUrl', neonProxy.url);
  project.provide('evmRpcUrl', evmProxy.url);
  project.provide('anvilUrl', evm.rpcUrl);
  project.provide('rateLimitedRpcUrl', rateLimited.url);
  project.provide('solanaRpcUrl', solanaProxy.url);
  project.provide('solanaUrl', solana.rpcUrl);
  project.provide('exchangeUrl', exchange.url);
  project.provide('jupiterUrl', jupiter.url);
  project.provide('exchangeBaseUrls', exchangeBaseUrls(exchange.url, rateLimited.url, jupiter.url));
  return async () => {
    await Promise.all([neonProxy.stop(), evmProxy.stop(), solanaProxy.stop(), rateLimited.stop(), jupiter.stop()]);
    await Promise.all([postgres.stop(), evm.stop(), solana.stop(), exchange.stop()]);
  };
}
