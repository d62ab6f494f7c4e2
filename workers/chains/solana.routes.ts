import { createRoute } from '@hono/zod-openapi';
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
import { SolanaUnwrapRequestSchema } from '../../schemas/solana';
import { idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';

const tags = ['Solana'];

export const status = createRoute({
  method: 'get',
  path: '/chains/solana/status',
  tags,
  summary: 'Network status and current slot',
  request: { query: NetworkQuerySchema },
  responses: { 200: json(StatusResponseSchema, 'Status'), ...rpcErrors, ...commonErrorResponses },
});

export const estimateGas = createRoute({
  method: 'get',
  path: '/chains/solana/estimate-gas',
  tags,
  summary: 'Priority fee (lamports per compute unit) and the fee of a defaultComputeUnits transaction, in SOL',
  description: "From recent prioritization fees at the network's priorityFeeLevel, within its min/max; minPriorityFeePerCU when the node cannot say.",
  request: { query: NetworkQuerySchema },
  responses: { 200: json(EstimateGasResponseSchema, 'Fee estimate'), ...commonErrorResponses },
});

export const balances = createRoute({
  method: 'post',
  path: '/chains/solana/balances',
  tags,
  summary: 'SOL and token balances of any address, in one RPC request',
  description: 'Reads the address and its associated token accounts (Token and Token-2022) with one getMultipleAccounts; tokens held outside associated accounts are not counted.',
  request: jsonBody(BalancesRequestSchema),
  responses: { 200: json(BalancesResponseSchema, 'Balances in human units'), 404: errorResponse('Unknown token'), ...rpcErrors, ...commonErrorResponses },
});

export const poll = createRoute({
  method: 'post',
  path: '/chains/solana/poll',
  tags,
  summary: "A transaction's status: 1 confirmed, -1 failed, 0 not found (yet)",
  request: jsonBody(PollRequestSchema),
  responses: { 200: json(PollResponseSchema, 'Transaction status'), ...rpcErrors, ...commonErrorResponses },
});

export const wrap = createRoute({
  method: 'post',
  path: '/chains/solana/wrap',
  tags,
  summary: 'Wrap SOL into WSOL (the WSOL account is created when missing; simulated first, a failing wrap costs nothing)',
  request: { ...jsonBody(WrapRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(WrapResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown wallet'), ...rpcErrors, ...commonErrorResponses },
});

export const unwrap = createRoute({
  method: 'post',
  path: '/chains/solana/unwrap',
  tags,
  summary: 'Unwrap WSOL to SOL by closing the WSOL account (its whole balance, as in Gateway)',
  request: { ...jsonBody(SolanaUnwrapRequestSchema), headers: idempotencyHeader },
  responses: { 200: json(WrapResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown wallet'), ...rpcErrors, ...commonErrorResponses },
});
