import type { ContractFunctionParameters } from 'viem';
import { parseAmount } from '../../../amount';
import { throwTransportFailure } from '../../../chains/ethereum/client';
import { BadRequestError } from '../../../errors';
import { priceImpactPct, swapDirection, swapLimits, type SwapQuote } from '../../quote';
import { uintValues, type UintRead } from '../../reads';
import type { ClmmContext, SwapParameters } from '../../types';
import { quoterV2Abi } from './abi';
import { orient, readPool } from './pool';
import { Q96 } from './tickMath';

/**
 * A swap quote on one pool from QuoterV2 (`quoteExactInputSingle` for SELL, `quoteExactOutputSingle`
 * for BUY): the pool's tokens, fee and price in one request, then the quoter beside `reads` in a
 * second. Price impact is measured against the pool's price before the trade.
 */
export async function quoteOnPool(context: ClmmContext, parameters: SwapParameters, reads: UintRead[] = []): Promise<{ swap: SwapQuote; fee: number; values: bigint[] }> {
  const { side, base, pool, slippagePct } = parameters;
  const state = await readPool(context, pool);
  const { baseIs0 } = orient(state, parameters);
  const { tokenIn, tokenOut, exactIn } = swapDirection(side, base, parameters.quote);
  const amount = parseAmount(parameters.amount, base.decimals);
  const route = { tokenIn: tokenIn.address, tokenOut: tokenOut.address, fee: state.fee, sqrtPriceLimitX96: 0n };
  const quoter: ContractFunctionParameters = exactIn
    ? { address: context.dex.quoterV2, abi: quoterV2Abi, functionName: 'quoteExactInputSingle', args: [{ ...route, amountIn: amount }] }
    : { address: context.dex.quoterV2, abi: quoterV2Abi, functionName: 'quoteExactOutputSingle', args: [{ ...route, amount }] };
  const [quoted, ...extra] = await context.client.multicall({ batchSize: 0, allowFailure: true, contracts: [quoter, ...reads] });
  throwTransportFailure([quoted, ...extra]);
  // The quoter reverts when the pool cannot fill an exact output.
  if (quoted.status !== 'success') throw new BadRequestError(`Insufficient liquidity: pool ${pool} cannot fill ${parameters.amount} ${base.symbol}`, 'INSUFFICIENT_LIQUIDITY');
  const [quotedAmount] = quoted.result as readonly [bigint, bigint, number, bigint];
  const [amountIn, amountOut] = exactIn ? [amount, quotedAmount] : [quotedAmount, amount];
  if (amountOut === 0n) throw new BadRequestError(`amount: ${parameters.amount} ${base.symbol} buys nothing (rounds to 0 ${tokenOut.symbol})`, 'INVALID_AMOUNT');
  // tokenOut per tokenIn before the trade: the pool prices token1 per token0 as sqrtPrice² / 2^192.
  const [price, unit] = [state.sqrtPriceX96 * state.sqrtPriceX96, Q96 * Q96];
  const zeroForOne = (tokenIn === base) === baseIs0;
  const spot = zeroForOne ? { numerator: price, denominator: unit } : { numerator: unit, denominator: price };
  return {
    swap: { side, tokenIn, tokenOut, amountIn, amountOut, slippagePct, ...swapLimits(side, amountIn, amountOut, slippagePct), priceImpactPct: priceImpactPct(amountIn, amountOut, spot) },
    fee: state.fee,
    values: uintValues(extra),
  };
}
