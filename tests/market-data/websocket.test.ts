import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev } from '../support/exchange';
import { TEST_CREDENTIALS } from '../support/http';
import { exchangeRequests } from './exchange';

type Message = { type: string; subscription_id?: string; data?: unknown; message?: string };

const token = btoa(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`);

/** A client as hummingbot-api-client opens it: `?token=` base64 user:pass. */
async function connect(query = `?token=${token}`) {
  const response = await SELF.fetch(`http://colibri.test/ws/market-data${query}`, { headers: { upgrade: 'websocket', 'cf-connecting-ip': '198.51.100.250' } });
  const socket = response.webSocket!;
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  socket.addEventListener('message', (event) => {
    messages.push(JSON.parse(String(event.data)) as Message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
  socket.accept();
  const next = async (match: (message: Message) => boolean, timeoutMs = 10_000): Promise<Message> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = messages.findIndex(match);
      if (index >= 0) return messages.splice(index, 1)[0];
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(messages)}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };
  return { socket, messages, next, closed, send: (message: unknown) => socket.send(JSON.stringify(message)) };
}

const feedStats = (id: string) => env.MARKET_FEEDS.get(env.MARKET_FEEDS.idFromName(id)).fetch('https://feed.internal/stats').then((r) => r.json<{ subscribers: number; polls: number; upstream: string; upstreamOpens: number }>());

/** How many market-stream connections the exchange holds open for `stream`. */
async function followers(stream: string): Promise<number> {
  const { connections } = await (await fetch(`${env.TEST_EXCHANGE_URL}/__local/stream-connections`)).json<{ connections: { streams: string[] }[] }>();
  return connections.filter((connection) => connection.streams.includes(stream)).length;
}

describe('/ws/market-data', () => {
  // The test runner serves modules to workerd on demand, and an import first made inside a Durable
  // Object's alarm never resolves here; a deployed bundle holds CCXT already. Only the module is
  // loaded: the exchange session stays cold (no instance, no markets).
  beforeAll(() => import('../../node_modules/ccxt/js/src/binance.js'));

  it('says connected first, answers ping, and keeps the connection after a bad subscription', async () => {
    const client = await connect();
    expect((await client.next(() => true)).type).toBe('connected');
    client.send({ action: 'ping' });
    expect((await client.next((m) => m.type === 'pong')).type).toBe('pong');
    client.send({ action: 'subscribe', type: 'tickers', connector: 'binance', trading_pair: 'BTC-USDT' });
    expect((await client.next((m) => m.type === 'error')).message).toMatch(/Unknown subscription type 'tickers'/);
    client.send({ action: 'ping' });
    expect((await client.next((m) => m.type === 'pong')).type).toBe('pong');
    client.socket.close(1000);
  });

  it('refuses a client without valid credentials: an error message, then close 4001', async () => {
    const client = await connect(`?token=${btoa('admin:wrong')}`);
    expect(await client.next((m) => m.type === 'error')).toEqual({ type: 'error', message: 'Authentication failed' });
    expect(await client.closed).toBe(4001);
  });

  it('delivers order book and candle updates to two clients from ONE exchange stream per feed, then closes it', async () => {
    const [a, b] = [await connect(), await connect()];
    // Both feeds subscribed at once on a session no request warmed (the markets race of a cold session).
    for (const client of [a, b]) {
      client.send({ action: 'subscribe', type: 'order_book', connector: 'binance', trading_pair: 'BTC-USDT', depth: 5, update_interval: 0.5 });
      client.send({ action: 'subscribe', type: 'candles', connector: 'binance', trading_pair: 'ETH-USDT', interval: '1m', max_records: 5, update_interval: 1 });
    }
    for (const client of [a, b]) {
      expect((await client.next((m) => m.type === 'subscribed' && m.subscription_id === 'order_book_binance_BTC-USDT')).type).toBe('subscribed');
      const book = (await client.next((m) => m.type === 'order_book')).data as { bids: number[][]; asks: number[][] };
      expect(book.bids).toHaveLength(5);
      expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]);
      const candles = await client.next((m) => m.type === 'candles');
      expect(candles).toMatchObject({ subscription_id: 'candles_binance_ETH-USDT_1m' });
      expect(candles.data).toHaveLength(5);
    }
    expect(await followers('btcusdt@depth5@100ms')).toBe(1);
    expect(await followers('ethusdt@kline_1m')).toBe(1);

    // Further updates come from the streams alone: the exchange gets no REST request meanwhile.
    const requestsBefore = await exchangeRequests();
    for (const client of [a, b]) {
      const book = (await client.next((m) => m.type === 'order_book')).data as { bids: number[][]; asks: number[][] };
      expect(book.asks).toHaveLength(5);
      const update = await client.next((m) => m.subscription_id === 'candles_binance_ETH-USDT_1m' && (m.type === 'candle_update' || m.type === 'candles'));
      expect(update.data).toBeDefined();
    }
    expect(await exchangeRequests()).toBe(requestsBefore);
    expect(await feedStats('order_book_binance_BTC-USDT')).toMatchObject({ subscribers: 2, upstream: 'stream', upstreamOpens: 1 });
    expect(await feedStats('candles_binance_ETH-USDT_1m')).toMatchObject({ subscribers: 2, upstream: 'stream', upstreamOpens: 1 });

    a.send({ action: 'unsubscribe', subscription_id: 'order_book_binance_BTC-USDT' });
    expect((await a.next((m) => m.type === 'unsubscribed')).subscription_id).toBe('order_book_binance_BTC-USDT');
    expect(await followers('btcusdt@depth5@100ms')).toBe(1);
    b.socket.close(1000);
    a.socket.close(1000);
    await expect.poll(() => followers('btcusdt@depth5@100ms'), { timeout: 5000 }).toBe(0);
    await expect.poll(() => followers('ethusdt@kline_1m'), { timeout: 5000 }).toBe(0);
    expect(await feedStats('order_book_binance_BTC-USDT')).toMatchObject({ subscribers: 0, upstream: 'none' });
  });

  it('opens the exchange stream again when it drops, and keeps delivering', async () => {
    const client = await connect();
    client.send({ action: 'subscribe', type: 'order_book', connector: 'binance', trading_pair: 'ETH-USDT', depth: 10 });
    await client.next((m) => m.type === 'order_book');
    await expect.poll(() => followers('ethusdt@depth10@100ms'), { timeout: 5000 }).toBe(1);
    expect((await (await fetch(`${env.TEST_EXCHANGE_URL}/__local/stream-connections/drop`, { method: 'POST' })).json<{ dropped: number }>()).dropped).toBeGreaterThan(0);
    await expect.poll(async () => (await feedStats('order_book_binance_ETH-USDT')).upstreamOpens, { timeout: 10_000 }).toBe(2);
    expect(await followers('ethusdt@depth10@100ms')).toBe(1);
    client.messages.length = 0;
    expect(((await client.next((m) => m.type === 'order_book')).data as { bids: unknown[] }).bids).toHaveLength(10);
    client.socket.close(1000);
    await expect.poll(() => followers('ethusdt@depth10@100ms'), { timeout: 5000 }).toBe(0);
  });

  it('pushes trades from the exchange stream as they happen', async () => {
    const client = await connect();
    client.send({ action: 'subscribe', type: 'trades', connector: 'binance', trading_pair: 'SOL-USDT' });
    expect((await client.next((m) => m.type === 'subscribed')).subscription_id).toBe('trades_binance_SOL-USDT');
    await expect.poll(() => followers('solusdt@trade'), { timeout: 5000 }).toBe(1);
    await exchangeAsDev(DEV_ACCOUNTS[DEV_ACCOUNTS.length - 1], 'POST', 'api.binance.com/api/v3/order', { symbol: 'SOLUSDT', side: 'BUY', type: 'MARKET', quantity: '0.5' });
    const trades = (await client.next((m) => m.type === 'trades')).data as { price: number; amount: number; side: string }[];
    expect(trades.reduce((sum, trade) => sum + trade.amount, 0)).toBeGreaterThan(0);
    expect(trades[0].side).toBe('buy');
    client.socket.close(1000);
    await expect.poll(() => followers('solusdt@trade'), { timeout: 5000 }).toBe(0);
  });
});
