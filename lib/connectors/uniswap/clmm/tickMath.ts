// Ticks and square-root prices (Uniswap V3 whitepaper §6.1: a tick i is the price 1.0001^i, pools
// keep sqrt(price) as a Q64.96 fixed-point number), in bigint with the contract's rounding: a tick's
// sqrt price here is bit for bit what the pool uses.

export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
export const Q96 = 1n << 96n;

/**
 * `round(2^128 / sqrt(1.0001)^(2^i))` for i = 0..19: sqrt(1.0001^-|tick|) is the product of the factors
 * of |tick|'s set bits. Derived here at 384 bits of precision (the rounded values are the contract's).
 */
const BIT_FACTORS: bigint[] = (() => {
  const precision = 384n;
  let factor = integerSqrt((10_000n << (2n * precision)) / 10_001n);
  const factors: bigint[] = [];
  for (let bit = 0; bit < 20; bit++) {
    factors.push((factor + (1n << (precision - 129n))) >> (precision - 128n));
    factor = (factor * factor) >> precision;
  }
  return factors;
})();

/** sqrt(1.0001^tick) as Q64.96, rounded up like TickMath.getSqrtRatioAtTick. */
export function sqrtRatioAtTick(tick: number): bigint {
  if (!Number.isInteger(tick) || tick < MIN_TICK || tick > MAX_TICK) throw new RangeError(`tick ${tick} is outside [${MIN_TICK}, ${MAX_TICK}]`);
  const absTick = Math.abs(tick);
  // Q128.128 of sqrt(1.0001^-|tick|), one factor per set bit.
  let ratio = 1n << 128n;
  BIT_FACTORS.forEach((factor, bit) => {
    if (absTick & (1 << bit)) ratio = (ratio * factor) >> 128n;
  });
  if (tick > 0) ratio = ((1n << 256n) - 1n) / ratio;
  // Q128.128 to Q64.96, rounding up so that tickAtSqrtRatio(sqrtRatioAtTick(t)) is t.
  return (ratio >> 32n) + (ratio % (1n << 32n) === 0n ? 0n : 1n);
}

/** The greatest tick whose sqrt price is at most `sqrtPriceX96` (clamped to the tick range). */
export function tickAtSqrtRatio(sqrtPriceX96: bigint): number {
  // A float estimate of log_sqrt(1.0001)(sqrtPrice), then corrected with the exact ratios.
  const estimate = Math.floor((2 * Math.log(Number(sqrtPriceX96) / Number(Q96))) / Math.log(1.0001));
  let tick = Math.min(MAX_TICK, Math.max(MIN_TICK, Number.isFinite(estimate) ? estimate : MIN_TICK));
  while (tick < MAX_TICK && sqrtRatioAtTick(tick + 1) <= sqrtPriceX96) tick++;
  while (tick > MIN_TICK && sqrtRatioAtTick(tick) > sqrtPriceX96) tick--;
  return tick;
}

/** The multiple of `tickSpacing` nearest to `tick`, within the range a pool accepts. */
export function nearestUsableTick(tick: number, tickSpacing: number): number {
  const rounded = Math.round(tick / tickSpacing) * tickSpacing;
  return Math.min(Math.floor(MAX_TICK / tickSpacing) * tickSpacing, Math.max(Math.ceil(MIN_TICK / tickSpacing) * tickSpacing, rounded));
}

/** floor(sqrt(value)) by Newton's method. */
export function integerSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}
