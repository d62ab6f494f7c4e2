import type { Address } from 'viem';
import type { RouterQuoteSwap } from '../../../../schemas/router';
import { humanQuote } from '../../quote';
import type { RouterContext, RouterSwapParameters } from '../../types';
import { bestRoute } from './bestRoute';

/**
 * The best route's quote in human units, stored for execute-quote (used once, expires): at most TWO
 * RPC requests (pool state, then V3 quotes) and one database write.
 */
export async function quoteSwap(context: RouterContext, parameters: RouterSwapParameters & { walletAddress?: Address }): Promise<RouterQuoteSwap> {
  const { quote } = await bestRoute(context, parameters);
  const { id, expiresAt } = await context.quotes.save(quote, parameters.walletAddress);
  return {
    quoteId: id,
    ...humanQuote(quote),
    routePath: quote.routePath,
    pools: quote.legs.map((leg) => leg.pool),
    expirationTime: expiresAt.getTime(),
  };
}
