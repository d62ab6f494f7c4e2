import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { resolveChainNetwork } from '../../lib/chains/chain-network';
import type { Chain } from '../../lib/config/networks';
import { Config } from '../../lib/config/store';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { BadRequestError } from '../../lib/errors';
import { ammRequest } from './amm';
import type { ConnectorsEnv } from './env';
import type * as routes from './trading-swap.routes';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;

/**
 * The AMM a unified swap request goes to: `connector`, else the network's `swapProvider`. Only amm
 * connectors of the request's chain are served so far; anything else is `Unsupported swap provider`.
 */
async function swapAmm(env: ConnectorsEnv, request: { chainNetwork: string; connector?: string }) {
  const { chain, network } = resolveChainNetwork(request) as { chain: Chain; network: string };
  const config = await Config.load(env);
  const provider = request.connector ?? config.network(chain as 'ethereum', network).swapProvider ?? '';
  const [dex, type] = provider.split('/');
  if (type !== 'amm' || CONNECTOR_REGISTRY[dex]?.chain !== chain || !CONNECTOR_REGISTRY[dex].amm) {
    throw new BadRequestError(`Unsupported swap provider: ${provider || '(none)'} on ${request.chainNetwork}`, 'UNSUPPORTED_SWAP_PROVIDER');
  }
  // Awaited here: workerd reports a rejected promise handed up through `return` as unhandled.
  return await ammRequest(env, config, dex, network);
}

export const quote: Handler<typeof routes.quote> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await swapAmm(c.env, query)).quoteSwap(query), 200);
};

export const execute: Handler<typeof routes.execute> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await swapAmm(c.env, body)).executeSwap(body, c.req.valid('header')['idempotency-key']), 200);
};
