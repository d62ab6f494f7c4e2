import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { Config } from '../../lib/config/store';
import { idempotencyOf } from '../../lib/idempotency';
import type { ConnectorsEnv } from './env';
import { routerRequest } from './router';
import type * as routes from './router.routes';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;

async function open(env: ConnectorsEnv, dex: string, network?: string) {
  // Awaited here: workerd reports a rejected promise handed up through `return` as unhandled.
  return await routerRequest(env, await Config.load(env), dex, network);
}

export const quoteSwap: Handler<typeof routes.quoteSwap> = async (c) => {
  const query = c.req.valid('query');
  const router = await open(c.env, c.req.valid('param').dex, query.network);
  return c.json(await router.quoteSwap(query), 200);
};

export const executeQuote: Handler<typeof routes.executeQuote> = async (c) => {
  const body = c.req.valid('json');
  const router = await open(c.env, c.req.valid('param').dex, body.network);
  return c.json(await router.executeQuote(body, await idempotencyOf(c, body)), 200);
};

export const executeSwap: Handler<typeof routes.executeSwap> = async (c) => {
  const body = c.req.valid('json');
  const router = await open(c.env, c.req.valid('param').dex, body.network);
  return c.json(await router.executeSwap(body, await idempotencyOf(c, body)), 200);
};
