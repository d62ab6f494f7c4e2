import { parseDecimal } from '../../../decimal';
import { BadRequestError } from '../../../errors';
import type { EvmToken } from '../../../chains/types';
import { integerSqrt, nearestUsableTick, Q96, sqrtRatioAtTick, tickAtSqrtRatio } from './tickMath';

// Pools price token1 per token0 in base units; clients read quote per base in human units. Both
// directions go through exact fractions: only the final answer becomes a float.

/** How a pool's tokens map to the client's pair. */
export interface Orientation {
  base: EvmToken;
  quote: EvmToken;
  /** The base is the pool's token0. */
  baseIs0: boolean;
}

const Q192 = Q96 * Q96;

/** Quote per base, in human units, at a pool sqrt price (Q64.96). */
export function humanPrice(sqrtPriceX96: bigint, { base, quote, baseIs0 }: Orientation): number {
  const squared = sqrtPriceX96 * sqrtPriceX96; // token1 per token0, times 2^192
  const [numerator, denominator] = baseIs0 ? [squared, Q192] : [Q192, squared];
  return toNumber(numerator * 10n ** BigInt(base.decimals), denominator * 10n ** BigInt(quote.decimals));
}

/** A tick's price, quote per base. */
export function tickPrice(tick: number, orientation: Orientation): number {
  return humanPrice(sqrtRatioAtTick(tick), orientation);
}

/**
 * The ticks of a price range (quote per base): each price's tick (the one at or below it, as the pool's
 * getTickAtSqrtRatio) rounded to the nearest multiple of the tick spacing. A 400 when the range is
 * empty or, once rounded, holds no tick.
 */
export function rangeTicks(lowerPrice: number, upperPrice: number, tickSpacing: number, orientation: Orientation): { tickLower: number; tickUpper: number } {
  if (!(lowerPrice < upperPrice)) throw new BadRequestError(`lowerPrice (${lowerPrice}) must be less than upperPrice (${upperPrice})`, 'INVALID_PRICE_RANGE');
  const [a, b] = [lowerPrice, upperPrice].map((price) => nearestUsableTick(tickAtSqrtRatio(sqrtPriceOf(price, orientation)), tickSpacing));
  // A base that is token1 prices inversely: its lower price is the pool's upper tick.
  const [tickLower, tickUpper] = a < b ? [a, b] : [b, a];
  if (tickLower === tickUpper) {
    throw new BadRequestError(`Price range ${lowerPrice}-${upperPrice} is narrower than the pool's tick spacing (${tickSpacing} ticks): widen it`, 'INVALID_PRICE_RANGE');
  }
  return { tickLower, tickUpper };
}

/** The pool sqrt price (Q64.96, rounded down) of a human price, quote per base. */
function sqrtPriceOf(price: number, { base, quote, baseIs0 }: Orientation): bigint {
  const { units: numerator, scale } = parseDecimal(price)!;
  const denominator = 10n ** BigInt(scale);
  // Quote per base in base units: price * 10^quoteDecimals / 10^baseDecimals.
  const quotePerBase = [numerator * 10n ** BigInt(quote.decimals), denominator * 10n ** BigInt(base.decimals)];
  const [token1, token0] = baseIs0 ? quotePerBase : [quotePerBase[1], quotePerBase[0]];
  return integerSqrt((token1 << 192n) / token0);
}

/** numerator / denominator as a float, to about 20 significant digits before the float rounds. */
function toNumber(numerator: bigint, denominator: bigint): number {
  const shift = 20 - (numerator.toString().length - denominator.toString().length);
  return shift > 0 ? Number((numerator * 10n ** BigInt(shift)) / denominator) / 10 ** shift : Number(numerator / denominator);
}
