// `npm run dev`: the whole product on this machine in one command. Starts the database (embedded
// PGlite unless DATABASE_URL is set), applies migrations, starts the Neon-driver proxy and the local
// chains, then every worker in ONE `wrangler dev` process (queues do not cross processes), and
// prints where to reach it. Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { localnetDevWallet } from '../lib/chains/ethereum/localnet';
import { startEvmLocalnet } from './localnet/evm/setup';
import { startSolanaLocalnet } from './localnet/solana/server';
import { migrateDatabase } from './migrate';
import { startNeonProxy } from './neon-proxy';
import { startPglite } from './pglite-server';
import { ROUTER_WORKERS, WORKERS, WRANGLER_ENV } from './workers';

const DEV_DEFAULTS = {
  USERNAME: 'admin',
  PASSWORD: 'admin',
  API_KEY: 'colibri-dev-key',
  // A fixed dev-only root key so local wallets survive restarts; production sets its own secret.
  MASTER_KEY: 'colibri-development-master-key',
};

function readDevVars(): Record<string, string> {
  if (!existsSync('.dev.vars')) return {};
  const entries = readFileSync('.dev.vars', 'utf8')
    .split('\n')
    .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/))
    .filter((match): match is RegExpMatchArray => match !== null);
  return Object.fromEntries(entries.map(([, key, value]) => [key, value]));
}

/** Environment first, then `.dev.vars`, then the dev defaults. */
function setting(name: keyof typeof DEV_DEFAULTS, devVars: Record<string, string>): string {
  return process.env[name] ?? devVars[name] ?? DEV_DEFAULTS[name];
}

function dotenv(vars: Record<string, string>): string {
  return Object.entries(vars).map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
}

async function waitForHttp(url: string, headers: Record<string, string>, deadlineMs: number): Promise<Response> {
  for (;;) {
    try {
      const response = await fetch(url, { headers });
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadlineMs) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const started = Date.now();
const stops: Array<() => Promise<void>> = [];
const step = (message: string) => console.log(`[colibri] ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

async function shutdown(code: number): Promise<never> {
  for (const stop of stops.reverse()) await stop().catch((err) => console.error(`[colibri] stop failed: ${err}`));
  process.exit(code);
}

async function main() {
  const port = Number(process.env.PORT ?? 15888);
  const devVars = readDevVars();
  mkdirSync('.colibri', { recursive: true });

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pglite = await startPglite({ dataDir: '.colibri/pglite' });
    stops.push(pglite.stop);
    databaseUrl = pglite.url;
    step(`PGlite database on ${pglite.url} (data in .colibri/pglite)`);
  }
  await migrateDatabase(databaseUrl);
  step('migrations applied');
  const proxy = await startNeonProxy({ databaseUrl });
  stops.push(proxy.stop);

  const evm = await startEvmLocalnet({ port: 8545 });
  stops.push(evm.stop);
  step(`anvil (ethereum-localnet, chain id 31337) on ${evm.rpcUrl} with WETH, USDC, DAI and Uniswap V2/V3 deployed`);
  const solana = await startSolanaLocalnet({ port: 8899 });
  stops.push(solana.stop);
  step(`litesvm (solana-localnet) on ${solana.rpcUrl}`);

  const edgeVars = {
    ENVIRONMENT: 'development',
    USERNAME: setting('USERNAME', devVars),
    PASSWORD: setting('PASSWORD', devVars),
    API_KEY: setting('API_KEY', devVars),
  };
  const routerVars = {
    ENVIRONMENT: 'development',
    MASTER_KEY: setting('MASTER_KEY', devVars),
    DATABASE_URL: databaseUrl,
    NEON_PROXY_URL: proxy.url,
  };
  // `wrangler dev` gives --env-file to the first (edge) config only; every other worker reads the
  // `.dev.vars` beside its own config, so each router gets its bindings there (git-ignored).
  const envFile = '.colibri/edge.env';
  writeFileSync(envFile, dotenv(edgeVars), { mode: 0o600 });
  for (const worker of ROUTER_WORKERS) writeFileSync(`workers/${worker.name}/.dev.vars`, dotenv(routerVars), { mode: 0o600 });

  const wrangler = spawn(
    'npx',
    ['wrangler', 'dev', ...WORKERS.flatMap((worker) => ['-c', worker.config]), '--env-file', envFile, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', '.colibri/wrangler', '--show-interactive-dev-session=false'],
    { stdio: ['ignore', 'inherit', 'inherit'], detached: true, env: { ...process.env, ...WRANGLER_ENV } },
  );
  stops.push(async () => {
    if (wrangler.exitCode === null && wrangler.pid) process.kill(-wrangler.pid, 'SIGTERM');
  });
  wrangler.on('exit', (code) => {
    console.error(`[colibri] wrangler dev exited (${code})`);
    void shutdown(code ?? 1);
  });

  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Basic ${btoa(`${edgeVars.USERNAME}:${edgeVars.PASSWORD}`)}` };
  await waitForHttp(`${base}/`, {}, Date.now() + 120_000);
  await waitForHttp(`${base}/chains/health`, auth, Date.now() + 60_000);
  step('first 200 through the edge');
  console.log(`
  Colibri is running
    API         ${base}
    Docs        ${base}/docs   (OpenAPI: ${base}/openapi.json)
    Basic auth  ${edgeVars.USERNAME} / ${edgeVars.PASSWORD}
    Bearer key  ${edgeVars.API_KEY}
    Database    ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'PGlite (.colibri/pglite)'}
    EVM         ethereum-localnet ${evm.rpcUrl}   dev wallet ${localnetDevWallet.address}
                dev wallet key ${localnetDevWallet.privateKey} (anvil's public test key)
    Solana      solana-localnet ${solana.rpcUrl}

  Try: curl -u ${edgeVars.USERNAME}:${edgeVars.PASSWORD} ${base}/chains/health
  Ctrl-C stops everything.
`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err) => {
  console.error(`[colibri] dev failed: ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
});
