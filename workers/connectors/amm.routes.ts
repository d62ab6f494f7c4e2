import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import {
  AddLiquidityBodySchema,
  AddLiquiditySchema,
  AmmPoolInfoQuerySchema,
  AmmPoolInfoSchema,
  AmmPositionInfoQuerySchema,
  AmmPositionInfoSchema,
  ExecuteSwapBodySchema,
  QuoteLiquidityQuerySchema,
  QuoteLiquiditySchema,
  QuoteSwapQuerySchema,
  QuoteSwapSchema,
  RemoveLiquidityBodySchema,
  RemoveLiquiditySchema,
  SwapExecuteSchema,
} from '../../schemas/amm';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

// Gateway's `amm` routes, declared once for every connector that implements the schema: `{dex}`
// picks the connector, whose deployment on the network does the work.

const ammConnectors = Object.keys(CONNECTOR_REGISTRY).filter((name) => CONNECTOR_REGISTRY[name].amm);
const params = z.object({
  dex: z.string().openapi({ param: { name: 'dex', in: 'path' }, description: `One of: ${ammConnectors.join(', ')}`, example: 'uniswap' }),
});
const tags = ['AMM (Uniswap V2-style)'];
const errors = { 404: errorResponse('Unknown connector, token or pool (the pair is named)'), ...rpcErrors, ...commonErrorResponses };

const read = <Q extends z.ZodObject, R extends z.ZodType>(action: string, summary: string, query: Q, response: R) =>
  createRoute({ method: 'get', path: `/connectors/{dex}/amm/${action}`, tags, summary, request: { params, query }, responses: { 200: json(response, summary), ...errors } });

const send = <B extends z.ZodObject, R extends z.ZodType>(action: string, summary: string, body: B, response: R) =>
  createRoute({
    method: 'post',
    path: `/connectors/{dex}/amm/${action}`,
    tags,
    summary,
    description: 'Simulated before it is sent: a transaction that would revert (balance, allowance, slippage, deadline) is refused with a 400 and costs nothing.',
    request: { params, ...jsonBody(body), headers: idempotencyHeader },
    responses: { ...idempotencyConflict, 200: json(response, 'Sent and awaited; `data` once confirmed'), ...errors },
  });

export const poolInfo = read('pool-info', 'Reserves, fee and price (quote per base) of a pool', AmmPoolInfoQuerySchema, AmmPoolInfoSchema);
export const positionInfo = read('position-info', "A wallet's LP tokens and what they redeem for", AmmPositionInfoQuerySchema, AmmPositionInfoSchema);
export const quoteLiquidity = read('quote-liquidity', 'The amounts adding liquidity would take at the pool ratio', QuoteLiquidityQuerySchema, QuoteLiquiditySchema);
export const quoteSwap = read('quote-swap', 'Swap quote equal to the router: SELL exact in, BUY exact out (one RPC request)', QuoteSwapQuerySchema, QuoteSwapSchema);
export const executeSwap = send('execute-swap', 'Quote and swap through the router', ExecuteSwapBodySchema, SwapExecuteSchema);
export const addLiquidity = send('add-liquidity', 'Add liquidity at the pool ratio', AddLiquidityBodySchema, AddLiquiditySchema);
export const removeLiquidity = send('remove-liquidity', "Remove a share of the wallet's liquidity", RemoveLiquidityBodySchema, RemoveLiquiditySchema);
