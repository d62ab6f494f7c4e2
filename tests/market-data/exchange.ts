import { env } from 'cloudflare:test';

/** REST requests the local exchange has received so far (its own counter, not the workers'). */
export async function exchangeRequests(): Promise<number> {
  const response = await fetch(`${env.TEST_EXCHANGE_URL}/__local/request-count`);
  return (await response.json<{ requests: number }>()).requests;
}

/** Binance klines read straight from the local exchange (counted there too: read before counting). */
export async function binanceKlines(path: '/api.binance.com/api/v3/klines' | '/fapi.binance.com/fapi/v1/klines', query: Record<string, string | number>): Promise<(string | number)[][]> {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
  const response = await fetch(`${env.TEST_EXCHANGE_URL}${path}?${search}`);
  return response.json();
}

/** A kline as Hummingbot's candle row. */
export const asCandleRow = (kline: (string | number)[]) => ({
  timestamp: Number(kline[0]) / 1000,
  open: Number(kline[1]),
  high: Number(kline[2]),
  low: Number(kline[3]),
  close: Number(kline[4]),
  volume: Number(kline[5]),
  quote_asset_volume: Number(kline[7]),
  n_trades: Number(kline[8]),
  taker_buy_base_volume: Number(kline[9]),
  taker_buy_quote_volume: Number(kline[10]),
});
