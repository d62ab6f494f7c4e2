import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { ExecuteSwapBodySchema, QuoteSwapQuerySchema, QuoteSwapSchema, SwapExecuteSchema } from '../../schemas/amm';
import {
  ClmmAddLiquidityBodySchema,
  ClmmAddLiquiditySchema,
  ClmmPoolInfoQuerySchema,
  ClmmPoolInfoSchema,
  ClmmPositionInfoQuerySchema,
  ClmmPositionInfoSchema,
  ClmmRemoveLiquidityBodySchema,
  ClmmRemoveLiquiditySchema,
  ClosePositionSchema,
  CollectFeesSchema,
  OpenPositionBodySchema,
  OpenPositionSchema,
  PositionBodySchema,
  PositionsOwnedQuerySchema,
  QuotePositionQuerySchema,
  QuotePositionSchema,
} from '../../schemas/clmm';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

// Gateway's `clmm` routes, declared once for every connector that implements the schema: `{dex}`
// picks the connector, whose V3 deployment on the network does the work.

const clmmConnectors = Object.keys(CONNECTOR_REGISTRY).filter((name) => CONNECTOR_REGISTRY[name].clmm);
const params = z.object({
  dex: z.string().openapi({ param: { name: 'dex', in: 'path' }, description: `One of: ${clmmConnectors.join(', ')}`, example: 'uniswap' }),
});
const tags = ['CLMM (Uniswap V3-style)'];

/** The errors every CLMM route can answer, for its own and the unified trading declarations. */
export const clmmErrors = {
  403: errorResponse('The position is not owned by the wallet'),
  404: errorResponse('Unknown connector, token, pool (the pair is named) or position'),
  ...rpcErrors,
  ...commonErrorResponses,
};

export const sendDescription =
  'Simulated before it is sent: a transaction that would revert (balance, allowance, slippage, deadline) is refused with a 400 and costs nothing. ' +
  'Opening and adding need an allowance to the `dex/clmm` spender (the position manager); swaps to `dex/clmm/swap` (the SwapRouter).';

const read = <Q extends z.ZodObject, R extends z.ZodType>(action: string, summary: string, query: Q, response: R) =>
  createRoute({ method: 'get', path: `/connectors/{dex}/clmm/${action}`, tags, summary, request: { params, query }, responses: { 200: json(response, summary), ...clmmErrors } });

const send = <B extends z.ZodObject, R extends z.ZodType>(action: string, summary: string, body: B, response: R) =>
  createRoute({
    method: 'post',
    path: `/connectors/{dex}/clmm/${action}`,
    tags,
    summary,
    description: sendDescription,
    request: { params, ...jsonBody(body), headers: idempotencyHeader },
    responses: { ...idempotencyConflict, 200: json(response, 'Sent and awaited; `data` once confirmed'), ...clmmErrors },
  });

export const poolInfo = read('pool-info', 'Price (quote per base), tokens held, fee, tick and tick spacing of a pool', ClmmPoolInfoQuerySchema, ClmmPoolInfoSchema);
export const positionInfo = read('position-info', 'A position by NFT token id: its amounts at the current price, uncollected fees and range', ClmmPositionInfoQuerySchema, ClmmPositionInfoSchema);
export const positionsOwned = read('positions-owned', "A wallet's positions", PositionsOwnedQuerySchema, z.array(ClmmPositionInfoSchema));
export const quotePosition = read('quote-position', 'The amounts opening a position in a price range would take', QuotePositionQuerySchema, QuotePositionSchema);
export const quoteSwap = read('quote-swap', 'Swap quote equal to QuoterV2: SELL exact in, BUY exact out (two RPC requests)', QuoteSwapQuerySchema, QuoteSwapSchema);
export const executeSwap = send('execute-swap', 'Quote and swap through the SwapRouter', ExecuteSwapBodySchema, SwapExecuteSchema);
export const openPosition = send('open-position', 'Open a position in a price range (mints its NFT)', OpenPositionBodySchema, OpenPositionSchema);
export const addLiquidity = send('add-liquidity', "Add liquidity to a wallet's position", ClmmAddLiquidityBodySchema, ClmmAddLiquiditySchema);
export const removeLiquidity = send('remove-liquidity', 'Withdraw a share of a position and collect it (one transaction)', ClmmRemoveLiquidityBodySchema, ClmmRemoveLiquiditySchema);
export const collectFees = send('collect-fees', "Collect a position's fees", PositionBodySchema, CollectFeesSchema);
export const closePosition = send('close-position', 'Withdraw everything, collect and burn the position (one transaction)', PositionBodySchema, ClosePositionSchema);
