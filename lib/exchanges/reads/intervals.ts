import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import { BadRequestError } from '../../errors';

const MINUTE = 60_000;

/** Hummingbot's candle intervals (CandlesBase) and their lengths; `1M` is a calendar month. */
export const INTERVAL_MS: Record<string, number> = {
  '1s': 1000,
  '1m': MINUTE,
  '3m': 3 * MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': 60 * MINUTE,
  '2h': 120 * MINUTE,
  '4h': 240 * MINUTE,
  '6h': 360 * MINUTE,
  '8h': 480 * MINUTE,
  '12h': 720 * MINUTE,
  '1d': 1440 * MINUTE,
  '3d': 3 * 1440 * MINUTE,
  '1w': 7 * 1440 * MINUTE,
  '1M': 31 * 1440 * MINUTE,
};

export class UnsupportedIntervalError extends BadRequestError {
  constructor(connector: string, interval: string, supported: string[]) {
    super(`Interval '${interval}' is not supported by ${connector}. Supported intervals: ${supported.join(', ')}`, 'INTERVAL_NOT_SUPPORTED');
  }
}

// CCXT lists one timeframe table per exchange class; these markets lack some of it (Binance's
// USD-M futures have no 1s klines: CCXT marks '1s' "spot only").
const NOT_SERVED: Record<string, string[]> = { binance_perpetual: ['1s'] };

/** The intervals Hummingbot knows and the connector serves (CCXT's `timeframes`). */
export function supportedIntervals(exchange: Exchange, connector: string): string[] {
  const timeframes = exchange.timeframes ?? {};
  const notServed = NOT_SERVED[connector] ?? [];
  return Object.keys(INTERVAL_MS).filter((interval) => interval in timeframes && !notServed.includes(interval));
}

export function requireInterval(exchange: Exchange, connector: string, interval: string): void {
  const supported = supportedIntervals(exchange, connector);
  if (!supported.includes(interval)) throw new UnsupportedIntervalError(connector, interval, supported);
}

/** Where the candle holding `time` (ms) opens. Weeks open on Monday as on Binance; months on the 1st. */
export function candleOpen(interval: string, time: number): number {
  if (interval === '1M') {
    const date = new Date(time);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
  const length = INTERVAL_MS[interval];
  // 1970-01-01 was a Thursday: weeks are counted from Monday 1969-12-29.
  const origin = interval === '1w' ? -3 * 1440 * MINUTE : 0;
  return Math.floor((time - origin) / length) * length + origin;
}

/** Where the candle after the one opening at `open` opens. */
export function nextOpen(interval: string, open: number): number {
  if (interval === '1M') {
    const date = new Date(open);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return open + INTERVAL_MS[interval];
}

/** How many candles open in [from, to] (both candle opens). */
export function candleCount(interval: string, from: number, to: number): number {
  if (to < from) return 0;
  if (interval === '1M') {
    const [a, b] = [new Date(from), new Date(to)];
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  return Math.floor((to - from) / INTERVAL_MS[interval]) + 1;
}

/** The open of the candle `count` candles before the one opening at `open`. */
export function openBefore(interval: string, open: number, count: number): number {
  if (interval === '1M') {
    const date = new Date(open);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - count, 1);
  }
  return open - count * INTERVAL_MS[interval];
}
