// The product as `npm run dev` starts it, under the loads a bot makes: concurrent alerts to one webhook,
// bursts of concurrent reads, a streamed body over the limit. (Its embedded database used to be PGlite,
// one session shared by every connection: these bursts got other queries' answers, 404s and 500s.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../../lib/webhooks/signature';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { BinanceTestClient } from './exchange/client';
import { startDev, type Dev } from './support/dev';

let dev: Dev;

beforeAll(async () => {
  // A state folder left by the PGlite era: its rows must not be dropped in silence.
  dev = await startDev((home) => {
    mkdirSync(join(home, 'pglite'));
    writeFileSync(join(home, 'pglite', 'PG_VERSION'), '17\n');
  });
}, 300_000);

afterAll(async () => {
  await dev?.stop();
}, 60_000);

const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
  const response = await fetch(`${dev.baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: dev.authorization, 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.text() };
};

/** Runs `work` over `items` with at most `inFlight` at a time, answers in the items' order. */
async function inParallel<T, R>(items: T[], inFlight: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return results;
}

describe('npm run dev', () => {
  it('says that the old PGlite folder is no longer read, and where it is', () => {
    expect(dev.output()).toContain(`The old embedded database (PGlite) in ${join(dev.home, 'pglite')} is no longer used`);
    expect(dev.output()).toMatch(/Database\s+Postgres 18/);
  });

  it('answers 240 concurrent reads over six routes (60 in flight) exactly as it answers them one at a time', async () => {
    const routes = [
      '/accounts/',
      '/accounts/master_account/credentials',
      '/wallet',
      '/webhooks',
      '/tokens?chain=ethereum&network=localnet',
      '/config/chains',
    ];
    const sequential = new Map<string, { status: number; body: string }>();
    for (const route of routes) sequential.set(route, await call(route));
    for (const [route, answer] of sequential) expect(answer.status, `${route}: ${answer.body.slice(0, 200)}`).toBe(200);

    const burst = Array.from({ length: 240 }, (_, index) => routes[index % routes.length]);
    const answers = await inParallel(burst, 60, (route) => call(route));
    const wrong = answers.map((answer, index) => ({ route: burst[index], ...answer })).filter((answer) => answer.status !== 200 || answer.body !== sequential.get(answer.route)!.body);
    expect(wrong.map(({ route, status, body }) => `${route}: ${status} ${body.slice(0, 200)}`)).toEqual([]);
  }, 120_000);

  it('accepts 20 concurrent alerts to one webhook (20 × 202) and places their 20 orders on the local exchange', async () => {
    const exchange = new BinanceTestClient(dev.exchangeUrl);
    const ticker = await exchange.public('/api/v3/ticker/price', { symbol: 'BTCUSDT' });
    // Buy limits at half the price rest on the book: each is one order, whatever the liquidity.
    const price = String(Math.round(Number(ticker.body.price) * 0.5));
    const created = await call('/webhooks', {
      body: {
        name: 'burst',
        action: { type: 'order', account_name: 'master_account', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001', order_type: 'LIMIT', price },
        auth: 'hmac',
        alertFields: ['amount'],
      },
    });
    expect(created.status, created.body).toBe(201);
    const hook = JSON.parse(created.body) as { id: string; secret: string; url: string };
    const since = Date.now() - 1000;

    const alerts = Array.from({ length: 20 }, (_, index) => index);
    const answers = await Promise.all(
      alerts.map(async (index) => {
        const body = JSON.stringify({ amount: '0.001' });
        const response = await fetch(`${dev.baseUrl}${hook.url}`, {
          method: 'POST',
          // Each alert is its own delivery (Idempotency-Key) from the alert service's own address.
          headers: { 'content-type': 'application/json', 'x-colibri-signature': await signatureHeader(hook.secret, body), 'idempotency-key': `burst-${index}`, 'cf-connecting-ip': '203.0.113.20' },
          body,
        });
        return { status: response.status, body: await response.text() };
      }),
    );
    expect(answers.filter((answer) => answer.status !== 202).map((answer) => `${answer.status} ${answer.body.slice(0, 200)}`)).toEqual([]);

    type Delivery = { status: string; trade: { result: { order_id?: string } | null } | null };
    let deliveries: Delivery[] = [];
    await expect
      .poll(async () => {
        deliveries = JSON.parse((await call(`/webhooks/${hook.id}/deliveries?limit=100`)).body) as Delivery[];
        return deliveries.map((delivery) => delivery.status).sort();
      }, { timeout: 60_000, interval: 250 })
      .toEqual(Array(20).fill('executed'));
    const orderIds = deliveries.map((delivery) => delivery.trade!.result!.order_id!);
    expect(new Set(orderIds).size).toBe(20);

    const orders = await exchange.signed(DEV_ACCOUNTS[0], 'GET', '/api/v3/allOrders', { symbol: 'BTCUSDT', startTime: since, limit: 1000 });
    const placed = (orders.body as { clientOrderId: string; side: string; origQty: string }[]).filter((order) => orderIds.includes(order.clientOrderId));
    expect(placed).toHaveLength(20);
    expect(placed.every((order) => order.side === 'BUY' && order.origQty === '0.00100000')).toBe(true);
    for (const clientOrderId of orderIds) await exchange.signed(DEV_ACCOUNTS[0], 'DELETE', '/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: clientOrderId });
  }, 120_000);

  it('answers 413 to a chunked body that grows past 1 MB without a Content-Length, cut while it streams', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request(`${dev.baseUrl}/wallet/add`, {
        method: 'POST',
        // No Content-Length: node sends the body with Transfer-Encoding: chunked, so only counting it tells its size.
        headers: { authorization: dev.authorization, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (response) => {
        answered = true;
        let body = '';
        response.on('data', (data: Buffer) => (body += data.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
      });
      // The server may close its side once it has answered; writes after that fail, which is expected.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const write = () => {
        // 4 MB, four times the limit, unless the answer comes first.
        while (!answered && sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      req.write('{"chain":"ethereum","privateKey":"');
      write();
    });
    expect(answer.status, answer.body.slice(0, 300)).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body larger than 1048576 bytes' });
    // The connection behind it is intact: the next request is answered for what it says (it was a 503).
    const next = await call('/wallet/add', { body: {} });
    expect(next.status, next.body.slice(0, 300)).toBe(400);
  });
});
