import type { QuoteSwap } from '../../../../schemas/amm';
import { humanQuote } from '../../quote';
import type { AmmContext, SwapParameters } from '../../types';
import { quoteFromReserves, readPair } from './pair';

/**
 * SELL (exact in) or BUY (exact out) quote in human units, equal to Router02 `getAmountsOut` /
 * `getAmountsIn`: reserves and tokens in ONE RPC request, token metadata from the token list.
 */
export async function quoteSwap(context: AmmContext, parameters: SwapParameters): Promise<QuoteSwap> {
  const state = await readPair(context, parameters);
  return { poolAddress: parameters.pool, ...humanQuote(quoteFromReserves(context.dex, parameters, state)) };
}
