import { createRoute, type z } from '@hono/zod-openapi';
import {
  BalancesRequestSchema,
  BalancesResponseSchema,
  EstimateGasResponseSchema,
  NetworkQuerySchema,
  PollRequestSchema,
  PollResponseSchema,
  StatusResponseSchema,
  WrapRequestSchema,
  WrapResponseSchema,
} from '../../schemas/chains';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';

type Text = { summary: string; description?: string };

/** What differs between chains in the routes both serve: the words, and Solana's optional unwrap amount. */
export interface ChainRouteTexts<Unwrap extends z.ZodType> {
  tag: string;
  status: Text;
  estimateGas: Text;
  balances: Text;
  poll: Text;
  wrap: Text;
  unwrap: Text & { request: Unwrap };
}

/** The routes every chain serves (`/chains/{chain}/status`, ...), declared once. */
export function chainRoutes<Chain extends string, Unwrap extends z.ZodType>(chain: Chain, texts: ChainRouteTexts<Unwrap>) {
  const tags = [texts.tag];
  const sent = json(WrapResponseSchema, 'Sent and awaited');
  return {
    status: createRoute({
      method: 'get',
      path: `/chains/${chain}/status` as const,
      tags,
      ...texts.status,
      request: { query: NetworkQuerySchema },
      responses: { 200: json(StatusResponseSchema, 'Status'), ...rpcErrors, ...commonErrorResponses },
    }),
    estimateGas: createRoute({
      method: 'get',
      path: `/chains/${chain}/estimate-gas` as const,
      tags,
      ...texts.estimateGas,
      request: { query: NetworkQuerySchema },
      responses: { 200: json(EstimateGasResponseSchema, 'Gas estimate'), ...rpcErrors, ...commonErrorResponses },
    }),
    balances: createRoute({
      method: 'post',
      path: `/chains/${chain}/balances` as const,
      tags,
      ...texts.balances,
      request: jsonBody(BalancesRequestSchema),
      responses: { 200: json(BalancesResponseSchema, 'Balances in human units'), 404: errorResponse('Unknown token'), ...rpcErrors, ...commonErrorResponses },
    }),
    poll: createRoute({
      method: 'post',
      path: `/chains/${chain}/poll` as const,
      tags,
      ...texts.poll,
      request: jsonBody(PollRequestSchema),
      responses: { 200: json(PollResponseSchema, 'Transaction status'), ...rpcErrors, ...commonErrorResponses },
    }),
    wrap: createRoute({
      method: 'post',
      path: `/chains/${chain}/wrap` as const,
      tags,
      ...texts.wrap,
      request: { ...jsonBody(WrapRequestSchema), headers: idempotencyHeader },
      responses: { ...idempotencyConflict, 200: sent, 404: errorResponse('Unknown wallet'), ...rpcErrors, ...commonErrorResponses },
    }),
    unwrap: createRoute({
      method: 'post',
      path: `/chains/${chain}/unwrap` as const,
      tags,
      summary: texts.unwrap.summary,
      description: texts.unwrap.description,
      request: { ...jsonBody(texts.unwrap.request), headers: idempotencyHeader },
      responses: { ...idempotencyConflict, 200: sent, 404: errorResponse('Unknown wallet'), ...rpcErrors, ...commonErrorResponses },
    }),
  };
}
