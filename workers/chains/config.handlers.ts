import type { AppRouteHandler } from '../../lib/app';
import { CHAINS } from '../../lib/config/chains';
import { connectorSummaries } from '../../lib/connectors/registry';
import { Config } from '../../lib/config/store';
import { maskUrls, maskUrlsInText } from '../../lib/redact';
import type { ChainsEnv } from './env';
import type * as routes from './config.routes';

export const getConfig: AppRouteHandler<typeof routes.getConfig, ChainsEnv> = async (c) => {
  const { namespace } = c.req.valid('query');
  const config = await Config.load(c.env);
  return c.json(maskUrls(namespace ? config.get(namespace) : config.all()), 200);
};

export const updateConfig: AppRouteHandler<typeof routes.updateConfig, ChainsEnv> = async (c) => {
  const { namespace, path, value } = c.req.valid('json');
  const config = await Config.load(c.env);
  const written = await config.update(c.env, namespace, path, value);
  return c.json({ message: maskUrlsInText(`Configuration updated successfully: '${written.namespace}.${written.path}' set to ${JSON.stringify(written.value)}`) }, 200);
};

export const listChains: AppRouteHandler<typeof routes.listChains, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  return c.json({ chains: CHAINS.map((chain) => ({ chain, networks: config.networks(chain) })) }, 200);
};

export const listConnectors: AppRouteHandler<typeof routes.listConnectors, ChainsEnv> = (c) =>
  c.json(
    {
      connectors: connectorSummaries().map((connector) => ({
        name: connector.name,
        trading_types: connector.tradingTypes,
        chain: connector.chain,
        networks: connector.networks,
      })),
    },
    200,
  );

export const listNamespaces: AppRouteHandler<typeof routes.listNamespaces, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  return c.json({ namespaces: config.namespaces() }, 200);
};

export const restart: AppRouteHandler<typeof routes.restart, ChainsEnv> = (c) => c.json({}, 200);
