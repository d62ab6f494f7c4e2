import type { AppRouteHandler } from '../../lib/app';
import * as accounts from '../../lib/accounts/store';
import { checkCredentials } from '../../lib/exchanges/credentials';
import { exchangeConnector } from '../../lib/exchanges/connectors';
import { exchangeSession } from '../../lib/exchanges/session-client';
import { unwrapResult } from '../../lib/rpc';
import type { TradingEnv } from './env';
import type * as routes from './accounts.routes';

export const listAccounts: AppRouteHandler<typeof routes.listAccounts, TradingEnv> = async (c) => c.json(await accounts.listAccounts(c.env), 200);

export const listCredentials: AppRouteHandler<typeof routes.listCredentials, TradingEnv> = async (c) =>
  c.json(await accounts.listCredentials(c.env, c.req.valid('param').account_name), 200);

export const addAccount: AppRouteHandler<typeof routes.addAccount, TradingEnv> = async (c) => {
  await accounts.addAccount(c.env, c.req.valid('query').account_name);
  return c.json({ message: 'Account added successfully.' }, 201);
};

export const deleteAccount: AppRouteHandler<typeof routes.deleteAccount, TradingEnv> = async (c) => {
  const account = c.req.valid('query').account_name;
  const connectors = account === accounts.MASTER_ACCOUNT ? [] : await accounts.listCredentials(c.env, account);
  await accounts.deleteAccount(c.env, account);
  await Promise.all(connectors.map((connector) => exchangeSession(c.env, connector, account).forget()));
  return c.json({ message: 'Account deleted successfully.' }, 200);
};

export const addCredential: AppRouteHandler<typeof routes.addCredential, TradingEnv> = async (c) => {
  const { account_name: account, connector_name: name } = c.req.valid('param');
  const connector = exchangeConnector(name);
  const credentials = checkCredentials(connector, c.req.valid('json'));
  // Checked before the exchange is asked anything.
  await accounts.requireAccount(c.env, account);
  unwrapResult(await exchangeSession(c.env, connector.name, account).addCredentials(account, connector.name, credentials));
  return c.json({ message: 'Connector credentials added successfully.' }, 201);
};

export const deleteCredential: AppRouteHandler<typeof routes.deleteCredential, TradingEnv> = async (c) => {
  const { account_name: account, connector_name: connector } = c.req.valid('param');
  await accounts.deleteCredentials(c.env, account, connector);
  await exchangeSession(c.env, connector, account).forget();
  return c.json({ message: 'Credential deleted successfully.' }, 200);
};
