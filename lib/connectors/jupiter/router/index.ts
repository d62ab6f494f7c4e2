import type { RouterQuoteSwap } from '../../../../schemas/router';
import { humanQuote } from '../../quote';
import type { SolanaRouterConnector, SolanaRouterContext, SolanaSwapParameters } from '../../types';
import { requestQuote, routePathOf, storedQuote, swapQuoteOf } from './quote';
import { sendQuote } from './send';

/**
 * A Jupiter quote stored for execute-quote (used once, expires): no RPC request, ONE Swap API call
 * and one database write.
 */
async function quoteSwap(context: SolanaRouterContext, parameters: SolanaSwapParameters & { walletAddress?: string }): Promise<RouterQuoteSwap> {
  const quote = await requestQuote(context, parameters);
  const { id, expiresAt } = await context.quotes.save({ ...quote }, parameters.walletAddress);
  return {
    quoteId: id,
    ...humanQuote(swapQuoteOf(quote)),
    routePath: routePathOf(quote.quoteResponse),
    pools: quote.quoteResponse.routePlan.map((step) => step.swapInfo.ammKey),
    expirationTime: expiresAt.getTime(),
  };
}

/** Jupiter's router: quotes and swap transactions from its Swap API, signed by the wallet's signer. */
export const jupiterRouter: SolanaRouterConnector = {
  quoteSwap,

  /**
   * Swaps a stored quote once: claimed first (a second execution gets a 400), released again when
   * refused before anything was signed (a failing simulation, slippage), so it can be retried.
   */
  async executeQuote(context, parameters) {
    const { quote: stored, walletAddress, retried } = await context.quotes.claim(parameters.quoteId, parameters.idempotencyKey);
    const quote = storedQuote(parameters.quoteId, stored);
    try {
      return await sendQuote(context, quote, parameters.wallet(walletAddress));
    } catch (error) {
      // Only a refusal before signing reopens it: a signer's error may come after the transaction left.
      if (!retried && error instanceof Error && 'code' in error && (error.code === 'SIMULATION_FAILED' || error.code === 'SLIPPAGE_EXCEEDED')) await context.quotes.release(parameters.quoteId);
      throw error;
    }
  },

  async executeSwap(context, parameters) {
    return sendQuote(context, await requestQuote(context, parameters), parameters.wallet);
  },
};
