import { formatUnits, type Address, type PublicClient } from 'viem';
import type { EvmTransactionOutcome } from '../signer/types';
import type { SwapExecute } from '../../schemas/amm';
import type { EvmToken } from '../chains/types';
import type { SwapQuote } from './quote';
import { tokenDeltas } from './transfers';

/** A sent swap as it was quoted: its direction and the pair as the client named it. */
type SentSwap = Pick<SwapQuote, 'side' | 'tokenIn' | 'tokenOut'> & { base: EvmToken; quote: EvmToken };

/**
 * What a swap answers once sent: its hash and status and, when confirmed, the amounts in and out and
 * the base/quote balance changes in human units, from the receipt's transfers (not from the quote).
 */
export async function swapResult(client: PublicClient, outcome: EvmTransactionOutcome, owner: Address, swap: SentSwap): Promise<SwapExecute> {
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const { base, quote, tokenIn, tokenOut } = swap;
  const [baseDelta, quoteDelta] = await tokenDeltas(client, outcome, owner, [base, quote]);
  const [spent, received] = swap.side === 'SELL' ? [-baseDelta, quoteDelta] : [-quoteDelta, baseDelta];
  return {
    signature: outcome.hash,
    status: 1,
    data: {
      tokenIn: tokenIn.address,
      tokenOut: tokenOut.address,
      amountIn: Number(formatUnits(spent, tokenIn.decimals)),
      amountOut: Number(formatUnits(received, tokenOut.decimals)),
      fee: Number(outcome.fee ?? 0),
      baseTokenBalanceChange: Number(formatUnits(baseDelta, base.decimals)),
      quoteTokenBalanceChange: Number(formatUnits(quoteDelta, quote.decimals)),
    },
  };
}
