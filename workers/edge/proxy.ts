import type { Handler } from 'hono';
import { REQUEST_ID_HEADER } from '../../lib/app';
import type { AppEnv } from '../../lib/env';
import { NotFoundError, ServiceUnavailableError } from '../../lib/errors';
import { describeError, log } from '../../lib/log';
import type { EdgeEnv } from './env';
import { upstreamFor } from './routing';

/** Forwards an authenticated request to the router worker that owns its path, with the request id. */
export const forward: Handler<AppEnv<EdgeEnv>> = async (c) => {
  const upstream = upstreamFor(c.req.path);
  if (!upstream) throw new NotFoundError(`Route ${c.req.method}:${c.req.path} not found`);
  const headers = new Headers(c.req.raw.headers);
  // Credentials stop at the edge: routers never see (or log) them.
  headers.delete('authorization');
  headers.set(REQUEST_ID_HEADER, c.get('requestId'));
  let request = new Request(c.req.raw, { headers });
  if (c.req.path.startsWith('/ws/')) {
    // A WebSocket's `?token=` credentials stop here too.
    const url = new URL(c.req.url);
    url.searchParams.delete('token');
    request = new Request(url.toString(), { headers });
  }
  try {
    return await c.env[upstream].fetch(request);
  } catch (err) {
    log('error', 'router worker unreachable', { requestId: c.get('requestId'), upstream, ...describeError(err) });
    throw new ServiceUnavailableError(`The ${upstream.toLowerCase().replace('_', '-')} service is unavailable, retry shortly`);
  }
};
