import { z } from '@hono/zod-openapi';
import { networkField, walletAddressField } from './chains';
import { AmountSchema, QuoteSwapSchema, SideSchema, SlippagePctSchema } from './amm';

// Gateway's router contract: src/schemas/router-schema.ts plus Uniswap's `walletAddress` and `routePath`.

const network = networkField;
const walletAddress = walletAddressField;

export const RouterQuoteSwapQuerySchema = z.object({
  network,
  baseToken: z.string().min(1).openapi({ description: 'Symbol or address; the native currency (ETH) means its wrapped token (WETH)', example: 'WETH' }),
  quoteToken: z.string().min(1).openapi({ example: 'DAI' }),
  amount: AmountSchema,
  side: SideSchema,
  slippagePct: SlippagePctSchema,
  walletAddress: walletAddress.openapi({ description: 'The wallet execute-quote signs with by default' }),
});

export const RouterQuoteSwapSchema = QuoteSwapSchema.omit({ poolAddress: true })
  .extend({
    quoteId: z.string().openapi({ description: 'For execute-quote: valid about 30 s, used once' }),
    routePath: z.string().openapi({ example: '100% via USDC -> WETH -> DAI' }),
    pools: z.array(z.string()).openapi({ description: 'The V2 pairs and V3 pools the route goes through, in order' }),
    expirationTime: z.number().openapi({ description: 'When the quote expires, in milliseconds since the epoch' }),
  })
  .openapi('RouterQuoteSwap');

export const ExecuteQuoteBodySchema = z.object({
  network,
  walletAddress: walletAddress.openapi({ description: "Defaults to the quote's walletAddress, then the chain's defaultWallet" }),
  quoteId: z.string().min(1),
});

export const RouterExecuteSwapBodySchema = RouterQuoteSwapQuerySchema;

export type RouterQuoteSwap = z.infer<typeof RouterQuoteSwapSchema>;
