import { createRoute } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  AccountsDistributionSchema,
  PortfolioDistributionRequestSchema,
  PortfolioDistributionSchema,
  PortfolioHistoryRequestSchema,
  PortfolioHistorySchema,
  PortfolioStateRequestSchema,
  PortfolioStateSchema,
} from '../../schemas/portfolio';

const tags = ['Portfolio'];
const liveErrors = {
  ...commonErrorResponses,
  429: errorResponse('An exchange or RPC node rate-limited a request'),
  503: errorResponse('An exchange or RPC node is unreachable'),
};

export const state = createRoute({
  method: 'post',
  path: '/portfolio/state',
  tags,
  summary: 'Balances per account and connector, priced in USDT; Colibri wallets under master_account as chain-network',
  description:
    'One balance request per (account, connector), one tickers request per pricing exchange, one RPC request per wallet network. Stablecoins are 1; wrapped tokens are priced as their native coin (WETH as ETH); a token no source prices is shown with price 0 and `price_missing: true`.',
  request: jsonBody(PortfolioStateRequestSchema),
  responses: { 200: json(PortfolioStateSchema, 'account → connector → token rows'), ...liveErrors },
});

export const history = createRoute({
  method: 'post',
  path: '/portfolio/history',
  tags,
  summary: 'Portfolio snapshots, newest first, one per interval, paged by cursor',
  description: 'Snapshots are taken by a cron trigger (every 5 min by default: PORTFOLIO_SNAPSHOT_INTERVAL_MINUTES). start_time and end_time are Unix ms.',
  request: jsonBody(PortfolioHistoryRequestSchema),
  responses: { 200: json(PortfolioHistorySchema, 'A page of snapshots'), ...commonErrorResponses },
});

export const distribution = createRoute({
  method: 'post',
  path: '/portfolio/distribution',
  tags,
  summary: 'Holdings by token across accounts and connectors (one shape whatever the filters)',
  request: jsonBody(PortfolioDistributionRequestSchema),
  responses: { 200: json(PortfolioDistributionSchema, 'By token'), ...liveErrors },
});

export const accountsDistribution = createRoute({
  method: 'get',
  path: '/portfolio/accounts-distribution',
  tags,
  summary: 'Value by account and connector',
  responses: { 200: json(AccountsDistributionSchema, 'By account'), ...liveErrors },
});
