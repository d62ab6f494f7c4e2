import { asc, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { candles } from '../db/schema';
import type { RouterEnv } from '../env';
import { inSeries, type CandleSeries } from '../exchanges/reads/candle-store';
import { INTERVAL_MS } from '../exchanges/reads/intervals';
import type { BarColumns } from './engine';

type StoreEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;

/** Candles a query reads at most: one answer stays a few MB. */
const ROWS_A_QUERY = 100_000;

/** The held candles opening in [from, to] (ms) as float columns: the engine's input, read in slices of ROWS_A_QUERY. */
export async function readBarColumns(env: StoreEnv, series: CandleSeries, from: number, to: number, onSlice?: (read: number) => void): Promise<BarColumns> {
  const db = getDb(env);
  const slices: Array<Array<{ openTime: number; open: number; high: number; low: number; close: number; volume: number }>> = [];
  const span = ROWS_A_QUERY * INTERVAL_MS[series.interval];
  let read = 0;
  for (let start = from; start <= to; start += span) {
    const rows = await db
      .select({
        openTime: candles.openTime,
        open: sql`${candles.open}::float8`.mapWith(Number),
        high: sql`${candles.high}::float8`.mapWith(Number),
        low: sql`${candles.low}::float8`.mapWith(Number),
        close: sql`${candles.close}::float8`.mapWith(Number),
        volume: sql`${candles.volume}::float8`.mapWith(Number),
      })
      .from(candles)
      .where(inSeries(series, start, Math.min(to, start + span - 1)))
      .orderBy(asc(candles.openTime));
    slices.push(rows);
    read += rows.length;
    onSlice?.(read);
  }
  const columns: BarColumns = {
    openTime: new Float64Array(read),
    open: new Float64Array(read),
    high: new Float64Array(read),
    low: new Float64Array(read),
    close: new Float64Array(read),
    volume: new Float64Array(read),
  };
  let i = 0;
  for (const rows of slices) {
    for (const row of rows) {
      columns.openTime[i] = row.openTime;
      columns.open[i] = row.open;
      columns.high[i] = row.high;
      columns.low[i] = row.low;
      columns.close[i] = row.close;
      columns.volume[i] = row.volume;
      i++;
    }
  }
  return columns;
}
