import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyConflict, idempotencyHeader, json, jsonBody } from '../../lib/openapi';
import {
  ClmmAddLiquiditySchema,
  ClmmPoolInfoSchema,
  ClmmPositionInfoSchema,
  ClmmRemoveLiquiditySchema,
  ClosePositionSchema,
  CollectFeesSchema,
  OpenPositionSchema,
  QuotePositionSchema,
  TradingAddLiquidityBodySchema,
  TradingOpenPositionBodySchema,
  TradingPoolInfoQuerySchema,
  TradingPositionBodySchema,
  TradingPositionInfoQuerySchema,
  TradingPositionsOwnedQuerySchema,
  TradingQuotePositionQuerySchema,
  TradingRemoveLiquidityBodySchema,
} from '../../schemas/clmm';
import { clmmErrors, sendDescription } from './clmm.routes';

// Gateway's unified `/trading/clmm/*` routes: `connector` names the DEX and `chainNetwork` the network;
// each does what the connector's own clmm route does.

const tags = ['Trading'];
const dispatch = '`connector` is a DEX with a clmm schema on the chain of `chainNetwork`; any other is a 400 `Unsupported connector`.';

const read = <Q extends z.ZodObject, R extends z.ZodType>(action: string, summary: string, query: Q, response: R) =>
  createRoute({ method: 'get', path: `/trading/clmm/${action}`, tags, summary, description: dispatch, request: { query }, responses: { 200: json(response, summary), ...clmmErrors } });

const send = <B extends z.ZodObject, R extends z.ZodType>(action: string, summary: string, body: B, response: R) =>
  createRoute({
    method: 'post',
    path: `/trading/clmm/${action}`,
    tags,
    summary,
    description: `${dispatch} ${sendDescription}`,
    request: { ...jsonBody(body), headers: idempotencyHeader },
    responses: { ...idempotencyConflict, 200: json(response, 'Sent and awaited; `data` once confirmed'), ...clmmErrors },
  });

export const poolInfo = read('pool-info', 'CLMM pool info on any connector', TradingPoolInfoQuerySchema, ClmmPoolInfoSchema);
export const positionInfo = read('position-info', 'CLMM position info on any connector', TradingPositionInfoQuerySchema, ClmmPositionInfoSchema);
export const positionsOwned = read('positions-owned', "A wallet's CLMM positions on any connector", TradingPositionsOwnedQuerySchema, z.array(ClmmPositionInfoSchema));
export const quotePosition = read('quote-position', 'What opening a CLMM position would take, on any connector', TradingQuotePositionQuerySchema, QuotePositionSchema);
export const open = send('open', 'Open a CLMM position on any connector', TradingOpenPositionBodySchema, OpenPositionSchema);
export const add = send('add', 'Add liquidity to a CLMM position on any connector', TradingAddLiquidityBodySchema, ClmmAddLiquiditySchema);
export const remove = send('remove', 'Withdraw a share of a CLMM position on any connector', TradingRemoveLiquidityBodySchema, ClmmRemoveLiquiditySchema);
export const collectFees = send('collect-fees', "Collect a CLMM position's fees on any connector", TradingPositionBodySchema, CollectFeesSchema);
export const close = send('close', 'Close a CLMM position on any connector', TradingPositionBodySchema, ClosePositionSchema);
