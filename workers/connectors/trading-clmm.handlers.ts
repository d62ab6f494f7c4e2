import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { resolveChainNetwork } from '../../lib/chains/chain-network';
import { Config } from '../../lib/config/store';
import { idempotencyOf } from '../../lib/idempotency';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { BadRequestError } from '../../lib/errors';
import { clmmRequest } from './clmm';
import type { ConnectorsEnv } from './env';
import type * as routes from './trading-clmm.routes';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;

/** The CLMM a unified request names: a connector of the request's chain with a clmm schema, else a 400 as in Gateway. */
async function tradingClmm(env: ConnectorsEnv, request: { connector: string; chainNetwork: string }) {
  const { chain, network } = resolveChainNetwork(request);
  const connector = CONNECTOR_REGISTRY[request.connector];
  if (connector?.chain !== chain || !connector.clmm) throw new BadRequestError(`Unsupported connector: ${request.connector} (no clmm schema on ${chain})`, 'UNSUPPORTED_CONNECTOR');
  // Awaited here: workerd reports a rejected promise handed up through `return` as unhandled.
  return await clmmRequest(env, await Config.load(env), request.connector, network);
}

export const poolInfo: Handler<typeof routes.poolInfo> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await tradingClmm(c.env, query)).poolInfo(query), 200);
};

export const positionInfo: Handler<typeof routes.positionInfo> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await tradingClmm(c.env, query)).positionInfo(query), 200);
};

export const positionsOwned: Handler<typeof routes.positionsOwned> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await tradingClmm(c.env, query)).positionsOwned(query), 200);
};

export const quotePosition: Handler<typeof routes.quotePosition> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await tradingClmm(c.env, query)).quotePosition(query), 200);
};

export const open: Handler<typeof routes.open> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await tradingClmm(c.env, body)).openPosition(body, await idempotencyOf(c, body)), 200);
};

export const add: Handler<typeof routes.add> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await tradingClmm(c.env, body)).addLiquidity(body, await idempotencyOf(c, body)), 200);
};

export const remove: Handler<typeof routes.remove> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await tradingClmm(c.env, body)).removeLiquidity(body, await idempotencyOf(c, body)), 200);
};

export const collectFees: Handler<typeof routes.collectFees> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await tradingClmm(c.env, body)).collectFees(body, await idempotencyOf(c, body)), 200);
};

export const close: Handler<typeof routes.close> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await tradingClmm(c.env, body)).closePosition(body, await idempotencyOf(c, body)), 200);
};
