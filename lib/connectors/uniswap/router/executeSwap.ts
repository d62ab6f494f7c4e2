import type { SwapExecute } from '../../../../schemas/amm';
import { swapDirection } from '../../quote';
import type { RouterContext, RouterSwapParameters, Wallet } from '../../types';
import { bestRoute } from './bestRoute';
import { requireSwappable, sendRoute, walletReads } from './send';

/**
 * Quotes the best route and swaps it through the router. The wallet's balance and allowance and the
 * block time travel in the quote's first RPC request; a wallet that cannot pay or has not approved
 * is refused before anything is signed.
 */
export async function executeSwap(context: RouterContext, parameters: RouterSwapParameters & { wallet: Wallet }): Promise<SwapExecute> {
  const { wallet } = parameters;
  const { tokenIn } = swapDirection(parameters.side, parameters.base, parameters.quote);
  const { quote, values } = await bestRoute(context, parameters, walletReads(context, tokenIn, wallet.address));
  const [now, balance, allowance] = values;
  requireSwappable(context, quote, { balance, allowance });
  return sendRoute(context, quote, wallet, now);
}
