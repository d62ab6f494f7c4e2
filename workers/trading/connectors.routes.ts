import { createRoute } from '@hono/zod-openapi';
import { json } from '../../lib/openapi';
import { ConnectorNameListSchema } from '../../schemas/accounts';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { ConfigMapSchema, ConnectorPathSchema, OrderTypesSchema, TradingRulesQuerySchema, TradingRulesSchema } from '../../schemas/exchange-connectors';

const tags = ['Connectors'];

export const listConnectors = createRoute({
  method: 'get',
  path: '/connectors',
  tags,
  summary: 'Exchange connectors by Hummingbot name (also served at /connectors/, as Hummingbot API spells it)',
  responses: { 200: json(ConnectorNameListSchema, 'Connector names'), ...commonErrorResponses },
});

export const configMap = createRoute({
  method: 'get',
  path: '/connectors/{connector_name}/config-map',
  tags,
  summary: "The connector's credential fields, as add-credential takes them",
  request: { params: ConnectorPathSchema },
  responses: { 200: json(ConfigMapSchema, 'Field name → type and whether required'), 404: errorResponse('Unknown connector'), ...commonErrorResponses },
});

export const tradingRules = createRoute({
  method: 'get',
  path: '/connectors/{connector_name}/trading-rules',
  tags,
  summary: "Trading rules per pair (Hummingbot's fields) from the exchange's markets",
  description: 'Markets are kept by the connector\'s exchange session and in Postgres (30 min), so most calls send no request to the exchange.',
  request: { params: ConnectorPathSchema, query: TradingRulesQuerySchema },
  responses: {
    200: json(TradingRulesSchema, 'By trading pair'),
    404: errorResponse('Unknown connector'),
    429: errorResponse('The exchange rate-limited the markets request (Retry-After says when to retry)'),
    503: errorResponse('The exchange is unreachable'),
    ...commonErrorResponses,
  },
});

export const orderTypes = createRoute({
  method: 'get',
  path: '/connectors/{connector_name}/order-types',
  tags,
  summary: 'Order types the connector supports',
  request: { params: ConnectorPathSchema },
  responses: { 200: json(OrderTypesSchema, 'Order types'), 404: errorResponse('Unknown connector'), ...commonErrorResponses },
});
