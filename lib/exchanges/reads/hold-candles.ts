import { and, asc, between, eq } from 'drizzle-orm';
import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import { getDb } from '../../db/client';
import { candles } from '../../db/schema';
import type { ExchangeConnector } from '../connectors';
import { marketSource } from '../create-exchange';
import type { ExchangeSessionEnv } from '../session-env';
import { storeCandles, type CandleSeries } from './candle-store';
import { fetchKlines, klinesPageLimit } from './fetch-klines';
import { candleCount, candleOpen, nextOpen, openBefore, requireInterval } from './intervals';
import { pairMarket } from './pair-market';

export interface HoldCandlesParameters {
  /** Hummingbot pair, `BTC-USDT`. */
  tradingPair: string;
  /** Hummingbot interval, `1m`. */
  interval: string;
  /** Candle opens in [from, to], Unix ms; only closed candles are held. */
  from: number;
  to: number;
}

export interface HoldCandlesReturnType {
  series: CandleSeries;
  /** Closed candles expected in the range. */
  expected: number;
  /** Held before this call. */
  held: number;
  /** Exchange requests made (pages of the exchange's maximum). */
  requests: number;
  stored: number;
}

/**
 * Makes sure the closed candles opening in [from, to] are in Postgres: a range already held costs one
 * count and no exchange request; otherwise each missing run is fetched from its first candle, in pages
 * of the exchange's maximum, each page stored as it arrives (a cut-off fetch resumes where it stopped).
 */
export async function holdCandles(env: ExchangeSessionEnv, exchange: Exchange, connector: ExchangeConnector, parameters: HoldCandlesParameters, now = Date.now()): Promise<HoldCandlesReturnType> {
  const market = pairMarket(exchange, connector, parameters.tradingPair);
  const { interval } = parameters;
  requireInterval(exchange, connector.name, interval);
  const series: CandleSeries = { connector: connector.name, source: marketSource(env, connector), tradingPair: parameters.tradingPair, interval };
  const first = candleOpen(interval, parameters.from) === parameters.from ? parameters.from : nextOpen(interval, candleOpen(interval, parameters.from));
  const last = Math.min(candleOpen(interval, parameters.to), openBefore(interval, candleOpen(interval, now), 1));
  const expected = candleCount(interval, first, last);
  const report = { series, expected, held: 0, requests: 0, stored: 0 };
  if (expected === 0) return report;
  const db = getDb(env);
  const inRange = and(
    eq(candles.connector, series.connector),
    eq(candles.source, series.source),
    eq(candles.tradingPair, series.tradingPair),
    eq(candles.interval, series.interval),
    between(candles.openTime, first, last),
  );
  report.held = await db.$count(candles, inRange);
  if (report.held >= expected) return report;

  const heldOpens = new Set((await db.select({ openTime: candles.openTime }).from(candles).where(inRange).orderBy(asc(candles.openTime))).map((row) => row.openTime));
  const pageLimit = klinesPageLimit(connector);
  let cursor = first;
  while (cursor <= last) {
    if (heldOpens.has(cursor)) {
      cursor = nextOpen(interval, cursor);
      continue;
    }
    // A missing run: pages from its first candle until a held one or the end.
    const page = await fetchKlines(exchange, connector, market, interval, cursor, pageLimit);
    report.requests++;
    const closed = page.filter((candle) => candle.openTime >= cursor && candle.openTime <= last);
    await storeCandles(env, series, closed);
    report.stored += closed.length;
    const newest = closed.at(-1)?.openTime;
    // Nothing at or after the cursor (before the pair listed, or the exchange's history ends): skip to what it has.
    if (newest === undefined) {
      const next = page.find((candle) => candle.openTime > cursor)?.openTime;
      if (next === undefined || page.length < pageLimit) break;
      cursor = next;
      continue;
    }
    cursor = nextOpen(interval, newest);
    if (page.length < pageLimit) break;
  }
  return report;
}
