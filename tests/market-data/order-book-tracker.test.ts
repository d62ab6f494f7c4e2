import { describe, expect, it } from 'vitest';
import { api } from '../support/http';
import { exchangeRequests } from './exchange';

interface Diagnostics {
  connector_name: string;
  has_order_book_tracker: boolean;
  tracker_ready: boolean;
  trading_pairs: string[];
  order_books: Record<string, { best_bid: number; best_ask: number; timestamp: number }>;
  websocket_status: string;
}

const diagnostics = async (connector: string, query = '') => (await api(`/market-data/order-book/diagnostics/${connector}${query}`)).json<Diagnostics>();
const restart = async (connector: string) => {
  const response = await api(`/market-data/order-book/restart/${connector}`, { method: 'POST' });
  return { status: response.status, body: await response.json<{ success: boolean; message?: string; error?: string; trading_pairs: string[] }>() };
};
const track = (action: 'add' | 'remove', trading_pair: string) => api(`/market-data/trading-pair/${action}`, { body: { connector_name: 'binance', trading_pair } });

describe('/market-data/order-book diagnostics and restart (no tracker: books are read on demand)', () => {
  it("reports each tracked pair's best bid and ask read from the exchange now, ONE request per pair", async () => {
    for (const pair of ['BTC-USDT', 'ETH-USDT']) expect((await track('add', pair)).status).toBe(200);
    try {
      await diagnostics('binance');
      const before = await exchangeRequests();
      const report = await diagnostics('binance', '?account_name=master_account');
      expect(await exchangeRequests()).toBe(before + report.trading_pairs.length);
      expect(report).toMatchObject({ connector_name: 'binance', has_order_book_tracker: false, tracker_ready: true, websocket_status: 'not_used' });
      expect(report.trading_pairs).toEqual(expect.arrayContaining(['BTC-USDT', 'ETH-USDT']));
      for (const pair of ['BTC-USDT', 'ETH-USDT']) {
        const book = report.order_books[pair];
        expect(book.best_bid).toBeLessThan(book.best_ask);
        expect(book.timestamp).toBeGreaterThan(0);
      }

      const restarted = await restart('binance');
      expect(restarted.status).toBe(200);
      expect(restarted.body).toMatchObject({ success: true, trading_pairs: report.trading_pairs });
      const feeds = await (await api('/market-data/active-feeds')).json<Record<string, { seconds_since_access: number }>>();
      expect(feeds['order_book_binance_BTC-USDT'].seconds_since_access).toBeLessThan(5);
    } finally {
      for (const pair of ['BTC-USDT', 'ETH-USDT']) await track('remove', pair);
    }
    expect((await diagnostics('binance')).trading_pairs).not.toContain('BTC-USDT');
  });

  it('says there is nothing to restart when no pair is tracked, without calling the exchange', async () => {
    const before = await exchangeRequests();
    expect(await diagnostics('okx')).toMatchObject({ connector_name: 'okx', trading_pairs: [], order_books: {}, tracker_ready: true });
    const restarted = await restart('okx');
    expect(restarted.status).toBe(200);
    expect(restarted.body).toMatchObject({ success: false, error: expect.stringContaining('No trading pairs to restart'), trading_pairs: [] });
    expect(await exchangeRequests()).toBe(before);
  });

  it('answers 400 naming an unknown connector', async () => {
    for (const response of [await api('/market-data/order-book/diagnostics/nasdaq'), await api('/market-data/order-book/restart/nasdaq', { method: 'POST' })]) {
      expect(response.status).toBe(400);
      expect((await response.json<{ detail: string }>()).detail).toMatch(/Connector 'nasdaq' is not supported/);
    }
  });
});
