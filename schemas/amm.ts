import { z } from '@hono/zod-openapi';
import { networkField, walletAddressField } from './chains';
import { AmountSchema, decimalNumber } from './numbers';

export { AmountSchema, type Amount } from './numbers';

// Gateway's AMM (Uniswap V2-style) contract: src/schemas/amm-schema.ts, field names unchanged.

const network = networkField;
const walletAddress = walletAddressField;
const poolAddress = z.string().min(1).openapi({ example: '0xd5AB01462Da740594Beaf3AF32C12730d6D2DC38' });

export const SlippagePctSchema = decimalNumber(z.number().min(0, 'must be at least 0').max(100, 'must be at most 100'))
  .optional()
  .openapi({ description: "0-100 (a JSON number, or a decimal string); defaults to the connector's slippagePct", example: 1 });
export const SideSchema = z.enum(['BUY', 'SELL']).openapi({ description: 'SELL: exact amount of base in; BUY: exact amount of base out' });

export const AmmPoolInfoQuerySchema = z.object({ network, poolAddress });

export const AmmPoolInfoSchema = z
  .object({
    address: z.string(),
    baseTokenAddress: z.string(),
    quoteTokenAddress: z.string(),
    feePct: z.number(),
    price: z.number().openapi({ description: 'Quote per base' }),
    baseTokenAmount: z.number(),
    quoteTokenAmount: z.number(),
  })
  .openapi('AmmPoolInfo');

export const AmmPositionInfoQuerySchema = z.object({ network, poolAddress, walletAddress });

export const AmmPositionInfoSchema = z
  .object({
    poolAddress: z.string(),
    walletAddress: z.string(),
    baseTokenAddress: z.string(),
    quoteTokenAddress: z.string(),
    lpTokenAmount: z.number(),
    baseTokenAmount: z.number(),
    quoteTokenAmount: z.number(),
    price: z.number(),
  })
  .openapi('AmmPositionInfo');

export const QuoteLiquidityQuerySchema = z.object({
  network,
  poolAddress,
  baseTokenAmount: AmountSchema.optional(),
  quoteTokenAmount: AmountSchema.optional(),
  slippagePct: SlippagePctSchema,
});

export const QuoteLiquiditySchema = z
  .object({
    baseLimited: z.boolean(),
    baseTokenAmount: z.number(),
    quoteTokenAmount: z.number(),
    baseTokenAmountMax: z.number(),
    quoteTokenAmountMax: z.number(),
  })
  .openapi('AmmQuoteLiquidity');

export const QuoteSwapQuerySchema = z.object({
  network,
  poolAddress: poolAddress.optional().openapi({ description: 'Omit to use the pool listed in /pools for the pair' }),
  baseToken: z.string().min(1).openapi({ example: 'WETH' }),
  quoteToken: z.string().min(1).optional().openapi({ description: 'Required unless poolAddress names a listed pool', example: 'USDC' }),
  amount: AmountSchema,
  side: SideSchema,
  slippagePct: SlippagePctSchema,
});

export const QuoteSwapSchema = z
  .object({
    poolAddress: z.string(),
    tokenIn: z.string(),
    tokenOut: z.string(),
    amountIn: z.number(),
    amountOut: z.number(),
    price: z.number().openapi({ description: 'Quote per base' }),
    slippagePct: z.number(),
    minAmountOut: z.number(),
    maxAmountIn: z.number(),
    priceImpactPct: z.number(),
  })
  .openapi('AmmQuoteSwap');

export const ExecuteSwapBodySchema = QuoteSwapQuerySchema.extend({ walletAddress });

/** What a sent transaction answers: `data` only once it is confirmed (status 1). */
export const transactionResult = <T extends z.ZodRawShape>(data: T) =>
  z.object({
    signature: z.string(),
    status: z.number().openapi({ description: '1 confirmed, 0 pending, -1 failed (reverted)' }),
    data: z.object({ fee: z.number(), ...data }).optional(),
  });

export const SwapExecuteSchema = transactionResult({
  tokenIn: z.string(),
  tokenOut: z.string(),
  amountIn: z.number(),
  amountOut: z.number(),
  baseTokenBalanceChange: z.number(),
  quoteTokenBalanceChange: z.number(),
}).openapi('SwapExecute');

export const AddLiquidityBodySchema = z.object({
  network,
  walletAddress,
  poolAddress,
  baseTokenAmount: AmountSchema,
  quoteTokenAmount: AmountSchema,
  slippagePct: SlippagePctSchema,
});

export const AddLiquiditySchema = transactionResult({ baseTokenAmountAdded: z.number(), quoteTokenAmountAdded: z.number() }).openapi('AmmAddLiquidity');

export const RemoveLiquidityBodySchema = z.object({
  network,
  walletAddress,
  poolAddress,
  percentageToRemove: decimalNumber(z.number().gt(0, 'must be greater than 0').max(100, 'must be at most 100')).openapi({ description: '0-100, more than 0 (a JSON number, or a decimal string)', example: 50 }),
});

export const RemoveLiquiditySchema = transactionResult({ baseTokenAmountRemoved: z.number(), quoteTokenAmountRemoved: z.number() }).openapi('AmmRemoveLiquidity');

export type AmmPoolInfo = z.infer<typeof AmmPoolInfoSchema>;
export type AmmPositionInfo = z.infer<typeof AmmPositionInfoSchema>;
export type QuoteLiquidity = z.infer<typeof QuoteLiquiditySchema>;
export type QuoteSwap = z.infer<typeof QuoteSwapSchema>;
export type SwapExecute = z.infer<typeof SwapExecuteSchema>;
export type AddLiquidity = z.infer<typeof AddLiquiditySchema>;
export type RemoveLiquidity = z.infer<typeof RemoveLiquiditySchema>;
export type Side = z.infer<typeof SideSchema>;
