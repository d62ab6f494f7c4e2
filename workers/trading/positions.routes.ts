import { createRoute } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import { AccountConnectorPathSchema } from '../../schemas/accounts';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  FundingPaymentRowSchema,
  FundingPaymentsRequestSchema,
  LeverageRequestSchema,
  paginated,
  PositionModeRequestSchema,
  PositionModeResponseSchema,
  PositionRowSchema,
  PositionsRequestSchema,
  StatusMessageSchema,
} from '../../schemas/exchange-trading';

const tags = ['Trading'];

const exchangeErrors = {
  404: errorResponse('Unknown account or connector'),
  429: errorResponse('The exchange rate-limited the request (Retry-After says when to retry)'),
  503: errorResponse('The exchange is unreachable'),
};

export const positions = createRoute({
  method: 'post',
  path: '/trading/positions',
  tags,
  summary: 'Open perpetual positions, live from the exchanges',
  description: 'Asks each (account, perpetual connector) holding credentials, as filtered, for its positions; the cursor is the last row\'s `account:connector:pair`.',
  request: jsonBody(PositionsRequestSchema),
  responses: { 200: json(paginated(PositionRowSchema, 'PositionsPage'), 'A page of positions'), ...exchangeErrors, ...commonErrorResponses },
});

export const getPositionMode = createRoute({
  method: 'get',
  path: '/trading/{account_name}/{connector_name}/position-mode',
  tags,
  summary: "The perpetual account's position mode, as the exchange has it",
  request: { params: AccountConnectorPathSchema },
  responses: { 200: json(PositionModeResponseSchema, 'HEDGE or ONEWAY'), 400: errorResponse('Not a perpetual connector, or no credentials for it'), ...exchangeErrors, 401: commonErrorResponses[401], 500: commonErrorResponses[500] },
});

export const setPositionMode = createRoute({
  method: 'post',
  path: '/trading/{account_name}/{connector_name}/position-mode',
  tags,
  summary: "Set the perpetual account's position mode (HEDGE or ONEWAY)",
  request: { params: AccountConnectorPathSchema, ...jsonBody(PositionModeRequestSchema) },
  responses: { 200: json(StatusMessageSchema, 'Set (or already so)'), 400: errorResponse("Not a perpetual connector, or the exchange's refusal (e.g. open positions)"), ...exchangeErrors, 401: commonErrorResponses[401], 500: commonErrorResponses[500] },
});

export const setLeverage = createRoute({
  method: 'post',
  path: '/trading/{account_name}/{connector_name}/leverage',
  tags,
  summary: 'Set the leverage of a perpetual pair',
  request: { params: AccountConnectorPathSchema, ...jsonBody(LeverageRequestSchema) },
  responses: { 200: json(StatusMessageSchema, 'Set'), 400: errorResponse("Not a perpetual connector, an unknown pair, or the exchange's refusal"), ...exchangeErrors, 401: commonErrorResponses[401], 500: commonErrorResponses[500] },
});

export const fundingPayments = createRoute({
  method: 'post',
  path: '/trading/funding-payments',
  tags,
  summary: "Funding payments of perpetual positions, from the exchanges' income history, newest first",
  description: 'New payments are fetched from each (account, perpetual connector) as filtered and stored once; the answer reads Postgres (time range applied).',
  request: jsonBody(FundingPaymentsRequestSchema),
  responses: { 200: json(paginated(FundingPaymentRowSchema, 'FundingPaymentsPage'), 'A page; pass pagination.next_cursor as cursor for the next'), ...exchangeErrors, ...commonErrorResponses },
});
