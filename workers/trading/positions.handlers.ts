import type { AppRouteHandler } from '../../lib/app';
import { listCredentialPairs } from '../../lib/accounts/store';
import { EXCHANGE_CONNECTORS, exchangeConnector } from '../../lib/exchanges/connectors';
import { isPerpetual } from '../../lib/exchanges/orders/context';
import { searchFundingPayments } from '../../lib/exchanges/orders/search-funding-payments';
import { exchangeSession } from '../../lib/exchanges/session-client';
import { unwrapResult } from '../../lib/rpc';
import type { PositionRow } from '../../schemas/exchange-trading';
import type { TradingEnv } from './env';
import type * as routes from './positions.routes';

/** The (account, perpetual connector) pairs holding credentials, as filtered. */
async function perpetualAccounts(env: TradingEnv, filter: { account_names?: string[]; connector_names?: string[] }) {
  const pairs = await listCredentialPairs(env, { accountNames: filter.account_names, connectorNames: filter.connector_names });
  return pairs.filter(({ connector }) => {
    const row = EXCHANGE_CONNECTORS.get(connector);
    return row !== undefined && isPerpetual(row);
  });
}

const positionKey = (row: PositionRow) => `${row.account_name}:${row.connector_name}:${row.trading_pair}:${row.side}`;

export const positions: AppRouteHandler<typeof routes.positions, TradingEnv> = async (c) => {
  const filter = c.req.valid('json');
  const accounts = await perpetualAccounts(c.env, filter);
  const all = (await Promise.all(accounts.map(async ({ account, connector }) => unwrapResult(await exchangeSession(c.env, connector, account).positions(account, connector))))).flat();
  all.sort((a, b) => (positionKey(a) < positionKey(b) ? -1 : 1));
  const after = filter.cursor ? all.filter((row) => positionKey(row) > filter.cursor!) : all;
  const data = after.slice(0, filter.limit);
  const hasMore = after.length > filter.limit;
  return c.json({ data, pagination: { limit: filter.limit, has_more: hasMore, next_cursor: hasMore ? positionKey(data.at(-1)!) : null, total_count: all.length } }, 200);
};

export const getPositionMode: AppRouteHandler<typeof routes.getPositionMode, TradingEnv> = async (c) => {
  const { account_name: account, connector_name: name } = c.req.valid('param');
  const connector = exchangeConnector(name);
  const mode = unwrapResult(await exchangeSession(c.env, connector.name, account).positionMode(account, connector.name));
  return c.json({ position_mode: mode, connector: connector.name, account }, 200);
};

export const setPositionMode: AppRouteHandler<typeof routes.setPositionMode, TradingEnv> = async (c) => {
  const { account_name: account, connector_name: name } = c.req.valid('param');
  const { position_mode: mode } = c.req.valid('json');
  const connector = exchangeConnector(name);
  unwrapResult(await exchangeSession(c.env, connector.name, account).setPositionMode(account, connector.name, mode));
  return c.json({ status: 'success' as const, message: `Position mode set to ${mode} for ${connector.name} in account ${account}` }, 200);
};

export const setLeverage: AppRouteHandler<typeof routes.setLeverage, TradingEnv> = async (c) => {
  const { account_name: account, connector_name: name } = c.req.valid('param');
  const { trading_pair: pair, leverage } = c.req.valid('json');
  const connector = exchangeConnector(name);
  unwrapResult(await exchangeSession(c.env, connector.name, account).setLeverage(account, connector.name, pair, leverage));
  return c.json({ status: 'success' as const, message: `Leverage for ${pair} set to ${leverage} on ${connector.name} in account ${account}` }, 200);
};

export const fundingPayments: AppRouteHandler<typeof routes.fundingPayments, TradingEnv> = async (c) => {
  const filter = c.req.valid('json');
  const accounts = await perpetualAccounts(c.env, filter);
  await Promise.all(accounts.map(async ({ account, connector }) => unwrapResult(await exchangeSession(c.env, connector, account).syncFundingPayments(account, connector))));
  return c.json(
    await searchFundingPayments(c.env, {
      accountNames: filter.account_names,
      connectorNames: filter.connector_names,
      tradingPair: filter.trading_pair,
      startTime: filter.start_time,
      endTime: filter.end_time,
      limit: filter.limit,
      cursor: filter.cursor,
    }),
    200,
  );
};
