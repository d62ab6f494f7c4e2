import { Q96, sqrtRatioAtTick } from './tickMath';

// Liquidity and the token amounts it is worth (whitepaper §6.2.3: Δx = L·(1/√pa − 1/√pb),
// Δy = L·(√pb − √pa)), and the fees a position has earned (§6.3-6.4), with the rounding of the pool
// (SqrtPriceMath), the periphery (LiquidityAmounts) and the position manager, so that these are the
// amounts the contracts move.

const Q128 = 1n << 128n;

export interface TickRange {
  tickLower: number;
  tickUpper: number;
}

/** The pool state amounts depend on: its sqrt price and the tick it is in. */
export interface PriceState {
  sqrtPriceX96: bigint;
  tick: number;
}

const divUp = (numerator: bigint, denominator: bigint) => numerator / denominator + (numerator % denominator === 0n ? 0n : 1n);

/** Token0 that `liquidity` holds between two sqrt prices: L·Q96·(√b − √a) / √b / √a. */
function amount0Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const numerator = (liquidity << 96n) * (sqrtB - sqrtA);
  return roundUp ? divUp(divUp(numerator, sqrtB), sqrtA) : numerator / sqrtB / sqrtA;
}

/** Token1 that `liquidity` holds between two sqrt prices: L·(√b − √a) / Q96. */
function amount1Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const product = liquidity * (sqrtB - sqrtA);
  return roundUp ? divUp(product, Q96) : product / Q96;
}

/**
 * What `liquidity` in a range is worth at the pool's price, in token order: what minting it takes
 * (`roundUp`) or burning it returns. Like the pool, the range side is decided by the current tick.
 */
export function amountsForLiquidity(pool: PriceState, range: TickRange, liquidity: bigint, roundUp: boolean): [bigint, bigint] {
  const [sqrtA, sqrtB] = [sqrtRatioAtTick(range.tickLower), sqrtRatioAtTick(range.tickUpper)];
  if (pool.tick < range.tickLower) return [amount0Delta(sqrtA, sqrtB, liquidity, roundUp), 0n];
  if (pool.tick >= range.tickUpper) return [0n, amount1Delta(sqrtA, sqrtB, liquidity, roundUp)];
  return [amount0Delta(pool.sqrtPriceX96, sqrtB, liquidity, roundUp), amount1Delta(sqrtA, pool.sqrtPriceX96, liquidity, roundUp)];
}

/**
 * The most liquidity the amounts (token order) add to a range at the pool's sqrt price, as the
 * position manager computes it (LiquidityAmounts.getLiquidityForAmounts), and which token limits it.
 * An omitted amount does not limit; `undefined` when the range needs only omitted tokens.
 */
export function liquidityForAmounts(sqrtPriceX96: bigint, range: TickRange, amounts: [bigint | undefined, bigint | undefined]): { liquidity: bigint; limitedBy: 0 | 1 } | undefined {
  const [sqrtA, sqrtB] = [sqrtRatioAtTick(range.tickLower), sqrtRatioAtTick(range.tickUpper)];
  const [amount0, amount1] = amounts;
  const limits: { liquidity: bigint; limitedBy: 0 | 1 }[] = [];
  // Token0 is needed from the current price up to the range's top; token1 from its bottom up to the price.
  if (amount0 !== undefined && sqrtPriceX96 < sqrtB) {
    const from = sqrtPriceX96 > sqrtA ? sqrtPriceX96 : sqrtA;
    limits.push({ liquidity: (amount0 * ((from * sqrtB) / Q96)) / (sqrtB - from), limitedBy: 0 });
  }
  if (amount1 !== undefined && sqrtPriceX96 > sqrtA) {
    const to = sqrtPriceX96 < sqrtB ? sqrtPriceX96 : sqrtB;
    limits.push({ liquidity: (amount1 * Q96) / (to - sqrtA), limitedBy: 1 });
  }
  return limits.sort((a, b) => (a.liquidity < b.liquidity ? -1 : a.liquidity > b.liquidity ? 1 : 0))[0];
}

/** Fee growth per unit of liquidity inside a range since the pool began (Tick.getFeeGrowthInside), Q128 modulo 2^256. */
export function feeGrowthInside(tick: number, range: TickRange, global: bigint, outsideLower: bigint, outsideUpper: bigint): bigint {
  const below = tick >= range.tickLower ? outsideLower : global - outsideLower;
  const above = tick < range.tickUpper ? outsideUpper : global - outsideUpper;
  return BigInt.asUintN(256, global - below - above);
}

/** A position's fees: what it is owed plus its liquidity times the fee growth since it was last updated (the position manager's accounting). */
export function feesOwed(owed: bigint, liquidity: bigint, growthInside: bigint, growthInsideLast: bigint): bigint {
  return owed + (BigInt.asUintN(256, growthInside - growthInsideLast) * liquidity) / Q128;
}
