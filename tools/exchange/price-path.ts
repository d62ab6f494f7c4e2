// The simulated market's price: a deterministic function of (seed, symbol, time), so any moment,
// past or present, has one price on every run with the same seed. It sums seeded value noise at
// scales from seconds to a month with amplitudes growing like a random walk's (σ·√t), which gives
// klines for any interval and any time back without storing history.
import { fromFloat, formatDecimal, toFloat } from './decimal';
import { KLINE_INTERVALS, type SymbolRules } from './markets';

const SCALES_MS = [10_000, 60_000, 900_000, 14_400_000, 86_400_000, 604_800_000];
const DAY_MS = 86_400_000;

/** Daily volatility per base asset (a fraction of the price). */
const DAILY_VOLATILITY: Record<string, number> = { BTC: 0.025, ETH: 0.03, SOL: 0.045, BNB: 0.025 };
/** Typical traded base volume per minute, to make klines' volumes look like something. */
const VOLUME_PER_MINUTE: Record<string, number> = { BTC: 12, ETH: 180, SOL: 2500, BNB: 300 };

function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    let x = part | 0;
    for (let i = 0; i < 4; i++) {
      h ^= x & 0xff;
      h = Math.imul(h, 0x01000193);
      x >>>= 8;
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function stringHash(text: string): number {
  let h = 0;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 0x9e3779b1) >>> 0;
  return h;
}

/** A number in [0, 1) drawn from the seed and the parts. */
export function uniform(seed: number, ...parts: number[]): number {
  return hash32(seed, ...parts) / 2 ** 32;
}

export class PricePath {
  /** Factors a test moved assets' prices by (`POST /__local/price`), applied on top of the seeded path. */
  private readonly shifts = new Map<string, number>();

  constructor(private readonly seed: number) {}

  /** Back to the seeded path. */
  resetPrice(asset: string): void {
    this.shifts.delete(asset);
  }

  /** Moves `asset`'s USDT price (spot and perpetual alike) so that it is `price` at `t`, from now on. */
  movePrice(asset: string, anchor: number, t: number, price: number): void {
    this.shifts.delete(asset);
    this.shifts.set(asset, price / this.usdPrice(asset, anchor, t));
  }

  /** The base asset's USDT price at time `t` (ms), as a float. */
  usdPrice(asset: string, anchor: number, t: number): number {
    const key = stringHash(asset);
    const sigma = DAILY_VOLATILITY[asset] ?? 0.03;
    let logReturn = (uniform(this.seed, key, 999) - 0.5) * 0.04; // the seed moves the whole level a little
    SCALES_MS.forEach((scale, s) => {
      const i = Math.floor(t / scale);
      const f = t / scale - i;
      const smooth = f * f * (3 - 2 * f);
      const a = uniform(this.seed, key, s, i) * 2 - 1;
      const b = uniform(this.seed, key, s, i + 1) * 2 - 1;
      logReturn += sigma * Math.sqrt(scale / DAY_MS) * 1.7 * (a + (b - a) * smooth);
    });
    return anchor * Math.exp(logReturn) * (this.shifts.get(asset) ?? 1);
  }

  /** The symbol's mid price at `t`, as a float; a cross (ETHBTC) is the ratio of its legs. */
  price(rules: SymbolRules, t: number): number {
    if (rules.quoteAsset === 'USDT') return this.usdPrice(rules.baseAsset, Number(rules.anchorPrice), t);
    const anchors: Record<string, number> = { BTC: 95000, ETH: 3400, SOL: 180, BNB: 650 };
    return this.usdPrice(rules.baseAsset, anchors[rules.baseAsset], t) / this.usdPrice(rules.quoteAsset, anchors[rules.quoteAsset], t);
  }

  /** A perpetual's mark price: the spot price plus a small premium that drifts over hours. */
  markPrice(rules: SymbolRules, t: number): number {
    const premium = (uniform(this.seed, stringHash(rules.symbol), 77, Math.floor(t / 3_600_000)) - 0.4) * 0.003;
    return this.price(rules, t) * (1 + premium);
  }

  /** Mid price rounded to the symbol's tick, exact. */
  tickPrice(rules: SymbolRules, t: number, perpetual = false): bigint {
    return fromFloat(perpetual ? this.markPrice(rules, t) : this.price(rules, t), rules.tickSize);
  }

  /**
   * One Binance kline row for the candle opening at `openTime` (only the part before `now` when it
   * is the current candle).
   */
  kline(rules: SymbolRules, interval: string, openTime: number, now: number, perpetual = false): (string | number)[] {
    const closeTime = nextOpenTime(interval, openTime) - 1;
    const end = Math.min(closeTime + 1, now);
    const at = (t: number) => (perpetual ? this.markPrice(rules, t) : this.price(rules, t));
    const open = at(openTime);
    const close = at(end);
    let high = Math.max(open, close);
    let low = Math.min(open, close);
    const samples = 12;
    for (let k = 1; k < samples; k++) {
      const p = at(openTime + ((end - openTime) * k) / samples);
      high = Math.max(high, p);
      low = Math.min(low, p);
    }
    const key = stringHash(rules.symbol) + (perpetual ? 1 : 0);
    const wick = uniform(this.seed, key, 5, Math.floor(openTime / 1000)) * 0.0004;
    high *= 1 + wick;
    low *= 1 - wick / 2;
    const minutes = Math.max((end - openTime) / 60_000, 1 / 60);
    const base = rules.quoteAsset === 'USDT' ? rules.baseAsset : rules.baseAsset;
    const volume = (VOLUME_PER_MINUTE[base] ?? 100) * minutes * (0.4 + uniform(this.seed, key, 6, Math.floor(openTime / 1000)));
    const takerShare = 0.4 + 0.2 * uniform(this.seed, key, 7, Math.floor(openTime / 1000));
    const mid = (open + close) / 2;
    const volumeStep = rules.stepSize;
    const text = (value: number, step = rules.tickSize) => formatDecimal(fromFloat(value, step));
    const trades = Math.max(1, Math.round(volume * 40 / Math.max(1, (VOLUME_PER_MINUTE[base] ?? 100) / 10)));
    return [
      openTime,
      text(open),
      text(high),
      text(low),
      text(close),
      text(volume, volumeStep),
      closeTime,
      formatDecimal(fromFloat(toFloat(fromFloat(volume, volumeStep)) * mid, 10n ** 10n)),
      trades,
      text(volume * takerShare, volumeStep),
      formatDecimal(fromFloat(toFloat(fromFloat(volume * takerShare, volumeStep)) * mid, 10n ** 10n)),
      '0',
    ];
  }
}

/** Open time of the candle containing `t` (UTC; weeks open on Monday, months on the 1st). */
export function candleOpenTime(interval: string, t: number): number {
  if (interval === '1M') {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  const length = KLINE_INTERVALS[interval];
  const offset = interval === '1w' ? 4 * DAY_MS : 0; // 1970-01-01 was a Thursday
  return Math.floor((t - offset) / length) * length + offset;
}

export function nextOpenTime(interval: string, openTime: number): number {
  if (interval === '1M') {
    const d = new Date(openTime);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return openTime + KLINE_INTERVALS[interval];
}

export function previousOpenTime(interval: string, openTime: number): number {
  if (interval === '1M') {
    const d = new Date(openTime);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  }
  return openTime - KLINE_INTERVALS[interval];
}

/**
 * Klines as Binance selects them: with startTime the oldest from there, else the newest up to
 * endTime (or now); never candles that have not opened yet.
 */
export function selectKlines(path: PricePath, rules: SymbolRules, interval: string, now: number, options: { startTime?: number; endTime?: number; limit: number; perpetual?: boolean }): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const last = candleOpenTime(interval, Math.min(options.endTime ?? now, now));
  if (options.startTime !== undefined) {
    let open = candleOpenTime(interval, options.startTime);
    if (open < options.startTime) open = nextOpenTime(interval, open);
    for (; open <= last && rows.length < options.limit; open = nextOpenTime(interval, open)) rows.push(path.kline(rules, interval, open, now, options.perpetual));
    return rows;
  }
  for (let open = last; rows.length < options.limit; open = previousOpenTime(interval, open)) rows.unshift(path.kline(rules, interval, open, now, options.perpetual));
  return rows;
}
