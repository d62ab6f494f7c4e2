import { createRoute } from '@hono/zod-openapi';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { ChainExecuteSwapSchema, ChainQuoteSwapSchema, TradingSwapBodySchema, TradingSwapQuerySchema } from '../../schemas/trading';

const tags = ['Trading'];
const dispatch =
  "Served by `connector` (`dex/type`), or the network's `swapProvider` when omitted; a provider Colibri does not serve yet is a 400 `Unsupported swap provider`. " +
  'amm, clmm: the pool /pools lists for the pair (the first, for several fee tiers), or a 404 naming the pair. ' +
  "router: the best direct or one-hop route over the connector's listed pools; the quote carries a `quoteId` for execute-quote.";

export const quote = createRoute({
  method: 'get',
  path: '/trading/swap/quote',
  tags,
  summary: 'Swap quote on any connector',
  description: dispatch,
  request: { query: TradingSwapQuerySchema },
  responses: { 200: json(ChainQuoteSwapSchema, 'Quote'), 404: errorResponse('Unknown token, or no pool for the pair'), ...rpcErrors, ...commonErrorResponses },
});

export const execute = createRoute({
  method: 'post',
  path: '/trading/swap/execute',
  tags,
  summary: 'Quote and swap on any connector (simulated first)',
  description: `${dispatch} A swap that would revert is refused with a 400 and costs nothing.`,
  request: { ...jsonBody(TradingSwapBodySchema), headers: idempotencyHeader },
  responses: { ...idempotencyConflict, 200: json(ChainExecuteSwapSchema, 'Sent and awaited; `data` once confirmed'), 404: errorResponse('Unknown token, or no pool for the pair'), ...rpcErrors, ...commonErrorResponses },
});
