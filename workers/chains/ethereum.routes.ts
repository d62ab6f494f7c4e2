import { createRoute } from '@hono/zod-openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { WrapRequestSchema } from '../../schemas/chains';
import { AllowancesRequestSchema, AllowancesResponseSchema, ApproveRequestSchema, ApproveResponseSchema } from '../../schemas/ethereum';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { chainRoutes } from './chain.routes';

const tags = ['Ethereum'];

export const { status, estimateGas, balances, poll, wrap, unwrap } = chainRoutes('ethereum', {
  tag: tags[0],
  status: { summary: 'Network status and latest block' },
  estimateGas: { summary: 'Gas price (gwei) and the fee of a 300k-gas transaction' },
  balances: { summary: 'Native and token balances of any address, in one RPC request' },
  poll: { summary: "A transaction's status: 1 confirmed, 0 pending, -1 failed (reverted) or not found" },
  wrap: { summary: 'Wrap the native currency (ETH to WETH)' },
  unwrap: { summary: 'Unwrap to the native currency (WETH to ETH)', request: WrapRequestSchema },
});

export const allowances = createRoute({
  method: 'post',
  path: '/chains/ethereum/allowances',
  tags,
  summary: "Tokens' allowances for a spender, in one RPC request",
  request: jsonBody(AllowancesRequestSchema),
  responses: { 200: json(AllowancesResponseSchema, 'Allowances in human units'), 404: errorResponse('Unknown token'), ...rpcErrors, ...commonErrorResponses },
});

export const approve = createRoute({
  method: 'post',
  path: '/chains/ethereum/approve',
  tags,
  summary: 'Approve a spender (simulated first; a failing approval is refused and costs nothing)',
  request: { ...jsonBody(ApproveRequestSchema), headers: idempotencyHeader },
  responses: { ...idempotencyConflict, 200: json(ApproveResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown token or wallet'), ...rpcErrors, ...commonErrorResponses },
});
