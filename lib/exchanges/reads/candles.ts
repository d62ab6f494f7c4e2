import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { ExchangeConnector } from '../connectors';
import { marketSource } from '../create-exchange';
import type { ExchangeSessionEnv } from '../session-env';
import { candleRow, type Candle, type CandleRow } from './candle-row';
import { readCandles, storeCandles, type CandleSeries } from './candle-store';
import { fetchKlines, klinesPageLimit } from './fetch-klines';
import { candleCount, candleOpen, nextOpen, openBefore, requireInterval } from './intervals';
import { pairMarket } from './pair-market';

/** How long a fetched still-open candle is served before it is fetched again. */
export const OPEN_CANDLE_MAX_AGE_MS = 5000;

/** The still-open candles a session fetched, by `pair|interval`: refreshed, never stored as final. */
export type OpenCandles = Map<string, { candle: Candle; fetchedAt: number }>;

export type GetCandlesParameters = {
  /** Hummingbot pair, `BTC-USDT`. */
  tradingPair: string;
  /** Hummingbot interval, `1m`. */
  interval: string;
} & (
  | {
      /** The last `maxRecords` candles, the still-open one included. */
      maxRecords: number;
    }
  | {
      /** Candles opening in [startTime, endTime], Unix seconds. */
      startTime: number;
      endTime: number;
    }
);

export type GetCandlesReturnType = CandleRow[];

/** Which candle opens bound the request: [from, to], ms. */
function window(parameters: GetCandlesParameters, current: number): { from: number; to: number } {
  const { interval } = parameters;
  if ('maxRecords' in parameters) return { from: openBefore(interval, current, parameters.maxRecords - 1), to: current };
  const start = parameters.startTime * 1000;
  const startOpen = candleOpen(interval, start);
  return { from: startOpen === start ? start : nextOpen(interval, startOpen), to: candleOpen(interval, Math.min(parameters.endTime * 1000, current)) };
}

/**
 * Candles of a pair, oldest first. Closed candles come from Postgres; those missing are fetched from
 * the first one missing, in pages of the exchange's maximum, and stored. The still-open candle is
 * taken from those pages, or from `openCandles` if fetched less than OPEN_CANDLE_MAX_AGE_MS ago, else
 * fetched alone; it is never stored.
 */
export async function getCandles(
  env: ExchangeSessionEnv,
  exchange: Exchange,
  connector: ExchangeConnector,
  parameters: GetCandlesParameters,
  openCandles: OpenCandles,
  now = Date.now(),
): Promise<GetCandlesReturnType> {
  const market = pairMarket(exchange, connector, parameters.tradingPair);
  const { interval } = parameters;
  requireInterval(exchange, connector.name, interval);
  const current = candleOpen(interval, now);
  const { from, to } = window(parameters, current);
  if (to < from) return [];
  const series: CandleSeries = { connector: connector.name, source: marketSource(env, connector), tradingPair: parameters.tradingPair, interval };
  const closedTo = Math.min(to, openBefore(interval, current, 1));
  const byOpen = new Map<number, Candle>();
  if (closedTo >= from) for (const candle of await readCandles(env, series, from, closedTo)) byOpen.set(candle.openTime, candle);

  const fetched: Candle[] = [];
  const expected = closedTo >= from ? candleCount(interval, from, closedTo) : 0;
  if (byOpen.size < expected) {
    let cursor = from;
    while (byOpen.has(cursor)) cursor = nextOpen(interval, cursor);
    const pageLimit = klinesPageLimit(connector);
    while (cursor <= to) {
      const page = await fetchKlines(exchange, connector, market, interval, cursor, pageLimit);
      fetched.push(...page);
      if (page.length < pageLimit) break;
      cursor = nextOpen(interval, page[page.length - 1].openTime);
    }
    const closed = fetched.filter((candle) => nextOpen(interval, candle.openTime) <= now);
    await storeCandles(env, series, closed);
  }
  for (const candle of fetched) if (candle.openTime >= from && candle.openTime <= to) byOpen.set(candle.openTime, candle);

  if (to === current) {
    const key = `${parameters.tradingPair}|${interval}`;
    const fromPages = byOpen.get(current);
    const cached = openCandles.get(key);
    if (fromPages) openCandles.set(key, { candle: fromPages, fetchedAt: now });
    else if (cached && cached.candle.openTime === current && now - cached.fetchedAt < OPEN_CANDLE_MAX_AGE_MS) byOpen.set(current, cached.candle);
    else {
      const [open] = await fetchKlines(exchange, connector, market, interval, current, 1);
      if (open?.openTime === current) {
        byOpen.set(current, open);
        openCandles.set(key, { candle: open, fetchedAt: now });
      }
    }
  }
  return [...byOpen.values()].sort((a, b) => a.openTime - b.openTime).map(candleRow);
}
