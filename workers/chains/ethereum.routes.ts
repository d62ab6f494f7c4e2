import { createRoute } from '@hono/zod-openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
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
import { AllowancesRequestSchema, AllowancesResponseSchema, ApproveRequestSchema, ApproveResponseSchema } from '../../schemas/ethereum';
import { idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';

const tags = ['Ethereum'];

export const status = createRoute({
  method: 'get',
  path: '/chains/ethereum/status',
  tags,
  summary: 'Network status and latest block',
  request: { query: NetworkQuerySchema },
  responses: { 200: json(StatusResponseSchema, 'Status'), ...rpcErrors, ...commonErrorResponses },
});

export const estimateGas = createRoute({
  method: 'get',
  path: '/chains/ethereum/estimate-gas',
  tags,
  summary: 'Gas price (gwei) and the fee of a 300k-gas transaction',
  request: { query: NetworkQuerySchema },
  responses: { 200: json(EstimateGasResponseSchema, 'Gas estimate'), ...rpcErrors, ...commonErrorResponses },
});

export const balances = createRoute({
  method: 'post',
  path: '/chains/ethereum/balances',
  tags,
  summary: 'Native and token balances of any address, in one RPC request',
  request: jsonBody(BalancesRequestSchema),
  responses: { 200: json(BalancesResponseSchema, 'Balances in human units'), 404: errorResponse('Unknown token'), ...rpcErrors, ...commonErrorResponses },
});

export const poll = createRoute({
  method: 'post',
  path: '/chains/ethereum/poll',
  tags,
  summary: "A transaction's status: 1 confirmed, 0 pending, -1 failed (reverted) or not found",
  request: jsonBody(PollRequestSchema),
  responses: { 200: json(PollResponseSchema, 'Transaction status'), ...rpcErrors, ...commonErrorResponses },
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
  responses: { 200: json(ApproveResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown token or wallet'), ...rpcErrors, ...commonErrorResponses },
});

export const wrap = createRoute({
  method: 'post',
  path: '/chains/ethereum/wrap',
  tags,
  summary: 'Wrap the native currency (ETH to WETH)',
  request: { ...jsonBody(WrapRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(WrapResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown wallet'), ...rpcErrors, ...commonErrorResponses },
});

export const unwrap = createRoute({
  method: 'post',
  path: '/chains/ethereum/unwrap',
  tags,
  summary: 'Unwrap to the native currency (WETH to ETH)',
  request: { ...jsonBody(WrapRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(WrapResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown wallet'), ...rpcErrors, ...commonErrorResponses },
});
