// Exchange trading through the edge, on the whole local stack with the local exchange (tools/exchange/):
//   1. exchange requests per warm order placement (counted at the local exchange);
//   2. latency p50/p95 of POST /trading/orders (100 sequential) beside the local exchange's own round
//      trip for the same order sent straight to it, signed, from this process (the ratio is Colibri's cost);
//   3. orders per second with 10 in flight: on one account, and spread over ten accounts (ten exchange
//      sessions; the ten share the local exchange's first three dev keys).
// Resting BUY limit orders at half the price, so nothing fills. Prints tables and writes
// bench/results/trading.json. `npx tsx bench/trading.ts`
import { createHmac } from 'node:crypto';
import { DEV_ACCOUNTS } from '../tools/exchange/dev-accounts';
import { latencyStats, measure, round, runBench, step, table, timed, type Api, type LatencyStats } from './support';

const RESULTS_FILE = 'bench/results/trading.json';
const SEQUENTIAL = 100;
const THROUGHPUT = { requests: 200, concurrency: 10 };
const ACCOUNTS = 10;
const COUNT_SAMPLES = 5;

interface Exchange {
  url: string;
  requestCount(): number;
  resetRequestCount(): void;
}

const order = (account: string, price: number) => ({ account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price });

async function restingPrice(exchange: Exchange): Promise<number> {
  const response = await fetch(`${exchange.url}/api.binance.com/api/v3/ticker/price?symbol=BTCUSDT`);
  return Math.round(Number(((await response.json()) as { price: string }).price) * 0.5);
}

/** The same order sent straight to the local exchange, signed with dev key 0: the exchange's own round trip. */
async function placeDirectly(exchange: Exchange, price: number): Promise<void> {
  const dev = DEV_ACCOUNTS[0];
  const query = new URLSearchParams({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: String(price), timestamp: String(Date.now()) });
  query.set('signature', createHmac('sha256', dev.apiSecret).update(query.toString()).digest('hex'));
  const response = await fetch(`${exchange.url}/api.binance.com/api/v3/order?${query}`, { method: 'POST', headers: { 'X-MBX-APIKEY': dev.apiKey } });
  if (!response.ok) throw new Error(`direct order: ${response.status} ${await response.text()}`);
  await response.text();
}

async function sequential(work: () => Promise<unknown>): Promise<LatencyStats> {
  const durations: number[] = [];
  const wall = await timed(async () => {
    for (let i = 0; i < SEQUENTIAL; i++) durations.push(await timed(work));
  });
  return latencyStats(durations, wall, 1);
}

async function addAccounts(api: Api): Promise<string[]> {
  const names = Array.from({ length: ACCOUNTS }, (_, i) => `bench_trader_${i}`);
  for (const [i, name] of names.entries()) {
    await api.call('POST', `/accounts/add-account?account_name=${name}`);
    const dev = DEV_ACCOUNTS[i % 3];
    await api.call('POST', `/accounts/add-credential/${name}/binance`, { binance_api_key: dev.apiKey, binance_api_secret: dev.apiSecret });
  }
  return names;
}

runBench(async ({ stack, api, writeResults }) => {
  const exchange = stack.exchange as Exchange;
  const price = await restingPrice(exchange);
  const accounts = await addAccounts(api.measuring('setup'));
  // Warm every session: markets loaded, credentials opened.
  for (const account of ['master_account', ...accounts]) await api.call('POST', '/trading/orders', order(account, price));
  step(`${ACCOUNTS + 1} sessions warm`);

  const counts: number[] = [];
  for (let i = 0; i < COUNT_SAMPLES; i++) {
    exchange.resetRequestCount();
    await api.measuring('count').call('POST', '/trading/orders', order('master_account', price));
    counts.push(exchange.requestCount());
  }
  step(`exchange requests per warm placement: ${counts.join(', ')}`);

  const direct = await sequential(() => placeDirectly(exchange, price));
  const edge = await sequential(() => api.measuring('latency').call('POST', '/trading/orders', order('master_account', price)));
  step('latency measured');

  const oneAccount = await measure(() => api.measuring('one-account').call('POST', '/trading/orders', order('master_account', price)), THROUGHPUT.requests, THROUGHPUT.concurrency);
  const tenAccounts = await measure((i) => api.measuring('ten-accounts').call('POST', '/trading/orders', order(accounts[i % ACCOUNTS], price)), THROUGHPUT.requests, THROUGHPUT.concurrency);
  step('throughput measured');

  const ratio = (key: 'p50' | 'p95') => round(edge[key] / direct[key], 1);
  console.log(`\nExchange requests per warm POST /trading/orders: ${Math.min(...counts)} (max ${Math.max(...counts)} over ${COUNT_SAMPLES})\n`);
  console.log(
    table(
      ['call', 'p50 ms', 'p95 ms', 'p99 ms', 'orders/s'],
      [
        ['local exchange, direct (signed POST /api/v3/order)', direct.p50, direct.p95, direct.p99, direct.throughput],
        ['POST /trading/orders through the edge', edge.p50, edge.p95, edge.p99, edge.throughput],
        [`ratio edge / direct`, ratio('p50'), ratio('p95'), '', ''],
        [`one account, ${THROUGHPUT.concurrency} in flight`, oneAccount.p50, oneAccount.p95, oneAccount.p99, oneAccount.throughput],
        [`ten accounts, ${THROUGHPUT.concurrency} in flight`, tenAccounts.p50, tenAccounts.p95, tenAccounts.p99, tenAccounts.throughput],
      ],
    ),
  );
  writeResults(RESULTS_FILE, {
    setup: { database: 'Debian Postgres', order: 'BUY 0.001 BTC-USDT LIMIT at half the price (rests)', sequential: SEQUENTIAL, throughput: THROUGHPUT, latencyUnit: 'ms', throughputUnit: 'orders/s' },
    exchangeRequestsPerWarmPlacement: { min: Math.min(...counts), max: Math.max(...counts), samples: counts },
    latency: { direct, edge, ratio: { p50: ratio('p50'), p95: ratio('p95') } },
    throughput: { oneAccount, tenAccounts },
  });
  if (Math.min(...counts) !== 1) throw new Error(`a warm placement sent ${Math.min(...counts)} exchange requests, expected 1`);
});
