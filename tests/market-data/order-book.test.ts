import { describe, expect, it } from 'vitest';
import { api } from '../support/http';
import { exchangeRequests } from './exchange';

interface Book {
  trading_pair: string;
  bids: { price: number; amount: number }[];
  asks: { price: number; amount: number }[];
  timestamp: number;
}

const post = async <T>(path: string, body: unknown) => {
  const response = await api(path, { body });
  return { status: response.status, body: await response.json<T & { detail?: string; validation?: { field: string }[] }>() };
};

describe('/market-data order books, prices and funding', () => {
  it('serves depth levels per side, best first', async () => {
    const { status, body } = await post<Book>('/market-data/order-book', { connector_name: 'binance', trading_pair: 'BTC-USDT', depth: 5 });
    expect(status).toBe(200);
    expect(body.trading_pair).toBe('BTC-USDT');
    expect(body.bids).toHaveLength(5);
    expect(body.asks).toHaveLength(5);
    expect(body.bids[0].price).toBeLessThan(body.asks[0].price);
    expect(body.bids.map((l) => l.price)).toEqual([...body.bids.map((l) => l.price)].sort((a, b) => b - a));
    expect(body.asks.map((l) => l.price)).toEqual([...body.asks.map((l) => l.price)].sort((a, b) => a - b));
    const perpetual = await post<Book>('/market-data/order-book', { connector_name: 'binance_perpetual', trading_pair: 'ETH-USDT', depth: 7 });
    expect(perpetual.body.asks).toHaveLength(7);
  });

  it('answers all five book queries, each from one snapshot', async () => {
    const base = { connector_name: 'binance', trading_pair: 'ETH-USDT' };
    const buy = await post<Record<string, number | null>>('/market-data/order-book/price-for-volume', { ...base, is_buy: true, volume: 0.5 });
    expect(buy.status).toBe(200);
    expect(buy.body).toMatchObject({ trading_pair: 'ETH-USDT', is_buy: true, query_volume: 0.5, result_volume: 0.5 });
    expect(buy.body.average_price! * 0.5).toBeCloseTo(buy.body.result_quote_volume!, 6);

    const before = await exchangeRequests();
    const vwap = await post<Record<string, number | null>>('/market-data/order-book/vwap-for-volume', { ...base, is_buy: false, volume: 1 });
    expect(await exchangeRequests()).toBe(before + 1);
    expect(vwap.body.result_price).toBe(vwap.body.average_price);

    const quote = await post<Record<string, number | null>>('/market-data/order-book/price-for-quote-volume', { ...base, is_buy: true, quote_volume: 1000 });
    expect(quote.status).toBe(200);
    expect(quote.body.result_quote_volume).toBe(1000);

    const ask = buy.body.result_price!;
    const volume = await post<Record<string, number | null>>('/market-data/order-book/volume-for-price', { ...base, is_buy: true, price: ask * 1.01 });
    expect(volume.status).toBe(200);
    expect(volume.body.result_volume).toBeGreaterThan(0);
    const quoteVolume = await post<Record<string, number | null>>('/market-data/order-book/quote-volume-for-price', { ...base, is_buy: false, price: ask * 0.99 });
    expect(quoteVolume.status).toBe(200);
    expect(quoteVolume.body.result_quote_volume).toBeGreaterThan(0);
  });

  it('prices many pairs with one tickers request', async () => {
    const before = await exchangeRequests();
    const { status, body } = await post<{ connector: string; prices: Record<string, number> }>('/market-data/prices', { connector_name: 'binance', trading_pairs: ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'BNB-USDT', 'ETH-BTC'] });
    expect(status).toBe(200);
    expect(await exchangeRequests()).toBe(before + 1);
    expect(body.connector).toBe('binance');
    expect(Object.keys(body.prices).sort()).toEqual(['BNB-USDT', 'BTC-USDT', 'ETH-BTC', 'ETH-USDT', 'SOL-USDT']);
    expect(body.prices['BTC-USDT']).toBeGreaterThan(10_000);
  });

  it("serves a perpetual's funding info, and refuses a spot connector", async () => {
    const { status, body } = await post<Record<string, number | string>>('/market-data/funding-info', { connector_name: 'binance_perpetual', trading_pair: 'BTC-USDT' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ trading_pair: 'BTC-USDT', funding_rate: expect.any(Number), mark_price: expect.any(Number), index_price: expect.any(Number) });
    expect(body.next_funding_time).toBeGreaterThan(Date.now() / 1000);
    const spot = await post('/market-data/funding-info', { connector_name: 'binance', trading_pair: 'BTC-USDT' });
    expect(spot.status).toBe(400);
  });

  it('tracks and untracks a pair as an order_book feed', async () => {
    const added = await post('/market-data/trading-pair/add', { connector_name: 'binance', trading_pair: 'BNB-USDT' });
    expect(added.body).toMatchObject({ success: true, connector_name: 'binance', trading_pair: 'BNB-USDT' });
    const feeds = await (await api('/market-data/active-feeds')).json<Record<string, { feed_type: string }>>();
    expect(feeds['order_book_binance_BNB-USDT']).toMatchObject({ feed_type: 'order_book' });
    expect((await post('/market-data/trading-pair/remove', { connector_name: 'binance', trading_pair: 'BNB-USDT' })).body).toMatchObject({ success: true });
    expect((await post('/market-data/trading-pair/remove', { connector_name: 'binance', trading_pair: 'BNB-USDT' })).body).toMatchObject({ success: false });
    const unknown = await post('/market-data/trading-pair/add', { connector_name: 'binance', trading_pair: 'XRP-USDT' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('XRP-USDT');
  });

  it('refuses depth out of range, a non-boolean is_buy, a volume that is not a positive number, an unknown pair (400)', async () => {
    for (const depth of [0, 1001, '5']) {
      const response = await post('/market-data/order-book', { connector_name: 'binance', trading_pair: 'BTC-USDT', depth });
      expect(response.status).toBe(400);
      expect(response.body.validation).toEqual([expect.objectContaining({ field: 'depth' })]);
    }
    const base = { connector_name: 'binance', trading_pair: 'BTC-USDT' };
    expect((await post('/market-data/order-book/price-for-volume', { ...base, is_buy: 'true', volume: 1 })).body.validation).toEqual([expect.objectContaining({ field: 'is_buy' })]);
    expect((await post('/market-data/order-book/price-for-volume', { ...base, is_buy: true, volume: -1 })).body.validation).toEqual([expect.objectContaining({ field: 'volume' })]);
    const pair = await post('/market-data/prices', { connector_name: 'binance', trading_pairs: ['BTC-USDT', 'PEPE-USDT'] });
    expect(pair.status).toBe(400);
    expect(pair.body.detail).toBe("Trading pair 'PEPE-USDT' is not listed on binance");
  });
});
