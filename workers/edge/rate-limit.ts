import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../lib/env';
import { TooManyRequestsError } from '../../lib/errors';
import type { EdgeEnv } from './env';

/**
 * Per-client limit through the Workers rate-limiting binding (its limit and period live in the
 * binding's configuration). The client is its IP as Cloudflare reports it.
 */
export const rateLimit: MiddlewareHandler<AppEnv<EdgeEnv>> = async (c, next) => {
  const limiter = c.env.RATE_LIMITER;
  if (limiter) {
    const client = c.req.header('cf-connecting-ip') ?? 'local';
    const { success } = await limiter.limit({ key: client });
    if (!success) {
      c.header('Retry-After', '60');
      throw new TooManyRequestsError('Rate limit exceeded, retry in 1 minute', 'RATE_LIMITED');
    }
  }
  await next();
};
