import { encodeFunctionData } from 'viem';
import { BadRequestError } from '../../../errors';
import type { SwapExecute } from '../../../../schemas/amm';
import { requireFunds } from '../../funds';
import { deadlineFrom, read } from '../../reads';
import { swapResult } from '../../swapResult';
import type { ClmmContext, SwapParameters, Wallet } from '../../types';
import { swapRouterAbi } from './abi';
import { quoteOnPool } from './swapQuote';

/**
 * Quotes and swaps through the SwapRouter (`exactInputSingle` / `exactOutputSingle`) with the slippage
 * limits and a deadline from chain time. The quote, the wallet's balance and allowance to the router
 * and the block time take TWO RPC requests; a wallet that cannot pay or has not approved the
 * `dex/clmm/swap` spender is refused before anything is signed. Balance changes are the receipt's transfers.
 */
export async function executeSwap(context: ClmmContext, parameters: SwapParameters & { wallet: Wallet }): Promise<SwapExecute> {
  const { dex, client, network } = context;
  const { wallet, base, quote } = parameters;
  const router = dex.swapRouter;
  if (!router) throw new BadRequestError(`${dex.spender} has no SwapRouter on ethereum-${network.name}: swap through its router schema instead`, 'UNSUPPORTED_NETWORK');
  const owner = wallet.address;
  const tokenIn = (parameters.side === 'SELL' ? base : quote).address;
  const { swap, fee, values } = await quoteOnPool(context, parameters, [read.blockTimestamp(), read.balance(tokenIn, owner), read.allowance(tokenIn, owner, router)]);
  const [now, balance, allowance] = values;
  requireFunds(swap.tokenIn, swap.maxAmountIn, { balance, allowance }, { alias: dex.swapSpender, address: router });

  const common = { tokenIn, tokenOut: swap.tokenOut.address, fee, recipient: owner, deadline: deadlineFrom(now), sqrtPriceLimitX96: 0n };
  const data =
    parameters.side === 'SELL'
      ? encodeFunctionData({ abi: swapRouterAbi, functionName: 'exactInputSingle', args: [{ ...common, amountIn: swap.amountIn, amountOutMinimum: swap.minAmountOut }] })
      : encodeFunctionData({ abi: swapRouterAbi, functionName: 'exactOutputSingle', args: [{ ...common, amountOut: swap.amountOut, amountInMaximum: swap.maxAmountIn }] });
  const outcome = await wallet.send({ to: router, data }, 'swap');
  return swapResult(client, outcome, owner, { ...swap, base, quote });
}
