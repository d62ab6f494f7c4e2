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

/** Hummingbot API's WebSockets, which browsers cannot give headers: they may also pass `?token=base64(user:pass)`. */
const TOKEN_PATHS = new Set(['/ws/market-data']);

/**
 * A WebSocket upgrade that failed auth gets what Hummingbot API's clients expect: the socket is
 * accepted, told `{"type":"error","message":"Authentication failed"}`, and closed with code 4001.
 */
function refuseWebSocket(): Response {
  const { 0: client, 1: server } = new WebSocketPair();
  server.accept();
  server.send(JSON.stringify({ type: 'error', message: 'Authentication failed' }));
  server.close(4001, 'Authentication failed');
  return new Response(null, { status: 101, webSocket: client });
}

/**
 * Webhook alerts (`/hooks/{id}`): alert services cannot send Basic auth, so each webhook authenticates
 * its alerts itself (a signature or a body secret, checked by the webhooks worker).
 */
export const isWebhookAlert = (path: string) => path.startsWith('/hooks/');

/** HTTP Basic (hummingbot-api clients) or Bearer API key (Gateway clients) on every non-public route. */
export const authenticate: MiddlewareHandler<AppEnv<EdgeEnv>> = async (c, next) => {
  if (c.req.method === 'OPTIONS' || PUBLIC_PATHS.has(c.req.path) || c.req.path.startsWith('/docs/assets/') || isWebhookAlert(c.req.path)) return next();
  const token = TOKEN_PATHS.has(c.req.path) ? c.req.query('token') : undefined;
  const header = c.req.header('authorization') ?? (token ? `Basic ${token}` : undefined);
  if (!(await authorized(header, c.env))) {
    if (TOKEN_PATHS.has(c.req.path) && c.req.header('upgrade')?.toLowerCase() === 'websocket') return refuseWebSocket();
    c.header('WWW-Authenticate', 'Basic realm="colibri", charset="UTF-8"');
    throw new UnauthorizedError(header ? 'Incorrect username or password' : 'Not authenticated');
  }
  await next();
};
