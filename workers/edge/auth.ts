import type { MiddlewareHandler } from 'hono';
import { constantTimeEqual } from '../../lib/crypto';
import type { AppEnv } from '../../lib/env';
import { ServiceUnavailableError, UnauthorizedError } from '../../lib/errors';
import type { EdgeEnv } from './env';

/** Routes anyone may call: health (Hummingbot's ping) and the docs. */
const PUBLIC_PATHS = new Set(['/', '/docs', '/docs/json', '/openapi.json']);
const DEFAULT_CREDENTIALS = { username: 'admin', password: 'admin', apiKey: 'colibri-dev-key' };

function decodeBasic(token: string): { username: string; password: string } | undefined {
  try {
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(token), (char) => char.charCodeAt(0)));
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

function isDevelopment(env: EdgeEnv): boolean {
  return env.ENVIRONMENT === 'development';
}

/** A deployed edge with missing or default credentials (Basic or Bearer) refuses all traffic instead of running open. */
export const refuseDefaultCredentials: MiddlewareHandler<AppEnv<EdgeEnv>> = async (c, next) => {
  if (isDevelopment(c.env)) return next();
  const { USERNAME, PASSWORD, API_KEY } = c.env;
  if (!USERNAME || !PASSWORD || (USERNAME === DEFAULT_CREDENTIALS.username && PASSWORD === DEFAULT_CREDENTIALS.password)) {
    throw new ServiceUnavailableError(
      'Colibri refuses to serve with missing or default credentials: set the USERNAME and PASSWORD secrets (wrangler secret put USERNAME).',
      'DEFAULT_CREDENTIALS',
    );
  }
  if (!API_KEY || API_KEY === DEFAULT_CREDENTIALS.apiKey) {
    throw new ServiceUnavailableError(
      'Colibri refuses to serve with a missing or default API key: set the API_KEY secret (wrangler secret put API_KEY).',
      'DEFAULT_CREDENTIALS',
    );
  }
  await next();
};

async function authorized(header: string | undefined, env: EdgeEnv): Promise<boolean> {
  if (!header) return false;
  const [scheme, token = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const credentials = decodeBasic(token);
    if (!credentials || !env.USERNAME || !env.PASSWORD) return false;
    const [userOk, passwordOk] = await Promise.all([
      constantTimeEqual(credentials.username, env.USERNAME),
      constantTimeEqual(credentials.password, env.PASSWORD),
    ]);
    return userOk && passwordOk;
  }
  if (scheme.toLowerCase() === 'bearer') return env.API_KEY ? constantTimeEqual(token, env.API_KEY) : false;
  return false;
}

/** HTTP Basic (hummingbot-api clients) or Bearer API key (Gateway clients) on every non-public route. */
export const authenticate: MiddlewareHandler<AppEnv<EdgeEnv>> = async (c, next) => {
  if (c.req.method === 'OPTIONS' || PUBLIC_PATHS.has(c.req.path) || c.req.path.startsWith('/docs/assets/')) return next();
  const header = c.req.header('authorization');
  if (!(await authorized(header, c.env))) {
    c.header('WWW-Authenticate', 'Basic realm="colibri", charset="UTF-8"');
    throw new UnauthorizedError(header ? 'Incorrect username or password' : 'Not authenticated');
  }
  await next();
};
