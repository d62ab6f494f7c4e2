import { and, asc, between, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { candles } from '../../db/schema';
import type { RouterEnv } from '../../env';
import type { Candle } from './candle-row';

type StoreEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;

/** Which stored series: a connector's pair at an interval, from one source (see exchange_markets). */
export interface CandleSeries {
  connector: string;
  source: string;
  tradingPair: string;
  interval: string;
}

// Postgres takes at most 65,535 parameters per statement: 14 per candle.
const INSERT_CHUNK = 2000;

/** The rows of one series opening in [from, to] (ms). */
export function inSeries(series: CandleSeries, from: number, to: number) {
  return and(
    eq(candles.connector, series.connector),
    eq(candles.source, series.source),
    eq(candles.tradingPair, series.tradingPair),
    eq(candles.interval, series.interval),
    between(candles.openTime, from, to),
  );
}

/** The stored closed candles opening in [from, to] (ms), oldest first. */
export async function readCandles(env: StoreEnv, series: CandleSeries, from: number, to: number): Promise<Candle[]> {
  const rows = await getDb(env).select().from(candles).where(inSeries(series, from, to)).orderBy(asc(candles.openTime));
  return rows.map((row) => ({
    openTime: row.openTime,
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
    volume: row.volume,
    quoteAssetVolume: row.quoteAssetVolume,
    nTrades: row.nTrades,
    takerBuyBaseVolume: row.takerBuyBaseVolume,
    takerBuyQuoteVolume: row.takerBuyQuoteVolume,
  }));
}

/** Stores closed candles; one already held is kept (a closed candle never changes). */
export async function storeCandles(env: StoreEnv, series: CandleSeries, closed: Candle[]): Promise<void> {
  const db = getDb(env);
  for (let i = 0; i < closed.length; i += INSERT_CHUNK) {
    await db
      .insert(candles)
      .values(closed.slice(i, i + INSERT_CHUNK).map((candle) => ({ ...series, ...candle })))
      .onConflictDoNothing();
  }
}
