import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../../tools/exchange/dev-accounts';
import { startLocalExchange, type LocalExchange } from '../../../tools/exchange/server';
import { BinanceTestClient } from './client';

const [alice, bob] = DEV_ACCOUNTS;

/** A WebSocket that collects every message it receives. */
async function open(url: string): Promise<{ socket: WebSocket; messages: any[]; next(predicate: (m: any) => boolean): Promise<any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const socket = new WebSocket(url);
  const messages: unknown[] = [];
  const waiting: { predicate: (m: unknown) => boolean; resolve: (m: unknown) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    messages.push(message);
    for (const w of [...waiting]) if (w.predicate(message)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(message);
    }
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return {
    socket,
    messages,
    next: (predicate) => {
      const seen = messages.find(predicate);
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ predicate, resolve }));
    },
  };
}

describe('local exchange WebSocket streams', () => {
  let exchange: LocalExchange;
  let ws: string;

  beforeAll(async () => {
    exchange = await startLocalExchange({ seed: 9, marketMakerIntervalMs: 200 });
    ws = exchange.url.replace('http', 'ws');
  });
  afterAll(() => exchange?.stop());

  it('serves combined market streams with diff depth in sequence and trades', async () => {
    const stream = await open(`${ws}/stream.binance.com/stream?streams=btcusdt@depth@100ms/btcusdt@trade/btcusdt@kline_1m`);
    try {
      const first = await stream.next((m) => m.stream === 'btcusdt@depth@100ms');
      expect(first.data).toMatchObject({ e: 'depthUpdate', s: 'BTCUSDT', U: expect.any(Number), u: expect.any(Number) });
      const second = await stream.next((m) => m.stream === 'btcusdt@depth@100ms' && m.data.U > first.data.u);
      expect(second.data.U).toBe(first.data.u + 1);
      const trade = await stream.next((m) => m.stream === 'btcusdt@trade');
      expect(trade.data).toMatchObject({ e: 'trade', s: 'BTCUSDT', t: expect.any(Number), p: expect.stringMatching(/^\d+\.\d{8}$/), m: expect.any(Boolean) });
      const kline = await stream.next((m) => m.stream === 'btcusdt@kline_1m');
      expect(kline.data.k).toMatchObject({ s: 'BTCUSDT', i: '1m', x: false });
    } finally {
      stream.socket.close();
    }
  });

  it('subscribes live, lists subscriptions and refuses unknown streams', async () => {
    const stream = await open(`${ws}/fstream.binance.com/market/ws`);
    try {
      stream.socket.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['ethusdt@markPrice@1s'], id: 1 }));
      expect(await stream.next((m) => m.id === 1)).toEqual({ result: null, id: 1 });
      stream.socket.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 2 }));
      expect(await stream.next((m) => m.id === 2)).toEqual({ result: ['ethusdt@markPrice@1s'], id: 2 });
      stream.socket.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['dogeusdt@trade'], id: 3 }));
      expect((await stream.next((m) => m.id === 3)).error).toMatchObject({ code: 2 });
      const mark = await stream.next((m) => m.e === 'markPriceUpdate');
      expect(mark).toMatchObject({ s: 'ETHUSDT', p: expect.any(String), r: expect.any(String), T: expect.any(Number) });
    } finally {
      stream.socket.close();
    }
  });

  it('pushes executionReport and outboundAccountPosition on a spot listenKey stream', async () => {
    const api = new BinanceTestClient(exchange.url);
    const { listenKey } = (await api.send('POST', '/api/v3/userDataStream', '', '', { 'X-MBX-APIKEY': alice.apiKey })).body;
    const stream = await open(`${ws}/stream.binance.com/ws/${listenKey}`);
    try {
      const placed = (await api.signed(alice, 'POST', '/api/v3/order', { symbol: 'BNBUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '100', newClientOrderId: 'stream-1' })).body;
      const report = await stream.next((m) => m.e === 'executionReport');
      expect(report).toMatchObject({ s: 'BNBUSDT', c: 'stream-1', S: 'BUY', o: 'LIMIT', x: 'NEW', X: 'NEW', i: placed.orderId, q: '1.00000000', p: '100.00000000' });
      const position = await stream.next((m) => m.e === 'outboundAccountPosition');
      expect(position.B).toContainEqual({ a: 'USDT', f: '999900.00000000', l: '100.00000000' });
      // Another account's events do not leak into this stream.
      await api.signed(bob, 'POST', '/api/v3/order', { symbol: 'BNBUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1', price: '100', newClientOrderId: 'other' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stream.messages.filter((m) => m.c === 'other')).toEqual([]);
    } finally {
      stream.socket.close();
    }
  });

  it('simulates a user data stream outage on request: open streams dropped, new ones refused, market streams untouched', async () => {
    const api = new BinanceTestClient(exchange.url);
    const { listenKey } = (await api.send('POST', '/api/v3/userDataStream', '', '', { 'X-MBX-APIKEY': alice.apiKey })).body;
    const user = await open(`${ws}/stream.binance.com/ws/${listenKey}`);
    const market = await open(`${ws}/stream.binance.com/ws/btcusdt@trade`);
    const control = (path: string) => fetch(`${exchange.url}/__local/user-data/${path}`, { method: 'POST' });
    try {
      const dropped = new Promise((resolve) => user.socket.once('close', resolve));
      expect(await (await control('outage')).json()).toEqual({ userDataDown: true });
      await dropped;
      await expect(open(`${ws}/stream.binance.com/ws/${listenKey}`)).rejects.toThrow(/503/);
      expect(market.socket.readyState).toBe(WebSocket.OPEN);
      expect(await (await control('restore')).json()).toEqual({ userDataDown: false });
      const reopened = await open(`${ws}/stream.binance.com/ws/${listenKey}`);
      reopened.socket.close();
    } finally {
      await control('restore');
      market.socket.close();
    }
  });
});
