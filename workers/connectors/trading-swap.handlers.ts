import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { resolveChainNetwork } from '../../lib/chains/chain-network';
import type { Chain } from '../../lib/config/networks';
import { Config } from '../../lib/config/store';
import { idempotencyOf } from '../../lib/idempotency';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { BadRequestError } from '../../lib/errors';
import { ammRequest } from './amm';
import { clmmRequest } from './clmm';
import type { ConnectorsEnv } from './env';
import { routerRequest } from './router';
import type * as routes from './trading-swap.routes';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;

/** The schemas a unified swap can go to, each opened the way its own routes open it. */
const SWAP_SCHEMAS = { amm: ammRequest, clmm: clmmRequest, router: routerRequest };

/**
 * The connector schema a unified swap request goes to: `connector`, else the network's `swapProvider`.
 * Only schemas above, on connectors of the request's chain, are served; anything else is `Unsupported swap provider`.
 */
async function swapSchema(env: ConnectorsEnv, request: { chainNetwork: string; connector?: string }) {
  const { chain, network } = resolveChainNetwork(request) as { chain: Chain; network: string };
  const config = await Config.load(env);
  const provider = request.connector ?? config.network(chain, network).swapProvider ?? '';
  const [dex, type] = provider.split('/');
  const connector = CONNECTOR_REGISTRY[dex];
  if (!(type in SWAP_SCHEMAS) || connector?.chain !== chain || !connector[type as keyof typeof SWAP_SCHEMAS]) {
    throw new BadRequestError(`Unsupported swap provider: ${provider || '(none)'} on ${request.chainNetwork}`, 'UNSUPPORTED_SWAP_PROVIDER');
  }
  // Awaited here: workerd reports a rejected promise handed up through `return` as unhandled.
  return await SWAP_SCHEMAS[type as keyof typeof SWAP_SCHEMAS](env, config, dex, network);
}

export const quote: Handler<typeof routes.quote> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await swapSchema(c.env, query)).quoteSwap(query), 200);
};

export const execute: Handler<typeof routes.execute> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await swapSchema(c.env, body)).executeSwap(body, await idempotencyOf(c, body)), 200);
};
