import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  SwapExecuteRequestSchema,
  SwapExecuteResponseSchema,
  SwapQuoteRequestSchema,
  SwapQuoteResponseSchema,
  SwapRowSchema,
  SwapSearchResponseSchema,
  SwapSearchSchema,
  SwapSummaryQuerySchema,
  SwapSummarySchema,
} from '../../schemas/gateway';

const tags = ['Gateway Swaps'];
const served =
  "Served by Colibri's own connector through `/trading/swap/*` (`connector` 'uniswap' is its router; 'uniswap/amm' or 'uniswap/clmm' one pool schema), so it quotes and swaps exactly as the Gateway routes do.";

export const quote = createRoute({
  method: 'post',
  path: '/gateway/swap/quote',
  tags,
  summary: 'Swap quote',
  description: `${served} Costs the connector's quote and no database round trip.`,
  request: jsonBody(SwapQuoteRequestSchema),
  responses: { 200: json(SwapQuoteResponseSchema, 'Quote'), 404: errorResponse('Unknown token, or no pool for the pair'), ...rpcErrors, ...commonErrorResponses },
});

export const execute = createRoute({
  method: 'post',
  path: '/gateway/swap/execute',
  tags,
  summary: 'Swap, recorded in the swap history',
  description:
    `${served} The swap is recorded \`SUBMITTED\` (one database round trip after the connector's swap); the follower (a Cron Trigger, every minute) confirms or fails it from its receipt, with the amounts, price and gas fee the chain moved. ` +
    'A swap the chain refuses before it is sent (simulation, allowance, balance) answers the connector\'s 400 and is recorded `FAILED` with the reason.',
  request: { ...jsonBody(SwapExecuteRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(SwapExecuteResponseSchema, 'Sent'), 404: errorResponse('Unknown token, or no pool for the pair'), ...rpcErrors, ...commonErrorResponses },
});

export const status = createRoute({
  method: 'get',
  path: '/gateway/swaps/{transaction_hash}/status',
  tags,
  summary: 'One recorded swap by transaction hash',
  request: { params: z.object({ transaction_hash: z.string().min(1).max(200) }) },
  responses: { 200: json(SwapRowSchema, 'The swap'), 404: errorResponse('No swap with that hash'), ...commonErrorResponses },
});

export const search = createRoute({
  method: 'post',
  path: '/gateway/swaps/search',
  tags,
  summary: 'Search the swap history (newest first)',
  description: 'Filters as query parameters (Hummingbot API) or as a JSON body (what its Python client 1.5.1 sends); the body wins where both are given. One database round trip.',
  request: {
    query: SwapSearchSchema.partial(),
    body: { content: { 'application/json': { schema: SwapSearchSchema.partial() } }, required: false },
  },
  responses: { 200: json(SwapSearchResponseSchema, 'A page of swaps'), ...commonErrorResponses },
});

export const summary = createRoute({
  method: 'get',
  path: '/gateway/swaps/summary',
  tags,
  summary: 'Swap counts, volume and gas fees',
  description: 'Counted and summed by Postgres over exact decimals, in one round trip.',
  request: { query: SwapSummaryQuerySchema },
  responses: { 200: json(SwapSummarySchema, 'Summary'), ...commonErrorResponses },
});
