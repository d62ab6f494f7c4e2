import { describe, expect, it } from 'vitest';
import { api } from '../support/http';
import { asCandleRow, binanceKlines, exchangeRequests } from './exchange';

type CandleRow = ReturnType<typeof asCandleRow>;
const MINUTE = 60_000;

async function candles(body: Record<string, unknown>, path = '/market-data/candles') {
  const response = await api(path, { body });
  return { status: response.status, body: await response.json<CandleRow[] & { detail?: string; validation?: { field: string }[] }>() };
}

describe('/market-data/candles', () => {
  it("serves the last max_records candles equal to the exchange's klines; the same request again costs no exchange request", async () => {
    const request = { connector_name: 'binance', trading_pair: 'ETH-USDT', interval: '1m', max_records: 120 };
    const first = await candles(request);
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(120);
    const now = Date.now();
    expect(first.body.at(-1)!.timestamp).toBe(Math.floor(now / MINUTE) * 60);

    const before = await exchangeRequests();
    const second = await candles(request);
    expect(await exchangeRequests()).toBe(before);
    expect(second.body).toEqual(first.body);

    const klines = await binanceKlines('/api.binance.com/api/v3/klines', { symbol: 'ETHUSDT', interval: '1m', startTime: first.body[0].timestamp * 1000, limit: 119 });
    // Closed candles are final: equal to the exchange's, field by field.
    expect(first.body.slice(0, 119)).toEqual(klines.map(asCandleRow));
  });

  it('fetches a missing range in pages of the exchange maximum (1000) and stores it; a held range costs nothing', async () => {
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * 24 * 60 * MINUTE;
    const start = end - 2499 * MINUTE;
    const request = { connector_name: 'binance', trading_pair: 'SOL-USDT', interval: '1m', start_time: start / 1000, end_time: end / 1000 };
    const before = await exchangeRequests();
    const first = await candles(request, '/market-data/historical-candles');
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(2500);
    expect(await exchangeRequests()).toBe(before + 3);
    expect(first.body[0].timestamp).toBe(start / 1000);
    expect(first.body.at(-1)!.timestamp).toBe(end / 1000);

    const again = await exchangeRequests();
    const inside = await candles({ ...request, start_time: start / 1000 + 600, end_time: end / 1000 - 600 }, '/market-data/historical-candles');
    expect(inside.body).toHaveLength(2480);
    expect(await exchangeRequests()).toBe(again);

    const klines = await binanceKlines('/api.binance.com/api/v3/klines', { symbol: 'SOLUSDT', interval: '1m', startTime: start, limit: 1000 });
    expect(first.body.slice(0, 1000)).toEqual(klines.map(asCandleRow));
  });

  it('serves perpetual candles from the USD-M klines, an hourly range crossing the open candle', async () => {
    const response = await candles({ connector_name: 'binance_perpetual', trading_pair: 'BTC-USDT', interval: '1h', max_records: 48 });
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(48);
    const klines = await binanceKlines('/fapi.binance.com/fapi/v1/klines', { symbol: 'BTCUSDT', interval: '1h', startTime: response.body[0].timestamp * 1000, limit: 47 });
    expect(response.body.slice(0, 47)).toEqual(klines.map(asCandleRow));
  });

  it('lists the candle feed among the active feeds', async () => {
    await candles({ connector_name: 'binance', trading_pair: 'BTC-USDT', interval: '5m', max_records: 10 });
    const feeds = await (await api('/market-data/active-feeds')).json<Record<string, { feed_type: string; seconds_since_access: number; will_expire_in: number }>>();
    expect(feeds['candles_binance_BTC-USDT_5m']).toMatchObject({ feed_type: 'candles' });
    expect(feeds['candles_binance_BTC-USDT_5m'].will_expire_in).toBeGreaterThan(590);
    expect(await (await api('/market-data/settings')).json()).toMatchObject({ cleanup_interval: 300, feed_timeout: 600 });
    expect(await (await api('/market-data/available-candle-connectors')).json()).toEqual(expect.arrayContaining(['binance', 'binance_perpetual']));
  });

  describe('bad input', () => {
    it('names an unknown connector or pair (400)', async () => {
      const connector = await candles({ connector_name: 'nasdaq', trading_pair: 'BTC-USDT' });
      expect(connector.status).toBe(400);
      expect(connector.body.detail).toMatch(/^Connector 'nasdaq' is not supported\. Available connectors: binance, binance_perpetual/);
      const pair = await candles({ connector_name: 'binance', trading_pair: 'DOGE-USDT' });
      expect(pair.status).toBe(400);
      expect(pair.body.detail).toBe("Trading pair 'DOGE-USDT' is not listed on binance");
    });

    it('refuses an interval the exchange does not serve, listing those it does (400)', async () => {
      const perpetualSecond = await candles({ connector_name: 'binance_perpetual', trading_pair: 'BTC-USDT', interval: '1s' });
      expect(perpetualSecond.status).toBe(400);
      expect(perpetualSecond.body.detail).toBe("Interval '1s' is not supported by binance_perpetual. Supported intervals: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w, 1M");
      const unknown = await candles({ connector_name: 'binance', trading_pair: 'BTC-USDT', interval: '2m' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.detail).toMatch(/Supported intervals: 1s, 1m, 3m/);
    });

    it('refuses max_records out of range, a non-integer, and an end before the start (400)', async () => {
      for (const max_records of [0, 5001, 1.5, '10']) {
        const response = await candles({ connector_name: 'binance', trading_pair: 'BTC-USDT', max_records });
        expect(response.status).toBe(400);
        expect(response.body.validation).toEqual([expect.objectContaining({ field: 'max_records' })]);
      }
      const backwards = await candles({ connector_name: 'binance', trading_pair: 'BTC-USDT', interval: '1m', start_time: 1_764_550_800, end_time: 1_764_547_200 }, '/market-data/historical-candles');
      expect(backwards.status).toBe(400);
      expect(backwards.body.validation).toEqual([{ field: 'end_time', reason: 'must not be before start_time' }]);
    });
  });
});
