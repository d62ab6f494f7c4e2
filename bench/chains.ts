// Ethereum chain routes through the edge, on the whole local stack (Debian Postgres, anvil behind a
// counting proxy, every worker in one `wrangler dev`):
//   1. RPC HTTP requests that reach the node per call (balances/allowances with 1, 10, 50 tokens,
//      status, estimate-gas, poll, approve);
//   2. latency p50/p95/p99 and throughput of balances (3 and 50 tokens) and of `GET /` (the floor),
//      sequential and with concurrency 10; wall time of 20 concurrent approves from one wallet.
// Prints a table and writes bench/results/chains.json. `npx tsx bench/chains.ts`
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { getAddress, parseUnits, type Address } from 'viem';
import { localnetContracts, localnetDevWallet, localnetSecondWallet } from '../lib/chains/ethereum/localnet';
import { artifacts } from '../tools/localnet/evm/artifacts';
import { createLocalnetClients } from '../tools/localnet/evm/clients';
import { startPostgres, type LocalPostgres } from '../tools/postgres';
import { startRpcProxy, type RpcProxy } from '../tools/rpc-proxy';
import { startStack, type Stack } from '../tools/stack';

const TOKEN_COUNT = 50;
const SEQUENTIAL = { warmup: 20, requests: 200 };
const CONCURRENT = { concurrency: 10, requests: 200 };
const CONCURRENT_APPROVES = 20;
/** The whole run must stay well under 3 minutes; every request in flight is aborted past this. */
const DEADLINE_MS = 170_000;
const REQUEST_TIMEOUT_MS = 30_000;
const RESULTS_FILE = 'bench/results/chains.json';

const CREDENTIALS = {
  USERNAME: 'bench',
  PASSWORD: 'bench-password',
  API_KEY: 'bench-api-key',
  MASTER_KEY: 'bench-master-key',
  GATEWAY_PASSPHRASE: 'bench-passphrase',
};
const SPENDER = localnetContracts.uniswapV2.router02;
const deadline = new AbortController();
const started = performance.now();
const step = (message: string) => console.log(`[bench] ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

// ---------------------------------------------------------------------------------------------
// Timing and percentiles

interface LatencyStats {
  requests: number;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Requests per second over the run's wall time. */
  throughput: number;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Nearest-rank percentile of ascending `sorted` values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** `requests` calls of `work`, `concurrency` at a time; the durations and the wall time of the run. */
async function measure(work: () => Promise<unknown>, requests: number, concurrency: number): Promise<LatencyStats> {
  const durations: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests) {
      next += 1;
      durations.push(await timed(work));
    }
  };
  const wallMs = await timed(() => Promise.all(Array.from({ length: concurrency }, lane)));
  const sorted = durations.sort((a, b) => a - b);
  return {
    requests,
    concurrency,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    throughput: round((requests * 1000) / wallMs),
  };
}

// ---------------------------------------------------------------------------------------------
// The API through the edge

class Api {
  /**
   * The edge rate-limits per client IP (1,200 a minute, enforced by `wrangler dev` too). Each
   * measurement presents itself as its own client through `CF-Connecting-IP`, which the local
   * runtime keeps when the request carries it (Cloudflare sets it in production), so the limiter
   * still runs on every request but no measurement trips over the requests of another.
   */
  client = 'bench-setup';

  constructor(private readonly stack: Stack) {}

  async call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.stack.baseUrl}${path}`, {
      method,
      headers: { authorization: this.stack.authorization, 'content-type': 'application/json', 'cf-connecting-ip': this.client },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any([deadline.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

interface ApproveResponse {
  signature: string;
  status: number;
  data?: { nonce: number };
}

const symbolOf = (index: number) => `BENCH${String(index).padStart(2, '0')}`;
const benchSymbols = (count: number) => Array.from({ length: count }, (_, index) => symbolOf(index));
const tokensLabel = (count: number) => `${count} token${count === 1 ? '' : 's'}`;
const balances = (api: Api, tokens: string[]) => api.call('POST', '/chains/ethereum/balances', { network: 'localnet', tokens });
const allowances = (api: Api, tokens: string[]) => api.call('POST', '/chains/ethereum/allowances', { network: 'localnet', spender: SPENDER, tokens });
const approve = (api: Api, token: string, amount: string) =>
  api.call<ApproveResponse>('POST', '/chains/ethereum/approve', { network: 'localnet', spender: SPENDER, token, amount });

// ---------------------------------------------------------------------------------------------
// Setup: 50 test tokens on anvil, minted to the dev wallet and listed on `localnet`

/** Deployed and minted by anvil's account #1 (unlocked), so the dev wallet's nonce stays the signer's. */
async function deployTokens(anvilUrl: string): Promise<Address[]> {
  const clients = createLocalnetClients(anvilUrl);
  const deployer = clients.wallet(localnetSecondWallet.address);
  const { abi, bytecode } = artifacts.testErc20;
  const addresses: Address[] = [];
  for (let index = 0; index < TOKEN_COUNT; index += 1) {
    const address = await clients.deploy(deployer, abi, bytecode, [`Bench Token ${index}`, symbolOf(index), 18]);
    await clients.confirm(deployer.writeContract({ address, abi, functionName: 'mint', args: [localnetDevWallet.address, parseUnits('1000000', 18)] }));
    addresses.push(address);
  }
  return addresses;
}

async function registerTokens(api: Api, addresses: Address[]): Promise<void> {
  for (const [index, address] of addresses.entries()) {
    const token = { chainId: 31337, name: `Bench Token ${index}`, symbol: symbolOf(index), address: getAddress(address), decimals: 18 };
    await api.call('POST', '/tokens', { chain: 'ethereum', network: 'localnet', token });
  }
  const held = await balances(api, [symbolOf(TOKEN_COUNT - 1)]) as { balances: Record<string, number> };
  if (!(held.balances[symbolOf(TOKEN_COUNT - 1)] > 0)) throw new Error(`the dev wallet holds no ${symbolOf(TOKEN_COUNT - 1)}: ${JSON.stringify(held)}`);
}

// ---------------------------------------------------------------------------------------------
// 1. RPC requests per call

interface RpcCount {
  call: string;
  requests: number;
  methods: string[];
}

/** One warm-up call, then the HTTP requests (and JSON-RPC methods) one call sends to the node. */
async function countRpc(proxy: RpcProxy, call: string, work: () => Promise<unknown>): Promise<RpcCount> {
  await work();
  proxy.reset();
  await work();
  const { requests, methods } = proxy.stats();
  return { call, requests, methods };
}

async function measureRpcRequests(api: Api, proxy: RpcProxy): Promise<RpcCount[]> {
  api.client = 'bench-rpc-count';
  const counts: RpcCount[] = [];
  for (const count of [1, 10, 50]) counts.push(await countRpc(proxy, `POST /chains/ethereum/balances (${tokensLabel(count)})`, () => balances(api, benchSymbols(count))));
  for (const count of [1, 10, 50]) counts.push(await countRpc(proxy, `POST /chains/ethereum/allowances (${tokensLabel(count)})`, () => allowances(api, benchSymbols(count))));
  counts.push(await countRpc(proxy, 'GET /chains/ethereum/status', () => api.call('GET', '/chains/ethereum/status?network=localnet')));
  counts.push(await countRpc(proxy, 'GET /chains/ethereum/estimate-gas', () => api.call('GET', '/chains/ethereum/estimate-gas?network=localnet')));
  let signature = '';
  counts.push(
    await countRpc(proxy, 'POST /chains/ethereum/approve', async () => {
      const sent = await approve(api, symbolOf(0), '1');
      if (sent.status !== 1) throw new Error(`approve not confirmed: ${JSON.stringify(sent)}`);
      signature = sent.signature;
    }),
  );
  counts.push(await countRpc(proxy, 'POST /chains/ethereum/poll', () => api.call('POST', '/chains/ethereum/poll', { network: 'localnet', signature })));
  return counts;
}

// ---------------------------------------------------------------------------------------------
// 2. Latency and throughput

interface LatencyResult extends LatencyStats {
  call: string;
}

async function measureLatency(api: Api, call: string, work: () => Promise<unknown>): Promise<LatencyResult[]> {
  api.client = `bench-${call.replace(/[^a-z0-9]+/gi, '-')}`;
  for (let index = 0; index < SEQUENTIAL.warmup; index += 1) await work();
  const sequential = await measure(work, SEQUENTIAL.requests, 1);
  const concurrent = await measure(work, CONCURRENT.requests, CONCURRENT.concurrency);
  return [
    { call, ...sequential },
    { call, ...concurrent },
  ];
}

interface ApproveBurst {
  approves: number;
  wallMs: number;
  failures: number;
  errors: string[];
  /** Nonces are distinct and consecutive. */
  noncesConsecutive: boolean;
  rpcRequests: number;
}

/** Concurrent approves from the one dev wallet: all must be confirmed, with distinct nonces. */
async function measureConcurrentApproves(api: Api, proxy: RpcProxy): Promise<ApproveBurst> {
  api.client = 'bench-approves';
  proxy.reset();
  let results: PromiseSettledResult<ApproveResponse>[] = [];
  const wallMs = await timed(async () => {
    results = await Promise.allSettled(Array.from({ length: CONCURRENT_APPROVES }, (_, index) => approve(api, symbolOf(index), String(index + 1))));
  });
  const errors = results.flatMap((result) =>
    result.status === 'rejected' ? [String(result.reason)] : result.value.status === 1 ? [] : [`status ${result.value.status}: ${result.value.signature}`],
  );
  const nonces = results.flatMap((result) => (result.status === 'fulfilled' && result.value.data ? [result.value.data.nonce] : [])).sort((a, b) => a - b);
  return {
    approves: CONCURRENT_APPROVES,
    wallMs: Math.round(wallMs),
    failures: errors.length,
    errors: errors.slice(0, 5),
    noncesConsecutive: nonces.length === CONCURRENT_APPROVES && nonces.every((nonce, index) => nonce === nonces[0] + index),
    rpcRequests: proxy.stats().requests,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  // Numeric columns right-aligned (their headers too), text left-aligned.
  const numeric = headers.map((_, column) => rows.every((row) => typeof row[column] === 'number'));
  const line = (cells: (string | number)[]) =>
    cells.map((cell, column) => (numeric[column] ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column]))).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Consecutive repeats collapsed: `eth_call x3`. */
function methodSummary(methods: string[]): string {
  const runs: [string, number][] = [];
  for (const method of methods) {
    const last = runs.at(-1);
    if (last && last[0] === method) last[1] += 1;
    else runs.push([method, 1]);
  }
  return runs.map(([method, count]) => (count > 1 ? `${method} x${count}` : method)).join(', ');
}

function report(rpc: RpcCount[], latency: LatencyResult[], burst: ApproveBurst): void {
  console.log('\nRPC HTTP requests reaching the node, per call');
  console.log(table(['call', 'requests', 'JSON-RPC methods'], rpc.map((row) => [row.call, row.requests, methodSummary(row.methods)])));
  console.log('\nLatency (ms) and throughput through the edge');
  console.log(
    table(
      ['call', 'concurrency', 'requests', 'p50', 'p95', 'p99', 'mean', 'req/s'],
      latency.map((row) => [row.call, row.concurrency, row.requests, row.p50, row.p95, row.p99, row.mean, row.throughput]),
    ),
  );
  console.log(`\n${burst.approves} concurrent approves from one wallet: ${burst.wallMs} ms wall, ${burst.failures} failed, nonces ${burst.noncesConsecutive ? 'consecutive' : 'NOT consecutive'}, ${burst.rpcRequests} RPC requests`);
  for (const error of burst.errors) console.log(`  ${error}`);
}

/** The commit measured, and whether the product's sources differed from it (uncommitted edits). */
function sourceVersion(): { commit: string; uncommittedChanges: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', 'HEAD'), uncommittedChanges: git('status', '--porcelain', '--', 'workers', 'lib', 'schemas', 'wrangler.toml') !== '' };
  } catch {
    return { commit: 'unknown', uncommittedChanges: true };
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let postgres: LocalPostgres | undefined;
  let proxy: RpcProxy | undefined;
  let stack: Stack | undefined;
  const source = sourceVersion(); // before wrangler bundles the sources
  const watchdog = setTimeout(() => deadline.abort(new Error(`benchmark exceeded ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  const interrupt = () => deadline.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    postgres = await startPostgres();
    step(`Postgres on ${postgres.port}`);
    stack = await startStack({
      databaseUrl: postgres.url,
      credentials: CREDENTIALS,
      wranglerOutput: 'ignore',
      evmRpcUrl: async (upstream) => {
        proxy = await startRpcProxy({ upstream });
        return proxy.url;
      },
      log: step,
    }).catch((error: Error) => {
      // wrangler's output is dropped, and on a build error it waits for a fix instead of exiting.
      if (/did not answer in time/.test(error.message)) error.message += ' (wrangler output is ignored here: `npm run dev` shows why, usually a build error in workers/ or lib/)';
      throw error;
    });
    void stack.exited.then((code) => deadline.abort(new Error(`wrangler dev exited (${code})`)));
    step(`stack up on ${stack.baseUrl}`);
    const api = new Api(stack);
    const addresses = await deployTokens(stack.evm.rpcUrl);
    step(`${TOKEN_COUNT} test tokens deployed and minted`);
    await registerTokens(api, addresses);
    step(`${TOKEN_COUNT} test tokens registered`);

    const rpc = await measureRpcRequests(api, proxy!);
    step('RPC requests counted');
    const latency = [
      ...(await measureLatency(api, 'GET / (edge only)', () => api.call('GET', '/'))),
      ...(await measureLatency(api, 'POST balances (3 tokens)', () => balances(api, ['WETH', 'USDC', 'DAI']))),
      ...(await measureLatency(api, `POST balances (${tokensLabel(TOKEN_COUNT)})`, () => balances(api, benchSymbols(TOKEN_COUNT)))),
    ];
    step('latency measured');
    const burst = await measureConcurrentApproves(api, proxy!);
    step('concurrent approves done');

    report(rpc, latency, burst);
    const results = {
      date: new Date().toISOString(),
      source,
      machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
      setup: { database: 'Debian Postgres', tokens: TOKEN_COUNT, sequential: SEQUENTIAL, concurrent: CONCURRENT, latencyUnit: 'ms', throughputUnit: 'requests/s' },
      rpcRequestsPerCall: rpc,
      latency,
      concurrentApproves: burst,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
    console.log(`\nwritten to ${RESULTS_FILE} (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
    if (burst.failures > 0 || !burst.noncesConsecutive) throw new Error('concurrent approves: not all confirmed with consecutive nonces');
  } finally {
    clearTimeout(watchdog);
    await stack?.stop();
    await proxy?.stop();
    await postgres?.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
