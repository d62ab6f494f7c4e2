import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  ClmmAddRequestSchema,
  ClmmEventsQuerySchema,
  ClmmEventsResponseSchema,
  ClmmOpenRequestSchema,
  ClmmOpenResponseSchema,
  ClmmOwnedPositionSchema,
  ClmmPoolInfoQuerySchema,
  ClmmPoolInfoSchema,
  ClmmPoolListSchema,
  ClmmPoolsQuerySchema,
  ClmmPositionRequestSchema,
  ClmmPositionSearchResponseSchema,
  ClmmPositionSearchSchema,
  ClmmPositionsOwnedRequestSchema,
  ClmmRemoveRequestSchema,
  ClmmTransactionResponseSchema,
} from '../../schemas/gateway';

const tags = ['Gateway CLMM'];
const served = "Served by Colibri's own CLMM connector through `/trading/clmm/*` (`connector` e.g. 'uniswap').";
const recorded =
  'Recorded as a `SUBMITTED` event of the position (one database round trip after the connector\'s transaction); the follower (a Cron Trigger, every minute) confirms it with the amounts and fees the receipt shows, as exact decimals. Positions opened elsewhere are not tracked.';
const errors = { 403: errorResponse('The wallet does not own the position'), 404: errorResponse('Unknown pool or position'), ...rpcErrors, ...commonErrorResponses };

export const poolInfo = createRoute({
  method: 'get',
  path: '/gateway/clmm/pool-info',
  tags,
  summary: 'A CLMM pool',
  description: `${served} No database round trip. \`bin_step\` is the tick spacing, \`active_bin_id\` the current tick.`,
  request: { query: ClmmPoolInfoQuerySchema },
  responses: { 200: json(ClmmPoolInfoSchema, 'The pool'), ...errors },
});

export const pools = createRoute({
  method: 'get',
  path: '/gateway/clmm/pools',
  tags,
  summary: "A connector's listed CLMM pools, paged",
  description: 'The clmm pools `/pools` lists for the connector on the network. Volume, TVL, APR and fees come from a market-data service Colibri does not call: they are null.',
  request: { query: ClmmPoolsQuerySchema },
  responses: { 200: json(ClmmPoolListSchema, 'Pools'), ...commonErrorResponses },
});

export const open = createRoute({
  method: 'post',
  path: '/gateway/clmm/open',
  tags,
  summary: 'Open a position',
  description: `${served} ${recorded} \`position_address\` is empty while the connector's wait for the receipt timed out; the follower fills it in.`,
  request: { ...jsonBody(ClmmOpenRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(ClmmOpenResponseSchema, 'Sent'), ...errors },
});

export const add = createRoute({
  method: 'post',
  path: '/gateway/clmm/add',
  tags,
  summary: 'Add liquidity to a position',
  description: `${served} ${recorded}`,
  request: { ...jsonBody(ClmmAddRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(ClmmTransactionResponseSchema, 'Sent'), ...errors },
});

export const remove = createRoute({
  method: 'post',
  path: '/gateway/clmm/remove',
  tags,
  summary: "Remove a percentage of a position's liquidity (and collect its fees)",
  description: `${served} ${recorded}`,
  request: { ...jsonBody(ClmmRemoveRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(ClmmTransactionResponseSchema, 'Sent'), ...errors },
});

export const collectFees = createRoute({
  method: 'post',
  path: '/gateway/clmm/collect-fees',
  tags,
  summary: "Collect a position's fees",
  description: `${served} ${recorded}`,
  request: { ...jsonBody(ClmmPositionRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(ClmmTransactionResponseSchema, 'Sent'), ...errors },
});

export const close = createRoute({
  method: 'post',
  path: '/gateway/clmm/close',
  tags,
  summary: 'Close a position (withdraw everything, collect, burn)',
  description: `${served} ${recorded}`,
  request: { ...jsonBody(ClmmPositionRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(ClmmTransactionResponseSchema, 'Sent'), ...errors },
});

export const positionsOwned = createRoute({
  method: 'post',
  path: '/gateway/clmm/positions_owned',
  tags,
  summary: "A wallet's positions in one pool",
  description: `${served} Symbols from the pool's /pools entry (one database round trip, beside the connector's reads).`,
  request: jsonBody(ClmmPositionsOwnedRequestSchema),
  responses: { 200: json(z.array(ClmmOwnedPositionSchema), 'Positions'), ...errors },
});

export const events = createRoute({
  method: 'get',
  path: '/gateway/clmm/positions/{position_address}/events',
  tags,
  summary: "A tracked position's events, newest first",
  description: 'One database round trip.',
  request: { params: z.object({ position_address: z.string().min(1).max(100) }), query: ClmmEventsQuerySchema },
  responses: { 200: json(ClmmEventsResponseSchema, 'Events'), 404: errorResponse('No tracked position with that address'), ...commonErrorResponses },
});

export const search = createRoute({
  method: 'post',
  path: '/gateway/clmm/positions/search',
  tags,
  summary: 'Search tracked positions, with their PnL',
  description:
    'Filters as query parameters (Hummingbot API; `position_addresses` repeatable) or a JSON body (what its Python client 1.5.1 sends). One database round trip for the page and its event sums, then the pool\'s current state per position ' +
    '(open: position-info; closed: pool-info, once per pool). `pnl_summary` is computed exactly from the confirmed events and that state (see the schema).',
  request: {
    query: ClmmPositionSearchSchema.partial(),
    body: { content: { 'application/json': { schema: ClmmPositionSearchSchema.partial() } }, required: false },
  },
  responses: { 200: json(ClmmPositionSearchResponseSchema, 'A page of positions'), ...rpcErrors, ...commonErrorResponses },
});
