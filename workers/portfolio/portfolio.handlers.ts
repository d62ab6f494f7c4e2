import type { AppRouteHandler } from '../../lib/app';
import { accountsDistribution as byAccount, tokenDistribution } from '../../lib/portfolio/distribution';
import { getPortfolioHistory } from '../../lib/portfolio/history';
import { getPortfolioState, stateRows } from '../../lib/portfolio/state';
import type { PortfolioEnv } from './env';
import type * as routes from './portfolio.routes';

export const state: AppRouteHandler<typeof routes.state, PortfolioEnv> = async (c) => {
  const { account_names: accountNames, connector_names: connectorNames, skip_gateway: skipGateway } = c.req.valid('json');
  return c.json(stateRows(await getPortfolioState(c.env, { accountNames, connectorNames, skipGateway })), 200);
};

export const history: AppRouteHandler<typeof routes.history, PortfolioEnv> = async (c) => {
  const body = c.req.valid('json');
  const page = await getPortfolioHistory(c.env, {
    accountNames: body.account_names,
    connectorNames: body.connector_names,
    limit: body.limit,
    cursor: body.cursor,
    startTime: body.start_time,
    endTime: body.end_time,
    interval: body.interval,
  });
  return c.json(page, 200);
};

export const distribution: AppRouteHandler<typeof routes.distribution, PortfolioEnv> = async (c) => {
  const { account_names: accountNames, connector_names: connectorNames } = c.req.valid('json');
  const current = await getPortfolioState(c.env, { accountNames, connectorNames });
  return c.json(tokenDistribution(current, accountNames?.length ? accountNames.join(',') : 'all_accounts'), 200);
};

export const accountsDistribution: AppRouteHandler<typeof routes.accountsDistribution, PortfolioEnv> = async (c) => c.json(byAccount(await getPortfolioState(c.env)), 200);
