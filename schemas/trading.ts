import { z } from '@hono/zod-openapi';
import { AmountSchema, QuoteSwapSchema, SideSchema, SlippagePctSchema, SwapExecuteSchema } from './amm';
import { ChainNetworkSchema } from './chains';

// Gateway's unified trading routes (`/trading/swap/*`): one request shape whatever the DEX.

/** A DEX connector as `dex/type`; absent, the network's default swap provider. */
export const DexConnectorSchema = z
  .string()
  .regex(/^[a-z0-9-]+\/(router|amm|clmm)$/, "must be 'dex/type', e.g. uniswap/amm")
  .optional()
  .openapi({ description: "`dex/type`; defaults to the network's swapProvider", example: 'uniswap/amm' });

export const TradingSwapQuerySchema = z.object({
  chainNetwork: ChainNetworkSchema,
  connector: DexConnectorSchema,
  baseToken: z.string().min(1).openapi({ example: 'WETH' }),
  quoteToken: z.string().min(1).openapi({ example: 'USDC' }),
  amount: AmountSchema,
  side: SideSchema.default('SELL'),
  slippagePct: SlippagePctSchema,
  poolAddress: z.string().min(1).optional().openapi({ description: 'amm/clmm: this pool instead of the one /pools lists for the pair' }),
});

export const TradingSwapBodySchema = TradingSwapQuerySchema.extend({
  walletAddress: z.string().min(1).optional().openapi({ description: "Defaults to the chain's defaultWallet" }),
});

export const ChainQuoteSwapSchema = QuoteSwapSchema.partial({ poolAddress: true, slippagePct: true })
  .extend({
    routePath: z.string().optional(),
    quoteId: z.string().optional().openapi({ description: 'router: the stored quote, for POST /connectors/{dex}/router/execute-quote' }),
  })
  .openapi('ChainQuoteSwap');

export const ChainExecuteSwapSchema = SwapExecuteSchema;
