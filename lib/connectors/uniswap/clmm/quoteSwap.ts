import type { QuoteSwap } from '../../../../schemas/amm';
import { humanQuote } from '../../quote';
import type { ClmmContext, SwapParameters } from '../../types';
import { quoteOnPool } from './swapQuote';

/** SELL (exact in) or BUY (exact out) quote in human units, equal to QuoterV2's (TWO RPC requests: the pool, then the quoter). */
export async function quoteSwap(context: ClmmContext, parameters: SwapParameters): Promise<QuoteSwap> {
  const { swap } = await quoteOnPool(context, parameters);
  return { poolAddress: parameters.pool, ...humanQuote(swap) };
}
