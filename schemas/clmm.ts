import { z } from '@hono/zod-openapi';
import { AmountSchema, RemoveLiquidityBodySchema, SlippagePctSchema, transactionResult } from './amm';
import { ChainNetworkSchema, networkField, walletAddressField } from './chains';
import { decimalNumber } from './numbers';

// Gateway's CLMM (Uniswap V3-style) contract: src/schemas/clmm-schema.ts, field names unchanged. On EVM
// a position is an NFT of the DEX's position manager: `positionAddress` is its token id.

const network = networkField;
const walletAddress = walletAddressField;
const poolAddress = z.string().min(1).openapi({ example: '0x94Eee1cb80924636B32fDF2c0b798080E32dB027' });
const positionAddress = z.string().min(1).openapi({ description: "The position NFT's token id", example: '4' });
const price = (example: number) =>
  decimalNumber(z.number().positive('must be greater than 0')).openapi({ description: "Quote per base (a JSON number, or a decimal string); rounded to the nearest tick of the pool's spacing", example });
const amounts = {
  baseTokenAmount: AmountSchema.optional(),
  quoteTokenAmount: AmountSchema.optional().openapi({ description: 'At least one of the two; an omitted one follows from the other and the range' }),
};

export const ClmmPoolInfoQuerySchema = z.object({ network, poolAddress });

export const ClmmPoolInfoSchema = z
  .object({
    address: z.string(),
    baseTokenAddress: z.string(),
    quoteTokenAddress: z.string(),
    binStep: z.number().openapi({ description: 'The tick spacing' }),
    feePct: z.number(),
    price: z.number().openapi({ description: 'Quote per base' }),
    baseTokenAmount: z.number().openapi({ description: 'Held by the pool' }),
    quoteTokenAmount: z.number(),
    activeBinId: z.number().openapi({ description: 'The current tick' }),
  })
  .openapi('ClmmPoolInfo');

export const ClmmPositionInfoQuerySchema = z.object({ network, positionAddress });

export const ClmmPositionInfoSchema = z
  .object({
    address: z.string().openapi({ description: 'The token id' }),
    poolAddress: z.string(),
    baseTokenAddress: z.string(),
    quoteTokenAddress: z.string(),
    baseTokenAmount: z.number().openapi({ description: 'What its liquidity is worth at the current price' }),
    quoteTokenAmount: z.number(),
    baseFeeAmount: z.number().openapi({ description: 'Uncollected fees: what collect-fees would pay now' }),
    quoteFeeAmount: z.number(),
    lowerBinId: z.number().openapi({ description: 'Lower tick' }),
    upperBinId: z.number().openapi({ description: 'Upper tick' }),
    lowerPrice: z.number(),
    upperPrice: z.number(),
    price: z.number(),
  })
  .openapi('ClmmPositionInfo');

export const PositionsOwnedQuerySchema = z.object({ network, walletAddress });

export const QuotePositionQuerySchema = z.object({ network, poolAddress, lowerPrice: price(2500), upperPrice: price(3500), ...amounts });

export const QuotePositionSchema = z
  .object({
    baseLimited: z.boolean().openapi({ description: 'The base amount is the one that limits the liquidity' }),
    baseTokenAmount: z.number().openapi({ description: 'What opening the position takes at the current price' }),
    quoteTokenAmount: z.number(),
    baseTokenAmountMax: z.number().openapi({ description: 'The amount given, or the computed one when omitted' }),
    quoteTokenAmountMax: z.number(),
    liquidity: z.string().openapi({ description: 'The liquidity added (an integer)' }),
  })
  .openapi('ClmmQuotePosition');

export const OpenPositionBodySchema = z.object({ network, walletAddress, poolAddress, lowerPrice: price(2500), upperPrice: price(3500), ...amounts, slippagePct: SlippagePctSchema });

export const OpenPositionSchema = transactionResult({
  positionAddress: z.string().openapi({ description: "The new position NFT's token id" }),
  positionRent: z.number().openapi({ description: 'Always 0 on EVM' }),
  baseTokenAmountAdded: z.number(),
  quoteTokenAmountAdded: z.number(),
}).openapi('ClmmOpenPosition');

export const ClmmAddLiquidityBodySchema = z.object({ network, walletAddress, positionAddress, ...amounts, slippagePct: SlippagePctSchema });

export const ClmmAddLiquiditySchema = transactionResult({ baseTokenAmountAdded: z.number(), quoteTokenAmountAdded: z.number() }).openapi('ClmmAddLiquidity');

export const ClmmRemoveLiquidityBodySchema = z.object({ network, walletAddress, positionAddress, percentageToRemove: RemoveLiquidityBodySchema.shape.percentageToRemove });

export const ClmmRemoveLiquiditySchema = transactionResult({
  baseTokenAmountRemoved: z.number().openapi({ description: 'Received: the liquidity withdrawn and the fees collected with it' }),
  quoteTokenAmountRemoved: z.number(),
}).openapi('ClmmRemoveLiquidity');

export const PositionBodySchema = z.object({ network, walletAddress, positionAddress });

export const CollectFeesSchema = transactionResult({ baseFeeAmountCollected: z.number(), quoteFeeAmountCollected: z.number() }).openapi('ClmmCollectFees');

export const ClosePositionSchema = transactionResult({
  positionRentRefunded: z.number().openapi({ description: 'Always 0 on EVM' }),
  baseTokenAmountRemoved: z.number().openapi({ description: 'The liquidity withdrawn' }),
  quoteTokenAmountRemoved: z.number(),
  baseFeeAmountCollected: z.number(),
  quoteFeeAmountCollected: z.number(),
}).openapi('ClmmClosePosition');

// `/trading/clmm/*`: the same requests with `connector` (the DEX) and `chainNetwork` instead of `network`.

const trading = { connector: z.string().min(1).openapi({ description: 'A DEX with a clmm schema', example: 'uniswap' }), chainNetwork: ChainNetworkSchema };

export const TradingPoolInfoQuerySchema = ClmmPoolInfoQuerySchema.omit({ network: true }).extend(trading);
export const TradingPositionInfoQuerySchema = ClmmPositionInfoQuerySchema.omit({ network: true }).extend(trading);
export const TradingPositionsOwnedQuerySchema = PositionsOwnedQuerySchema.omit({ network: true }).extend(trading);
export const TradingQuotePositionQuerySchema = QuotePositionQuerySchema.omit({ network: true }).extend(trading);
export const TradingOpenPositionBodySchema = OpenPositionBodySchema.omit({ network: true }).extend(trading);
export const TradingAddLiquidityBodySchema = ClmmAddLiquidityBodySchema.omit({ network: true }).extend(trading);
export const TradingRemoveLiquidityBodySchema = ClmmRemoveLiquidityBodySchema.omit({ network: true }).extend({ ...trading, percentageToRemove: ClmmRemoveLiquidityBodySchema.shape.percentageToRemove.default(100) });
export const TradingPositionBodySchema = PositionBodySchema.omit({ network: true }).extend(trading);

export type ClmmPoolInfo = z.infer<typeof ClmmPoolInfoSchema>;
export type ClmmPositionInfo = z.infer<typeof ClmmPositionInfoSchema>;
export type QuotePosition = z.infer<typeof QuotePositionSchema>;
export type OpenPosition = z.infer<typeof OpenPositionSchema>;
export type ClmmAddLiquidity = z.infer<typeof ClmmAddLiquiditySchema>;
export type ClmmRemoveLiquidity = z.infer<typeof ClmmRemoveLiquiditySchema>;
export type CollectFees = z.infer<typeof CollectFeesSchema>;
export type ClosePosition = z.infer<typeof ClosePositionSchema>;
