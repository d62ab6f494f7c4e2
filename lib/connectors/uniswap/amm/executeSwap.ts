import { encodeFunctionData } from 'viem';
import type { SwapExecute } from '../../../../schemas/amm';
import { requireFunds } from '../../funds';
import { deadlineFrom, read } from '../../reads';
import { swapResult } from '../../swapResult';
import type { AmmContext, SwapParameters, Wallet } from '../../types';
import { router02Abi } from './abi';
import { quoteFromReserves, readPair } from './pair';

/**
 * Quotes and swaps through Router02 with `amountOutMin`/`amountInMax` from the slippage and a deadline
 * from chain time. The quote, the wallet's balance and allowance and the block time are ONE RPC
 * request; a wallet that cannot pay or has not approved is refused before anything is signed.
 * Balance changes (human units) are the receipt's transfers.
 */
export async function executeSwap(context: AmmContext, parameters: SwapParameters & { wallet: Wallet }): Promise<SwapExecute> {
  const { dex, client } = context;
  const { wallet, base, quote } = parameters;
  const tokenIn = parameters.side === 'SELL' ? base : quote;
  const owner = wallet.address;
  const state = await readPair(context, parameters, [
    read.blockTimestamp(),
    read.balance(tokenIn.address, owner),
    read.allowance(tokenIn.address, owner, dex.router),
  ]);
  const [now, balance, allowance] = state.values;
  const swap = quoteFromReserves(dex, parameters, state);
  requireFunds(tokenIn, swap.maxAmountIn, { balance, allowance }, { alias: dex.spender, address: dex.router });

  const path = [swap.tokenIn.address, swap.tokenOut.address];
  const deadline = deadlineFrom(now);
  const data =
    parameters.side === 'SELL'
      ? encodeFunctionData({ abi: router02Abi, functionName: 'swapExactTokensForTokens', args: [swap.amountIn, swap.minAmountOut, path, owner, deadline] })
      : encodeFunctionData({ abi: router02Abi, functionName: 'swapTokensForExactTokens', args: [swap.amountOut, swap.maxAmountIn, path, owner, deadline] });
  const outcome = await wallet.send({ to: dex.router, data }, 'swap');
  return swapResult(client, outcome, owner, { ...swap, base, quote });
}
