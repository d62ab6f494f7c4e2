import type { QuoteResponse } from '@jup-ag/api';
import { z } from 'zod';
import { parseAmount } from '../../../amount';
import { QuoteNotFoundError } from '../../quoteStore';
import { swapDirection, type SwapQuote } from '../../quote';
import type { SolanaRouterContext, SolanaSwapParameters, SolanaToken } from '../../types';
import { getQuote } from '../api';

/** Jupiter's mint for SOL: native SOL (listed under the System Program's address) and WSOL both trade as it, wrapped and unwrapped in the swap. */
export const WRAPPED_SOL_MINT = 'So11111111111111111111111111111111111111112';
const NATIVE_SOL = '11111111111111111111111111111111';

/** Whether the token is SOL itself, which the swap pays and receives as lamports. */
export const isSol = (token: SolanaToken) => token.address === NATIVE_SOL || token.address === WRAPPED_SOL_MINT;

const mintOf = (token: SolanaToken) => (isSol(token) ? WRAPPED_SOL_MINT : token.address);

/** A Jupiter quote as stored for execute-quote: the pair as the client named it, and Jupiter's quote untouched (/swap takes it back as is). */
export interface JupiterQuote {
  side: SolanaSwapParameters['side'];
  base: SolanaToken;
  quote: SolanaToken;
  slippagePct: number;
  quoteResponse: QuoteResponse;
}

/** Asks Jupiter: SELL spends `amount` of base (ExactIn), BUY receives it (ExactOut). */
export async function requestQuote(context: SolanaRouterContext, parameters: SolanaSwapParameters): Promise<JupiterQuote> {
  const { base, quote, side, slippagePct } = parameters;
  const { tokenIn, tokenOut, exactIn } = swapDirection(side, base, quote);
  const quoteResponse = await getQuote(context.apiUrl, {
    inputMint: mintOf(tokenIn),
    outputMint: mintOf(tokenOut),
    amount: parseAmount(parameters.amount, base.decimals, 'amount', 'u64'),
    swapMode: exactIn ? 'ExactIn' : 'ExactOut',
    slippageBps: Math.round(slippagePct * 100),
  });
  return { side, base, quote, slippagePct, quoteResponse };
}

/**
 * The quote in base units with its limits, as Jupiter's swap enforces them: `otherAmountThreshold` is
 * the least out (ExactIn) or the most in (ExactOut).
 */
export function swapQuoteOf(quote: JupiterQuote): SwapQuote<SolanaToken> {
  const { side, base, slippagePct, quoteResponse: response } = quote;
  const { tokenIn, tokenOut, exactIn } = swapDirection(side, base, quote.quote);
  const amountIn = BigInt(response.inAmount);
  const amountOut = BigInt(response.outAmount);
  const threshold = BigInt(response.otherAmountThreshold);
  return {
    side,
    tokenIn,
    tokenOut,
    amountIn,
    amountOut,
    minAmountOut: exactIn ? threshold : amountOut,
    maxAmountIn: exactIn ? amountIn : threshold,
    slippagePct,
    // Jupiter's is a fraction ("0.0012"); Gateway's answer is in percent.
    priceImpactPct: Number(response.priceImpactPct) * 100,
  };
}

/** Gateway's form: `100% via Whirlpool`, one part per step of Jupiter's route plan. */
export function routePathOf(response: QuoteResponse): string {
  return response.routePlan.map((step) => `${step.percent ?? 100}% via ${step.swapInfo.label ?? step.swapInfo.ammKey}`).join(', ');
}

const baseUnits = z.string().regex(/^\d+$/);
const StoredToken = z.object({ chainId: z.number().int().optional(), name: z.string(), symbol: z.string(), address: z.string(), decimals: z.number().int() });
const StoredJupiterQuote = z.object({
  side: z.enum(['BUY', 'SELL']),
  base: StoredToken,
  quote: StoredToken,
  slippagePct: z.number(),
  // Jupiter's fields Colibri reads; the rest passes back to /swap as Jupiter wrote it.
  quoteResponse: z
    .looseObject({
      inputMint: z.string(),
      outputMint: z.string(),
      inAmount: baseUnits,
      outAmount: baseUnits,
      otherAmountThreshold: baseUnits,
      swapMode: z.enum(['ExactIn', 'ExactOut']),
      slippageBps: z.number(),
      priceImpactPct: z.string(),
      routePlan: z.array(z.looseObject({ percent: z.number().nullish(), swapInfo: z.looseObject({ ammKey: z.string(), label: z.string().optional(), inputMint: z.string(), outputMint: z.string(), inAmount: z.string(), outAmount: z.string() }) })),
    })
    .transform((response) => response as QuoteResponse),
});

/** A stored quote read back, checked: one that does not parse (another version's, or altered) is not executed. */
export function storedQuote(id: string, stored: Record<string, unknown>): JupiterQuote {
  const parsed = StoredJupiterQuote.safeParse(stored);
  if (!parsed.success) throw new QuoteNotFoundError(id, 'QUOTE_NOT_FOUND');
  return parsed.data;
}
