import { formatUnits } from 'viem';
import type { EvmToken } from '../chains/types';
import type { Side } from '../../schemas/amm';

// The swap-quote rules every connector shares (Gateway reference §0), in base units.

const PPM = 1_000_000n;

/** Any chain's token, as far as quote maths needs it. */
type QuotedToken = Pick<EvmToken, 'decimals'> & { address: string };

/** Which token goes in and which comes out: SELL spends base (exact in), BUY receives base (exact out). */
export function swapDirection<T extends QuotedToken>(side: Side, base: T, quote: T): { tokenIn: T; tokenOut: T; exactIn: boolean } {
  return side === 'SELL' ? { tokenIn: base, tokenOut: quote, exactIn: true } : { tokenIn: quote, tokenOut: base, exactIn: false };
}

/** A percentage in parts per million (1% = 10,000), so a 0.05% tolerance is still exact. */
function toPpm(pct: number): bigint {
  return BigInt(Math.round(pct * 10_000));
}

/**
 * The limits a swap is sent with. SELL: `minAmountOut = amountOut * (1 - slippage)`, `maxAmountIn = amountIn`.
 * BUY: `maxAmountIn = amountIn * (1 + slippage)`, `minAmountOut = amountOut`. Rounded down, as the Uniswap SDK does.
 */
export function swapLimits(side: Side, amountIn: bigint, amountOut: bigint, slippagePct: number): { minAmountOut: bigint; maxAmountIn: bigint } {
  return side === 'SELL'
    ? { minAmountOut: withSlippageDown(amountOut, slippagePct), maxAmountIn: amountIn }
    : { minAmountOut: amountOut, maxAmountIn: (amountIn * (PPM + toPpm(slippagePct))) / PPM };
}

/** `amount * (1 - slippage)`: the least a liquidity operation accepts. */
export function withSlippageDown(amount: bigint, slippagePct: number): bigint {
  return (amount * (PPM - toPpm(slippagePct))) / PPM;
}

/** `pct` percent of `amount`, rounded down. */
export function percentOf(amount: bigint, pct: number): bigint {
  return (amount * toPpm(pct)) / PPM;
}

/**
 * How much worse than the pool's spot price a trade fills, in percent (fees included, as the Uniswap
 * SDK's `computePriceImpact`). `spot` is tokenOut per tokenIn in base units before the trade.
 */
export function priceImpactPct(amountIn: bigint, amountOut: bigint, spot: { numerator: bigint; denominator: bigint }): number {
  const expected = amountIn * spot.numerator;
  if (expected === 0n) return 0;
  const shortfall = expected - amountOut * spot.denominator;
  return Number((shortfall * 100n * PPM) / expected) / Number(PPM);
}

/** Quote per base in human units: SELL `amountOut / amountIn`, BUY `amountIn / amountOut`. */
export function swapPrice(side: Side, amountIn: number, amountOut: number): number {
  return side === 'SELL' ? amountOut / amountIn : amountIn / amountOut;
}

export interface SwapQuote<Token extends QuotedToken = EvmToken> {
  side: Side;
  tokenIn: Token;
  tokenOut: Token;
  /** Base units. */
  amountIn: bigint;
  amountOut: bigint;
  minAmountOut: bigint;
  maxAmountIn: bigint;
  slippagePct: number;
  priceImpactPct: number;
}

/** The quote a client reads: human units, price as quote per base. */
export function humanQuote(quote: SwapQuote<QuotedToken>) {
  const human = (amount: bigint, token: QuotedToken) => Number(formatUnits(amount, token.decimals));
  const amountIn = human(quote.amountIn, quote.tokenIn);
  const amountOut = human(quote.amountOut, quote.tokenOut);
  return {
    tokenIn: quote.tokenIn.address,
    tokenOut: quote.tokenOut.address,
    amountIn,
    amountOut,
    price: swapPrice(quote.side, amountIn, amountOut),
    slippagePct: quote.slippagePct,
    minAmountOut: human(quote.minAmountOut, quote.tokenOut),
    maxAmountIn: human(quote.maxAmountIn, quote.tokenIn),
    priceImpactPct: quote.priceImpactPct,
  };
}
