import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, TEST_CREDENTIALS } from '../support/http';

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
  return { socket, next, closed, send: (message: unknown) => socket.send(JSON.stringify(message)) };
}

const feedStats = (id: string) => env.MARKET_FEEDS.get(env.MARKET_FEEDS.idFromName(id)).fetch('https://feed.internal/stats').then((r) => r.json<{ subscribers: number; polls: number }>());

describe('/ws/market-data', () => {
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

  it('delivers order book and candle updates to two clients from one upstream feed', async () => {
    // The connector's public session warm (markets loaded) before the feeds poll it.
    expect((await api('/market-data/prices', { body: { connector_name: 'binance', trading_pairs: ['BTC-USDT'] } })).status).toBe(200);
    const [a, b] = [await connect(), await connect()];
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
    expect((await feedStats('order_book_binance_BTC-USDT')).subscribers).toBe(2);

    a.send({ action: 'unsubscribe', subscription_id: 'order_book_binance_BTC-USDT' });
    expect((await a.next((m) => m.type === 'unsubscribed')).subscription_id).toBe('order_book_binance_BTC-USDT');
    b.socket.close(1000);
    a.socket.close(1000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = await feedStats('order_book_binance_BTC-USDT');
    expect(stopped.subscribers).toBe(0);
  });
});
