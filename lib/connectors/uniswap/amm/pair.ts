import { isAddressEqual, type Address, type ContractFunctionParameters } from 'viem';
import { parseAmount } from '../../../amount';
import { throwTransportFailure } from '../../../chains/ethereum/client';
import { BadRequestError, NotFoundError } from '../../../errors';
import { poolTokensAbi } from '../../poolTokens';
import { priceImpactPct, swapDirection, swapLimits, type SwapQuote } from '../../quote';
import { uintValues, type UintRead } from '../../reads';
import type { EvmToken } from '../../../chains/types';
import type { AmmContext, AmmDeployment, PoolPair, SwapParameters } from '../../types';
import { pairAbi } from './abi';

// A V2 pair read in one multicall, and the constant-product maths of UniswapV2Library with the fee
// as a parameter (PancakeSwap's pairs differ only by it).

const BPS = 10_000n;

/** Reserves oriented to the pair's base and quote, and the extra reads' values in order. */
export interface PairState {
  reserveBase: bigint;
  reserveQuote: bigint;
  values: bigint[];
}

/**
 * The pair's reserves and tokens plus `reads` (wallet allowances, balances, the block timestamp...) in
 * ONE `eth_call`. A pool that is not a V2 pair is a 404; one holding other tokens than `base`/`quote` a 400.
 */
export async function readPair(context: AmmContext, pair: PoolPair, reads: UintRead[] = []): Promise<PairState> {
  const contracts: ContractFunctionParameters[] = [
    { address: pair.pool, abi: pairAbi, functionName: 'getReserves' },
    { address: pair.pool, abi: poolTokensAbi, functionName: 'token0' },
    { address: pair.pool, abi: poolTokensAbi, functionName: 'token1' },
    ...reads,
  ];
  const results = await context.client.multicall({ batchSize: 0, allowFailure: true, contracts });
  throwTransportFailure(results);
  const [reserves, token0, token1, ...extra] = results;
  if (reserves.status !== 'success' || token0.status !== 'success' || token1.status !== 'success') {
    throw new NotFoundError(`Pool ${pair.pool} not found on ${context.dex.spender} (ethereum-${context.network.name}): not a V2 pair`, 'POOL_NOT_FOUND');
  }
  const tokens = [token0.result, token1.result] as Address[];
  const holds = (token: EvmToken) => tokens.some((held) => isAddressEqual(held, token.address));
  if (!holds(pair.base) || !holds(pair.quote) || isAddressEqual(pair.base.address, pair.quote.address)) {
    throw new BadRequestError(`Pool ${pair.pool} holds ${tokens.join('/')}, not ${pair.base.symbol}/${pair.quote.symbol}`, 'POOL_TOKEN_MISMATCH');
  }
  const values = uintValues(extra);
  const [reserve0, reserve1] = reserves.result as readonly [bigint, bigint, number];
  const baseIs0 = isAddressEqual(pair.base.address, tokens[0]);
  return { reserveBase: baseIs0 ? reserve0 : reserve1, reserveQuote: baseIs0 ? reserve1 : reserve0, values };
}

function requireLiquidity(reserveIn: bigint, reserveOut: bigint, pool: Address): void {
  if (reserveIn === 0n || reserveOut === 0n) throw new BadRequestError(`Pool ${pool} has no liquidity`, 'INSUFFICIENT_LIQUIDITY');
}

/** UniswapV2Library.getAmountOut with the fee in basis points: what `amountIn` buys. */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint, feeBps: bigint): bigint {
  const inWithFee = amountIn * (BPS - feeBps);
  return (inWithFee * reserveOut) / (reserveIn * BPS + inWithFee);
}

/** UniswapV2Library.getAmountIn with the fee in basis points: what buying `amountOut` costs. */
export function getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint, feeBps: bigint): bigint {
  return (reserveIn * amountOut * BPS) / ((reserveOut - amountOut) * (BPS - feeBps)) + 1n;
}

/** A swap quote against the reserves, equal to Router02 `getAmountsOut` (SELL) / `getAmountsIn` (BUY). */
export function quoteFromReserves(dex: AmmDeployment, parameters: SwapParameters, state: PairState): SwapQuote {
  const { side, base, pool, slippagePct } = parameters;
  const { tokenIn, tokenOut, exactIn } = swapDirection(side, base, parameters.quote);
  const [reserveIn, reserveOut] = exactIn ? [state.reserveBase, state.reserveQuote] : [state.reserveQuote, state.reserveBase];
  requireLiquidity(reserveIn, reserveOut, pool);
  const amount = parseAmount(parameters.amount, base.decimals);
  if (!exactIn && amount >= reserveOut) {
    throw new BadRequestError(`Insufficient liquidity: pool ${pool} holds less than ${parameters.amount} ${base.symbol}`, 'INSUFFICIENT_LIQUIDITY');
  }
  const amountIn = exactIn ? amount : getAmountIn(amount, reserveIn, reserveOut, dex.feeBps);
  const amountOut = exactIn ? getAmountOut(amount, reserveIn, reserveOut, dex.feeBps) : amount;
  if (amountOut === 0n) throw new BadRequestError(`amount: ${parameters.amount} ${base.symbol} buys nothing (rounds to 0 ${tokenOut.symbol})`, 'INVALID_AMOUNT');
  return {
    side,
    tokenIn,
    tokenOut,
    amountIn,
    amountOut,
    slippagePct,
    ...swapLimits(side, amountIn, amountOut, slippagePct),
    priceImpactPct: priceImpactPct(amountIn, amountOut, { numerator: reserveOut, denominator: reserveIn }),
  };
}

/**
 * Router02's `_addLiquidity` choice: the desired amounts at the pool's ratio, limited by whichever side
 * runs out first. With one amount, the other follows the ratio.
 */
export function liquidityAmounts(state: PairState, pool: Address, base?: bigint, quote?: bigint): { baseLimited: boolean; base: bigint; quote: bigint } {
  const { reserveBase, reserveQuote } = state;
  if (base === undefined && quote === undefined) throw new BadRequestError('baseTokenAmount or quoteTokenAmount: at least one is required', 'INVALID_AMOUNT');
  if (reserveBase === 0n || reserveQuote === 0n) {
    if (base === undefined || quote === undefined) throw new BadRequestError(`Pool ${pool} is empty: both amounts set its first price`, 'INVALID_AMOUNT');
    return { baseLimited: false, base, quote };
  }
  if (base !== undefined) {
    const quoteOptimal = (base * reserveQuote) / reserveBase;
    if (quote === undefined || quoteOptimal <= quote) return { baseLimited: true, base, quote: quoteOptimal };
  }
  return { baseLimited: false, base: (quote! * reserveBase) / reserveQuote, quote: quote! };
}
