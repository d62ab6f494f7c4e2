// The whole product on this machine: database (PGlite unless a URL is given), migrations, the
// Neon-driver proxy, anvil, litesvm and the local exchange, then every worker in ONE `wrangler dev`
// process (queues do not cross processes). Used by `npm run dev` and by the benchmarks.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { localnetDevWallet } from '../lib/chains/ethereum/localnet';
import { SOLANA_LOCALNET_DEV_WALLET } from '../lib/chains/solana/localnet';
import { DEV_ACCOUNTS } from './exchange/dev-accounts';
import { startJupiterStandIn, type JupiterStandIn } from './jupiter/server';
import { seedMarketMaker } from './jupiter/market-maker';
import { startLocalExchange, type LocalExchange } from './exchange/server';
import { startEvmLocalnet, type EvmLocalnet } from './localnet/evm/setup';
import { startSolanaLocalnet, type SolanaLocalnet } from './localnet/solana/server';
import { migrateDatabase } from './migrate';
import { startNeonProxy, type NeonProxy } from './neon-proxy';
import { startPglite } from './pglite-server';
import { ROUTER_WORKERS, WORKERS, WRANGLER_ENV } from './workers';

export interface StackOptions {
  port?: number;
  /** Any Postgres; the embedded database in `stateDir` when absent. */
  databaseUrl?: string;
  /** Where the stack keeps its state between runs (database, wrangler's storage); `.colibri` by default. */
  stateDir?: string;
  evmPort?: number;
  solanaPort?: number;
  /** The local exchange's port; a free one when absent. */
  exchangePort?: number;
  /** The Jupiter stand-in's port; a free one when absent. */
  jupiterPort?: number;
  /** Lets a benchmark put a counting proxy between the workers and anvil. */
  evmRpcUrl?: (anvilUrl: string) => Promise<string>;
  credentials: { USERNAME: string; PASSWORD: string; API_KEY: string; MASTER_KEY: string; GATEWAY_PASSPHRASE: string };
  log?: (message: string) => void;
  /** Where wrangler's own output goes. */
  wranglerOutput?: 'inherit' | 'ignore';
}

export interface Stack {
  baseUrl: string;
  authorization: string;
  evm: EvmLocalnet;
  solana: SolanaLocalnet;
  /** The local Binance-compatible exchange that `binance` and `binance_perpetual` point at. */
  exchange: LocalExchange;
  /** The Jupiter Swap API stand-in that `jupiter` points at. */
  jupiter: JupiterStandIn;
  databaseLabel: string;
  /** Counts the workers' database round trips (through the Neon-driver proxy). */
  database: Pick<NeonProxy, 'stats' | 'reset'>;
  /** Resolves when wrangler exits on its own (a crash). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The connectors `npm run dev`, the benchmarks and the tests point at the local exchange. */
export const LOCAL_EXCHANGE_CONNECTORS = ['binance', 'binance_perpetual'] as const;

function dotenv(vars: Record<string, string>): string {
  return Object.entries(vars).map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHttp(url: string, headers: Record<string, string>, deadlineMs: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadlineMs) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((err) => console.error(`[colibri] stop failed: ${err}`));
  };
  try {
    const stateDir = options.stateDir ?? '.colibri';
    mkdirSync(stateDir, { recursive: true });
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const pglite = await startPglite({ dataDir: join(stateDir, 'pglite') });
      stops.push(pglite.stop);
      databaseUrl = pglite.url;
      log(`PGlite database on ${pglite.url} (data in ${join(stateDir, 'pglite')})`);
    }
    await migrateDatabase(databaseUrl);
    log('migrations applied');
    const [proxy, evm, solana, exchange] = await Promise.all([
      startNeonProxy({ databaseUrl }),
      startEvmLocalnet({ port: options.evmPort }),
      startSolanaLocalnet({ port: options.solanaPort ?? 0 }),
      startLocalExchange({ port: options.exchangePort ?? 0 }),
    ]);
    stops.push(proxy.stop, evm.stop, solana.stop, exchange.stop);
    seedMarketMaker(solana.svm);
    const jupiter = await startJupiterStandIn({ rpcUrl: solana.rpcUrl, port: options.jupiterPort ?? 0 });
    stops.push(jupiter.stop);
    log(`anvil (ethereum-localnet, chain id 31337) on ${evm.rpcUrl}: WETH, USDC, DAI, Multicall3, Uniswap V2/V3 deployed`);
    log(`litesvm (solana-localnet) on ${solana.rpcUrl}: dev wallet with SOL and USDC`);
    log(`local exchange (Binance spot + USD-M API) on ${exchange.url}: binance and binance_perpetual point there`);
    log(`Jupiter Swap API stand-in on ${jupiter.url}: jupiter points there (a market maker with 10,000 SOL and 1,500,000 USDC)`);

    const { USERNAME, PASSWORD, API_KEY, MASTER_KEY, GATEWAY_PASSPHRASE } = options.credentials;
    const routerVars = {
      ENVIRONMENT: 'development',
      MASTER_KEY,
      GATEWAY_PASSPHRASE,
      DATABASE_URL: databaseUrl,
      NEON_PROXY_URL: proxy.url,
      EVM_LOCALNET_RPC_URL: options.evmRpcUrl ? await options.evmRpcUrl(evm.rpcUrl) : evm.rpcUrl,
      SOLANA_LOCALNET_RPC_URL: solana.rpcUrl,
      // The one base-URL override (lib/exchanges/base-urls.ts): Binance's connectors go to the local exchange, Jupiter to its stand-in.
      EXCHANGE_BASE_URLS: JSON.stringify({ ...Object.fromEntries(LOCAL_EXCHANGE_CONNECTORS.map((connector) => [connector, exchange.url])), jupiter: jupiter.url }),
    };
    // `wrangler dev` gives --env-file to the first (edge) config only; every other worker reads the
    // `.dev.vars` beside its own config, so each router gets its bindings there (git-ignored).
    const envFile = join(stateDir, 'edge.env');
    writeFileSync(envFile, dotenv({ ENVIRONMENT: 'development', USERNAME, PASSWORD, API_KEY }), { mode: 0o600 });
    for (const worker of ROUTER_WORKERS) writeFileSync(`workers/${worker.name}/.dev.vars`, dotenv(routerVars), { mode: 0o600 });

    const port = options.port ?? (await freePort());
    const wrangler = spawn(
      'npx',
      ['wrangler', 'dev', ...WORKERS.flatMap((worker) => ['-c', worker.config]), '--env-file', envFile, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', join(stateDir, 'wrangler'), '--show-interactive-dev-session=false'],
      { stdio: ['ignore', options.wranglerOutput ?? 'inherit', options.wranglerOutput ?? 'inherit'], detached: true, env: { ...process.env, ...WRANGLER_ENV } },
    );
    const exited = new Promise<number | null>((resolve) => wrangler.on('exit', resolve));
    stops.push(async () => {
      if (wrangler.exitCode === null && wrangler.pid) {
        process.kill(-wrangler.pid, 'SIGTERM');
        await exited;
      }
    });

    const baseUrl = `http://127.0.0.1:${port}`;
    const authorization = `Basic ${btoa(`${USERNAME}:${PASSWORD}`)}`;
    await waitForHttp(`${baseUrl}/`, {}, Date.now() + 120_000);
    await waitForHttp(`${baseUrl}/chains/health`, { authorization }, Date.now() + 60_000);
    // The dev wallets sign on the local chains out of the box.
    for (const [chain, privateKey] of [['ethereum', localnetDevWallet.privateKey], ['solana', SOLANA_LOCALNET_DEV_WALLET.secretKey]]) {
      const response = await fetch(`${baseUrl}/wallet/add`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ chain, privateKey, setDefault: true }),
      });
      if (!response.ok) throw new Error(`adding the ${chain} dev wallet failed: ${await response.text()}`);
    }
    // ...and master_account trades on the local exchange with its first dev key.
    for (const connector of LOCAL_EXCHANGE_CONNECTORS) {
      const response = await fetch(`${baseUrl}/accounts/add-credential/master_account/${connector}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ [`${connector}_api_key`]: DEV_ACCOUNTS[0].apiKey, [`${connector}_api_secret`]: DEV_ACCOUNTS[0].apiSecret }),
      });
      if (!response.ok) throw new Error(`adding master_account's ${connector} dev key failed: ${await response.text()}`);
    }
    return { baseUrl, authorization, evm, solana, exchange, jupiter, databaseLabel: options.databaseUrl ? 'DATABASE_URL' : 'PGlite', database: proxy, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
