import type { AppRouteHandler } from '../../lib/app';
import { EXCHANGE_CONNECTORS, exchangeConnector } from '../../lib/exchanges/connectors';
import { exchangeSession } from '../../lib/exchanges/session-client';
import { unwrapResult } from '../../lib/rpc';
import type { TradingEnv } from './env';
import type * as routes from './connectors.routes';

export const listConnectors: AppRouteHandler<typeof routes.listConnectors, TradingEnv> = (c) => c.json([...EXCHANGE_CONNECTORS.keys()], 200);

export const configMap: AppRouteHandler<typeof routes.configMap, TradingEnv> = (c) => {
  const connector = exchangeConnector(c.req.valid('param').connector_name);
  const fields = connector.credentials.map((field) => [field.name, { type: field.type, required: field.required, ...(field.allowedValues ? { allowed_values: field.allowedValues } : {}) }]);
  return c.json(Object.fromEntries(fields), 200);
};

export const tradingRules: AppRouteHandler<typeof routes.tradingRules, TradingEnv> = async (c) => {
  const connector = exchangeConnector(c.req.valid('param').connector_name);
  const { trading_pairs: requested } = c.req.valid('query');
  const tradingPairs = requested === undefined ? undefined : [requested].flat();
  return c.json(unwrapResult(await exchangeSession(c.env, connector.name).tradingRules(connector.name, tradingPairs)), 200);
};

export const orderTypes: AppRouteHandler<typeof routes.orderTypes, TradingEnv> = (c) => {
  const connector = exchangeConnector(c.req.valid('param').connector_name);
  return c.json({ connector: connector.name, supported_order_types: connector.orderTypes }, 200);
};
