import type { AppRouteHandler } from '../../lib/app';
import { exchangeConnector } from '../../lib/exchanges/connectors';
import { searchOrders } from '../../lib/exchanges/orders/search-orders';
import { searchTrades } from '../../lib/exchanges/orders/search-trades';
import { exchangeSession } from '../../lib/exchanges/session-client';
import { exchangeAccountScope, idempotencyOf, runOnce } from '../../lib/idempotency';
import { unwrapResult } from '../../lib/rpc';
import type { TradingEnv } from './env';
import type * as routes from './orders.routes';

export const placeOrder: AppRouteHandler<typeof routes.placeOrder, TradingEnv> = async (c) => {
  const request = c.req.valid('json');
  const connector = exchangeConnector(request.connector_name);
  const session = exchangeSession(c.env, connector.name, request.account_name);
  const idempotency = await idempotencyOf(c, request);
  const placed = await runOnce(c.env, exchangeAccountScope(connector.name, request.account_name), idempotency, async () =>
    unwrapResult(await session.placeOrder({ ...request, idempotencyKey: idempotency?.key })),
  );
  return c.json(placed, 201);
};

export const cancelOrder: AppRouteHandler<typeof routes.cancelOrder, TradingEnv> = async (c) => {
  const { account_name: account, connector_name: name, client_order_id: clientOrderId } = c.req.valid('param');
  const connector = exchangeConnector(name);
  unwrapResult(await exchangeSession(c.env, connector.name, account).cancelOrder(account, connector.name, clientOrderId));
  return c.json({ message: `Order cancellation initiated for ${clientOrderId}` }, 200);
};

/** The list filters every search route shares, as the search actions name them. */
function listFilter(filter: { account_names?: string[]; connector_names?: string[]; trading_pairs?: string[]; start_time?: number; end_time?: number; limit: number; cursor?: string | null }) {
  return {
    accountNames: filter.account_names,
    connectorNames: filter.connector_names,
    tradingPairs: filter.trading_pairs,
    startTime: filter.start_time,
    endTime: filter.end_time,
    limit: filter.limit,
    cursor: filter.cursor,
  };
}

export const activeOrders: AppRouteHandler<typeof routes.activeOrders, TradingEnv> = async (c) => {
  const filter = c.req.valid('json');
  return c.json(await searchOrders(c.env, { ...listFilter(filter), status: 'active' }), 200);
};

export const searchOrdersHandler: AppRouteHandler<typeof routes.searchOrders, TradingEnv> = async (c) => {
  const filter = c.req.valid('json');
  return c.json(await searchOrders(c.env, { ...listFilter(filter), status: filter.status }), 200);
};

export const searchTradesHandler: AppRouteHandler<typeof routes.searchTrades, TradingEnv> = async (c) => {
  const filter = c.req.valid('json');
  return c.json(await searchTrades(c.env, { ...listFilter(filter), tradeTypes: filter.trade_types }), 200);
};
