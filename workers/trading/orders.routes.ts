import { createRoute } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { MessageResponseSchema } from '../../schemas/accounts';
import {
  AccountConnectorOrderPathSchema,
  ActiveOrdersRequestSchema,
  IdempotencyHeaderSchema,
  OrderRowSchema,
  OrderSearchRequestSchema,
  paginated,
  TradeRequestSchema,
  TradeResponseSchema,
  TradeRowSchema,
  TradeSearchRequestSchema,
} from '../../schemas/exchange-trading';

const tags = ['Trading'];

const exchangeErrors = {
  429: errorResponse('The exchange rate-limited the request (Retry-After says when to retry)'),
  503: errorResponse('The exchange is unreachable'),
};

export const placeOrder = createRoute({
  method: 'post',
  path: '/trading/orders',
  tags,
  summary: 'Place an order on a centralized exchange',
  description:
    "The order is checked against the pair's trading rules (amount rounded down to the lot step), written to Postgres under a new client order id, and sent with that id: `order_id` is how the exchange knows it. The account's exchange session then follows it to a final state (`/trading/orders/active`, `/trading/orders/search`, `/trading/trades`). With an `Idempotency-Key`, a retry returns the first order instead of placing another.",
  request: { headers: IdempotencyHeaderSchema, ...jsonBody(TradeRequestSchema) },
  responses: {
    201: json(TradeResponseSchema, 'Accepted by the exchange (or the first order of this Idempotency-Key)'),
    400: errorResponse("Invalid order (unknown pair with close matches, unsupported type, price missing, below the minimum size or notional), no credentials for the connector, or the exchange's refusal with its reason"),
    404: errorResponse('Unknown account or connector'),
    409: errorResponse('The Idempotency-Key was used for a different request'),
    ...exchangeErrors,
    401: commonErrorResponses[401],
    500: commonErrorResponses[500],
  },
});

export const cancelOrder = createRoute({
  method: 'post',
  path: '/trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel',
  tags,
  summary: 'Cancel an active order by its client order id',
  request: { params: AccountConnectorOrderPathSchema },
  responses: {
    200: json(MessageResponseSchema, 'Cancelled on the exchange and recorded'),
    404: errorResponse('No such active order for this account and connector (it may have ended already)'),
    ...exchangeErrors,
    ...commonErrorResponses,
  },
});

export const activeOrders = createRoute({
  method: 'post',
  path: '/trading/orders/active',
  tags,
  summary: 'Active orders (SUBMITTED, OPEN, PARTIALLY_FILLED, PENDING_CANCEL), newest first',
  request: jsonBody(ActiveOrdersRequestSchema),
  responses: { 200: json(paginated(OrderRowSchema, 'ActiveOrdersPage'), 'A page; pass pagination.next_cursor as cursor for the next'), ...commonErrorResponses },
});

export const searchOrders = createRoute({
  method: 'post',
  path: '/trading/orders/search',
  tags,
  summary: 'Orders by account, connector, pair, status and creation time (ms), newest first',
  request: jsonBody(OrderSearchRequestSchema),
  responses: { 200: json(paginated(OrderRowSchema, 'OrdersPage'), 'A page; pass pagination.next_cursor as cursor for the next'), ...commonErrorResponses },
});

export const searchTrades = createRoute({
  method: 'post',
  path: '/trading/trades',
  tags,
  summary: "Fills of the orders placed here, with the exchange's trade ids and fees, newest first",
  request: jsonBody(TradeSearchRequestSchema),
  responses: { 200: json(paginated(TradeRowSchema, 'TradesPage'), 'A page; pass pagination.next_cursor as cursor for the next'), ...commonErrorResponses },
});
