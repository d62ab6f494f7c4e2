import { encodeFunctionData, type Address, type Hex } from 'viem';
import { BadRequestError } from '../../../errors';
import type { RouteQuote } from '../../types';
import { swapRouter02Abi } from './abi';
import { segments, v2Path, v3Path } from './path';

// SwapRouter02's conventions (swap-router-contracts Constants.sol): an amount in of 0 spends what the
// router holds, and recipient address(2) leaves the output in the router for the next call.
const CONTRACT_BALANCE = 0n;
const ADDRESS_THIS: Address = '0x0000000000000000000000000000000000000002';

/**
 * The calldata of one SwapRouter02 `multicall(deadline, calls)` that swaps the quote's route with its
 * slippage limits: one call per run of V2 or V3 legs. Exact in chains the runs through the router
 * (only the last one holds `minAmountOut` and pays `owner`); exact out is one run for `minAmountOut`
 * (the amount asked for) at most `maxAmountIn`.
 */
export function swapCall(quote: RouteQuote, owner: Address, deadline: bigint): Hex {
  const runs = segments(quote.legs);
  if (quote.side === 'BUY' && runs.length !== 1) throw new BadRequestError('An exact-out route must stay on one protocol', 'INVALID_ROUTE');
  const calls = runs.map((legs, index) => {
    const last = index === runs.length - 1;
    const recipient = last ? owner : ADDRESS_THIS;
    if (quote.side === 'BUY') {
      // `minAmountOut` is the amount asked for (a V2 route's `amountOut` may be a few wei more).
      return legs[0].protocol === 'v2'
        ? encodeFunctionData({ abi: swapRouter02Abi, functionName: 'swapTokensForExactTokens', args: [quote.minAmountOut, quote.maxAmountIn, v2Path(legs), recipient] })
        : encodeFunctionData({ abi: swapRouter02Abi, functionName: 'exactOutput', args: [{ path: v3Path(legs, false), recipient, amountOut: quote.minAmountOut, amountInMaximum: quote.maxAmountIn }] });
    }
    const amountIn = index === 0 ? quote.amountIn : CONTRACT_BALANCE;
    const minOut = last ? quote.minAmountOut : 0n;
    return legs[0].protocol === 'v2'
      ? encodeFunctionData({ abi: swapRouter02Abi, functionName: 'swapExactTokensForTokens', args: [amountIn, minOut, v2Path(legs), recipient] })
      : encodeFunctionData({ abi: swapRouter02Abi, functionName: 'exactInput', args: [{ path: v3Path(legs, true), recipient, amountIn, amountOutMinimum: minOut }] });
  });
  return encodeFunctionData({ abi: swapRouter02Abi, functionName: 'multicall', args: [deadline, calls] });
}
