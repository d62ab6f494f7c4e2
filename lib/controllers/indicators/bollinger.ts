import type { RollingWindow } from './rolling-window';

/** pandas-ta's `bbands` columns for one row (BBL, BBM, BBU, BBB, BBP); NaN while the window fills. */
export interface BollingerRow {
  lower: number;
  middle: number;
  upper: number;
  /** (upper − lower) / middle · 100. */
  bandwidth: number;
  /** (close − lower) / (upper − lower): 0 on the lower band, 1 on the upper. */
  percent: number;
}

/** Bollinger Bands of the closes in `window` (its newest one last): middle = SMA, bands = middle ± `std` · population σ. */
export function bollingerRow(window: RollingWindow, std: number, out: BollingerRow): BollingerRow {
  if (!window.full) {
    out.lower = out.middle = out.upper = out.bandwidth = out.percent = Number.NaN;
    return out;
  }
  const middle = window.mean();
  const width = std * window.populationStd();
  out.middle = middle;
  out.lower = middle - width;
  out.upper = middle + width;
  out.bandwidth = ((out.upper - out.lower) / middle) * 100;
  out.percent = (window.lastValue() - out.lower) / (out.upper - out.lower);
  return out;
}
