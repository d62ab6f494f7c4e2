// Market data through the edge, on the whole local stack (Debian Postgres, every worker in one
// `wrangler dev`, the local exchange of tools/exchange/ behind `binance`):
//   1. REST requests reaching the exchange per call, counted by the local exchange: candles cold,
//      the same candles again (cache hit), a 2,500-candle historical range, prices of five pairs,
//      an order-book query;
//   2. latency of a candles cache hit;
//   3. the WebSocket: clients served by one feed, and the delay from subscribe to first update.
// Prints tables and writes bench/results/market-data.json. `npx tsx bench/market-data.ts`
import { latencyStats, round, runBench, step, table, timed, type Bench } from './support';

const RESULTS_FILE = 'bench/results/market-data.json';
const WARM_CALLS = 50;
const WS_CLIENTS = 10;
const MINUTE = 60_000;

async function counted(bench: Bench, call: string, work: () => Promise<unknown>) {
  bench.stack.exchange.resetRequestCount();
  const ms = await timed(work);
  return { call, exchangeRequests: bench.stack.exchange.requestCount(), ms: round(ms) };
}

/** Opens `clients` sockets on one order-book feed: the delay until each has its first update. */
async function websocketFanOut(bench: Bench, clients: number) {
  const url = `${bench.stack.baseUrl.replace(/^http/, 'ws')}/ws/market-data?token=${bench.stack.authorization.replace(/^Basic /, '')}`;
  bench.stack.exchange.resetRequestCount();
  const delays = await Promise.all(
    Array.from({ length: clients }, () => {
      const socket = new WebSocket(url);
      const started = performance.now();
      return new Promise<{ socket: WebSocket; ms: number }>((resolve, reject) => {
        socket.addEventListener('open', () => socket.send(JSON.stringify({ action: 'subscribe', type: 'order_book', connector: 'binance', trading_pair: 'BTC-USDT', depth: 10, update_interval: 1 })));
        socket.addEventListener('message', (event) => {
          if ((JSON.parse(String(event.data)) as { type: string }).type === 'order_book') resolve({ socket, ms: performance.now() - started });
        });
        socket.addEventListener('error', () => reject(new Error('WebSocket failed')));
      });
    }),
  );
  const windowMs = 5000;
  bench.stack.exchange.resetRequestCount();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const requestsPerSecond = bench.stack.exchange.requestCount() / (windowMs / 1000);
  for (const { socket } of delays) socket.close();
  const sorted = delays.map((d) => d.ms).sort((a, b) => a - b);
  return { clients, exchangeRequestsPerSecond: round(requestsPerSecond, 2), firstUpdateMs: { p50: round(sorted[Math.floor(sorted.length / 2)]), max: round(sorted[sorted.length - 1]) } };
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
    console.log(`\nWebSocket: ${websocket.clients} clients on one order-book feed: ${websocket.exchangeRequestsPerSecond} exchange requests/s (one upstream polling every 1 s); first update p50 ${websocket.firstUpdateMs.p50} ms, max ${websocket.firstUpdateMs.max} ms`);
    bench.writeResults(RESULTS_FILE, { exchangeRequests: counts, candlesCacheHitLatency: hitLatency, websocket });
  },
  { deadlineMs: 300_000 },
);
