import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { SwapExecuteSchema } from '../../schemas/amm';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { ExecuteQuoteBodySchema, RouterExecuteSwapBodySchema, RouterQuoteSwapQuerySchema, RouterQuoteSwapSchema } from '../../schemas/router';

// Gateway's `router` routes, declared once for every connector that implements the schema: `{dex}`
// picks the connector, whose SwapRouter02 (or fork) on the network does the work.

const routerConnectors = Object.keys(CONNECTOR_REGISTRY).filter((name) => CONNECTOR_REGISTRY[name].router);
const params = z.object({
  dex: z.string().openapi({ param: { name: 'dex', in: 'path' }, description: `One of: ${routerConnectors.join(', ')}`, example: 'uniswap' }),
});
const tags = ['Router (SwapRouter02)'];
const errors = { 404: errorResponse('Unknown connector or token, or no listed pool connects the pair (the pair is named)'), ...rpcErrors, ...commonErrorResponses };
const routing =
  "Routes over the connector's pools listed in /pools (V2 pairs as `amm`, V3 pools as `clmm`): the best of every direct and one-hop route, " +
  'V2 and V3 mixed when exact in (SELL); an exact-out (BUY) route stays on one protocol. The native currency (ETH) means its wrapped token. ' +
  'Approve the router itself with POST /chains/ethereum/approve `{"spender":"uniswap/router"}` (or `uniswap`): Colibri uses neither Permit2 nor the Universal Router.';
const sent = 'Simulated before it is sent: a swap that would revert (balance, allowance, slippage, deadline) is refused with a 400 and costs nothing.';

export const quoteSwap = createRoute({
  method: 'get',
  path: '/connectors/{dex}/router/quote-swap',
  tags,
  summary: 'Best route quote, stored for execute-quote (at most two RPC requests)',
  description: `${routing} The quote is kept about 30 s and can be executed once.`,
  request: { params, query: RouterQuoteSwapQuerySchema },
  responses: { 200: json(RouterQuoteSwapSchema, 'The quote and its route'), ...errors },
});

export const executeQuote = createRoute({
  method: 'post',
  path: '/connectors/{dex}/router/execute-quote',
  tags,
  summary: 'Swap a stored quote with its route and limits, once',
  description: `${sent} An unknown, expired or already executed quote is a 400 \`Quote not found or expired\` (code QUOTE_NOT_FOUND, QUOTE_EXPIRED, QUOTE_USED); a quote refused before signing (no approval, no funds) stays usable.`,
  request: { params, ...jsonBody(ExecuteQuoteBodySchema), headers: idempotencyHeader },
  responses: { ...idempotencyConflict, 200: json(SwapExecuteSchema, 'Sent and awaited; `data` once confirmed'), ...errors },
});

export const executeSwap = createRoute({
  method: 'post',
  path: '/connectors/{dex}/router/execute-swap',
  tags,
  summary: 'Quote the best route and swap it',
  description: `${routing} ${sent}`,
  request: { params, ...jsonBody(RouterExecuteSwapBodySchema), headers: idempotencyHeader },
  responses: { ...idempotencyConflict, 200: json(SwapExecuteSchema, 'Sent and awaited; `data` once confirmed'), ...errors },
});
