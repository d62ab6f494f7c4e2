import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { Config } from '../../lib/config/store';
import { idempotencyOf } from '../../lib/idempotency';
import { clmmRequest } from './clmm';
import type * as routes from './clmm.routes';
import type { ConnectorsEnv } from './env';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;

async function open(env: ConnectorsEnv, dex: string, network?: string) {
  // Awaited here: workerd reports a rejected promise handed up through `return` as unhandled.
  return await clmmRequest(env, await Config.load(env), dex, network);
}

export const poolInfo: Handler<typeof routes.poolInfo> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await open(c.env, c.req.valid('param').dex, query.network)).poolInfo(query), 200);
};

export const positionInfo: Handler<typeof routes.positionInfo> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await open(c.env, c.req.valid('param').dex, query.network)).positionInfo(query), 200);
};

export const positionsOwned: Handler<typeof routes.positionsOwned> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await open(c.env, c.req.valid('param').dex, query.network)).positionsOwned(query), 200);
};

export const quotePosition: Handler<typeof routes.quotePosition> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await open(c.env, c.req.valid('param').dex, query.network)).quotePosition(query), 200);
};

export const quoteSwap: Handler<typeof routes.quoteSwap> = async (c) => {
  const query = c.req.valid('query');
  return c.json(await (await open(c.env, c.req.valid('param').dex, query.network)).quoteSwap(query), 200);
};

export const executeSwap: Handler<typeof routes.executeSwap> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await open(c.env, c.req.valid('param').dex, body.network)).executeSwap(body, await idempotencyOf(c, body)), 200);
};

export const openPosition: Handler<typeof routes.openPosition> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await open(c.env, c.req.valid('param').dex, body.network)).openPosition(body, await idempotencyOf(c, body)), 200);
};

export const addLiquidity: Handler<typeof routes.addLiquidity> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await open(c.env, c.req.valid('param').dex, body.network)).addLiquidity(body, await idempotencyOf(c, body)), 200);
};

export const removeLiquidity: Handler<typeof routes.removeLiquidity> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await open(c.env, c.req.valid('param').dex, body.network)).removeLiquidity(body, await idempotencyOf(c, body)), 200);
};

export const collectFees: Handler<typeof routes.collectFees> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await open(c.env, c.req.valid('param').dex, body.network)).collectFees(body, await idempotencyOf(c, body)), 200);
};

export const closePosition: Handler<typeof routes.closePosition> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await (await open(c.env, c.req.valid('param').dex, body.network)).closePosition(body, await idempotencyOf(c, body)), 200);
};
