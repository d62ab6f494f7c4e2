import type { SwapExecute } from '../../../../schemas/amm';
import { readUints } from '../../reads';
import type { ExecuteQuoteParameters, RouterContext, Wallet } from '../../types';
import { requireSwappable, sendRoute, walletReads } from './send';

/**
 * Swaps a stored quote's route with its limits, once: the quote is claimed first (a second execution
 * gets a 400) and released again when the request is refused before anything is signed (no wallet,
 * no funds, no approval), so it can be retried after an approval. A retry with the claiming request's
 * Idempotency-Key goes straight to the signer, which answers with that request's transaction. Block
 * time, balance and allowance are ONE RPC request.
 */
export async function executeQuote(context: RouterContext, parameters: ExecuteQuoteParameters): Promise<SwapExecute> {
  const { quote, walletAddress, retried } = await context.quotes.claim(parameters.quoteId, parameters.idempotencyKey);
  const prepare = async (): Promise<{ wallet: Wallet; now: bigint }> => {
    const wallet = parameters.wallet(walletAddress);
    const [now, balance, allowance] = await readUints(context.client, walletReads(context, quote.tokenIn, wallet.address));
    // A retry's funds were checked by the request it repeats (the swap may have spent them since).
    if (!retried) requireSwappable(context, quote, { balance, allowance });
    return { wallet, now };
  };
  const { wallet, now } = await prepare().catch(async (error: unknown) => {
    // Never reopen a quote whose first execution may have been sent.
    if (!retried) await context.quotes.release(parameters.quoteId);
    throw error;
  });
  return sendRoute(context, quote, wallet, now);
}
