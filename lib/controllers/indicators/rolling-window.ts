/**
 * The last `length` values of a series, with their mean and population standard deviation in O(1)
 * per value, and the newest value replaceable (a forming candle's close changes until it closes).
 *
 * Sums are kept over deviations from an anchor (the first value) so prices of 60,000 with a σ of 50
 * lose no precision to cancellation, and they are recomputed exactly once per `length` values pushed,
 * so rounding never accumulates over a year of candles.
 */
export class RollingWindow {
  private readonly values: Float64Array;
  /** Where the newest value is (ring index); -1 before the first. */
  private newest = -1;
  private count = 0;
  private anchor = 0;
  private sum = 0;
  private sumOfSquares = 0;
  private pushesSinceExact = 0;

  constructor(readonly length: number) {
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`length must be a whole number ≥ 1, got ${length}`);
    this.values = new Float64Array(length);
  }

  /** True once `length` values are in. */
  get full(): boolean {
    return this.count === this.length;
  }

  push(value: number): void {
    if (this.count === 0) this.anchor = value;
    this.newest = (this.newest + 1) % this.length;
    if (this.count === this.length) this.remove(this.values[this.newest]);
    else this.count++;
    this.values[this.newest] = value;
    this.add(value);
    if (++this.pushesSinceExact >= this.length) this.recompute();
  }

  replaceLast(value: number): void {
    if (this.count === 0) return this.push(value);
    this.remove(this.values[this.newest]);
    this.values[this.newest] = value;
    this.add(value);
  }

  /** The newest value. */
  lastValue(): number {
    return this.values[this.newest];
  }

  mean(): number {
    return this.anchor + this.sum / this.count;
  }

  /** Population σ (divides by `length`, as TA-Lib's and so Hummingbot's Bollinger Bands do). */
  populationStd(): number {
    const meanDeviation = this.sum / this.count;
    return Math.sqrt(Math.max(0, this.sumOfSquares / this.count - meanDeviation * meanDeviation));
  }

  private add(value: number): void {
    const deviation = value - this.anchor;
    this.sum += deviation;
    this.sumOfSquares += deviation * deviation;
  }

  private remove(value: number): void {
    const deviation = value - this.anchor;
    this.sum -= deviation;
    this.sumOfSquares -= deviation * deviation;
  }

  /** Exact sums around a fresh anchor (the current mean). */
  private recompute(): void {
    let total = 0;
    for (let i = 0; i < this.count; i++) total += this.values[i];
    this.anchor = total / this.count;
    this.sum = 0;
    this.sumOfSquares = 0;
    for (let i = 0; i < this.count; i++) this.add(this.values[i]);
    this.pushesSinceExact = 0;
  }
}
