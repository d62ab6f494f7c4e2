import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { Config } from '../../lib/config/store';
import { idempotencyOf } from '../../lib/idempotency';
import { ammRequest } from './amm';
import type * as routes from './amm.routes';
import type { ConnectorsEnv } from './env';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;

async function open(env: ConnectorsEnv, dex: string, network?: string) {
  // Awaited here: workerd reports a rejected promise handed up through `return` as unhandled.
  return await ammRequest(env, await Config.load(env), dex, network);
}

export const poolInfo: Handler<typeof routes.poolInfo> = async (c) => {
  const query = c.req.valid('query');
  const amm = await open(c.env, c.req.valid('param').dex, query.network);
  return c.json(await amm.poolInfo(query), 200);
};

export const positionInfo: Handler<typeof routes.positionInfo> = async (c) => {
  const query = c.req.valid('query');
  const amm = await open(c.env, c.req.valid('param').dex, query.network);
  const owner = amm.wallet(query.walletAddress).address;
  return c.json(await amm.rpc(async () => amm.actions.positionInfo(amm.context, await amm.pair(query), owner)), 200);
};

export const quoteLiquidity: Handler<typeof routes.quoteLiquidity> = async (c) => {
  const query = c.req.valid('query');
  const amm = await open(c.env, c.req.valid('param').dex, query.network);
  return c.json(await amm.rpc(async () => amm.actions.quoteLiquidity(amm.context, { ...(await amm.pair(query)), ...query })), 200);
};

export const quoteSwap: Handler<typeof routes.quoteSwap> = async (c) => {
  const query = c.req.valid('query');
  const amm = await open(c.env, c.req.valid('param').dex, query.network);
  return c.json(await amm.quoteSwap(query), 200);
};

export const executeSwap: Handler<typeof routes.executeSwap> = async (c) => {
  const body = c.req.valid('json');
  const amm = await open(c.env, c.req.valid('param').dex, body.network);
  return c.json(await amm.executeSwap(body, await idempotencyOf(c, body)), 200);
};

export const addLiquidity: Handler<typeof routes.addLiquidity> = async (c) => {
  const body = c.req.valid('json');
  const amm = await open(c.env, c.req.valid('param').dex, body.network);
  const idempotency = await idempotencyOf(c, body);
  const wallet = amm.wallet(body.walletAddress, idempotency);
  const slippagePct = amm.slippagePct(body.slippagePct);
  return c.json(await amm.once(wallet, idempotency, async () => amm.actions.addLiquidity(amm.context, { ...(await amm.pair(body)), ...body, slippagePct, wallet })), 200);
};

export const removeLiquidity: Handler<typeof routes.removeLiquidity> = async (c) => {
  const body = c.req.valid('json');
  const amm = await open(c.env, c.req.valid('param').dex, body.network);
  const idempotency = await idempotencyOf(c, body);
  const wallet = amm.wallet(body.walletAddress, idempotency);
  return c.json(await amm.once(wallet, idempotency, async () => amm.actions.removeLiquidity(amm.context, { ...(await amm.pair(body)), ...body, slippagePct: amm.slippagePct(), wallet })), 200);
};
