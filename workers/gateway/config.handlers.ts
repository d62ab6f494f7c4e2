import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { CONNECTOR_REGISTRY } from '../../lib/connectors/registry';
import { BadRequestError, ConflictError } from '../../lib/errors';
import type { Pool } from '../../schemas/pools';
import type * as routes from './config.routes';
import type { GatewayEnv } from './env';
import { parseNetworkId } from './naming';
import { upstream } from './upstream';

type Handler<R extends RouteConfig> = AppRouteHandler<R, GatewayEnv>;
type Json = Record<string, unknown>;

const BUILT_IN = 'The gateway is built into Colibri: it runs as long as Colibri does, and configuration changes apply at once';

/** Hummingbot API's naming of Gateway answers: snake_case keys, `baseSymbol`/`quoteSymbol` as `base`/`quote`, and `trading_pair`. */
export function snakeCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCase);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Json).map(([key, inner]): [string, unknown] => {
    if (key === 'baseSymbol') return ['base', inner];
    if (key === 'quoteSymbol') return ['quote', inner];
    return [key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(), snakeCase(inner)];
  });
  const normalized = Object.fromEntries(entries);
  if (typeof normalized.base === 'string' && typeof normalized.quote === 'string') normalized.trading_pair = `${normalized.base}-${normalized.quote}`;
  return normalized;
}

const snakeKey = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * Writes `{path: value}` pairs to a namespace through `/config/update`; a snake_case path names the
 * namespace's key it is the snake_case of (`node_url` is `nodeURL`). Validation is the config's own.
 */
async function updateNamespace(env: GatewayEnv, namespace: string, updates: Json, requestId: string) {
  const current = await upstream<Json>(env, 'CHAINS', '/config', { query: { namespace }, requestId });
  const keys = new Map(Object.keys(current).map((key) => [snakeKey(key), key]));
  const results: Json[] = [];
  for (const [path, value] of Object.entries(updates)) {
    const [head, ...rest] = path.split('.');
    const resolved = [keys.get(snakeKey(head)) ?? head, ...rest].join('.');
    results.push(await upstream<Json>(env, 'CHAINS', '/config/update', { body: { namespace, path: resolved, value }, requestId }));
  }
  return { success: true, message: `Updated ${results.length} config param(s) for ${namespace}; applied at once`, restart_required: false, restart_endpoint: 'POST /gateway/restart', results };
}

export const status: Handler<typeof routes.status> = (c) => c.json({ running: true as const, built_in: true as const, container_id: null, image: 'colibri (built in)', created_at: null, port: null }, 200);

export const start: Handler<typeof routes.start> = (c) => c.json({ success: true, message: `${BUILT_IN}: it is already running, nothing to start`, container_id: null, port: null }, 200);

export const stop: Handler<typeof routes.stop> = () => {
  throw new ConflictError(`${BUILT_IN}: it cannot be stopped on its own`, 'GATEWAY_BUILT_IN');
};

export const restart: Handler<typeof routes.restart> = (c) => c.json({ success: true, message: `${BUILT_IN}: nothing to restart`, container_id: null, port: null }, 200);

export const logs: Handler<typeof routes.logs> = (c) =>
  c.json({ success: true as const, logs: '', message: 'Colibri writes its logs to Cloudflare Workers Logs (`wrangler tail`, or the terminal of `npm run dev`); none are kept here' }, 200);

export const listConnectors: Handler<typeof routes.listConnectors> = async (c) =>
  c.json(snakeCase(await upstream<Json>(c.env, 'CHAINS', '/config/connectors', { requestId: c.get('requestId') })) as Json, 200);

/** A connector's namespace: a 400 naming it for a name Colibri has no connector for. */
function connectorNamespace(name: string): string {
  if (!CONNECTOR_REGISTRY[name]) throw new BadRequestError(`Unknown connector '${name}' (known: ${Object.keys(CONNECTOR_REGISTRY).join(', ')})`, 'UNKNOWN_CONNECTOR');
  return name;
}

export const getConnector: Handler<typeof routes.getConnector> = async (c) => {
  const namespace = connectorNamespace(c.req.valid('param').connector_name);
  return c.json(snakeCase(await upstream<Json>(c.env, 'CHAINS', '/config', { query: { namespace }, requestId: c.get('requestId') })) as Json, 200);
};

export const updateConnector: Handler<typeof routes.updateConnector> = async (c) =>
  c.json(await updateNamespace(c.env, connectorNamespace(c.req.valid('param').connector_name), c.req.valid('json'), c.get('requestId')), 200);

export const getApiKeys: Handler<typeof routes.getApiKeys> = (c) => c.json({}, 200);

export const updateApiKeys: Handler<typeof routes.updateApiKeys> = (c) => {
  const providers = Object.keys(c.req.valid('json').api_keys);
  throw new BadRequestError(
    `Colibri uses no RPC provider API keys (${providers.join(', ') || 'none given'}): put a keyed node URL in the network's configuration with POST /gateway/networks/{network_id} {"node_url": "https://..."}`,
    'API_KEYS_UNUSED',
  );
};

export const listChains: Handler<typeof routes.listChains> = async (c) => c.json(await upstream<Json>(c.env, 'CHAINS', '/config/chains', { requestId: c.get('requestId') }), 200);

export const listNetworks: Handler<typeof routes.listNetworks> = async (c) => {
  const { chains } = await upstream<{ chains: { chain: string; networks: string[] }[] }>(c.env, 'CHAINS', '/config/chains', { requestId: c.get('requestId') });
  const networks = chains.flatMap(({ chain, networks: names }) => names.map((network) => ({ network_id: `${chain}-${network}`, chain, network })));
  return c.json({ networks, count: networks.length }, 200);
};

export const getNetwork: Handler<typeof routes.getNetwork> = async (c) => {
  const { networkId } = parseNetworkId(c.req.valid('param').network_id);
  return c.json(snakeCase(await upstream<Json>(c.env, 'CHAINS', '/config', { query: { namespace: networkId }, requestId: c.get('requestId') })) as Json, 200);
};

export const updateNetwork: Handler<typeof routes.updateNetwork> = async (c) => {
  const { networkId } = parseNetworkId(c.req.valid('param').network_id);
  return c.json(await updateNamespace(c.env, networkId, c.req.valid('json'), c.get('requestId')), 200);
};

export const listTokens: Handler<typeof routes.listTokens> = async (c) => {
  const { networkId } = parseNetworkId(c.req.valid('param').network_id);
  return c.json(await upstream<Json>(c.env, 'CHAINS', '/tokens', { query: { chainNetwork: networkId, search: c.req.valid('query').search }, requestId: c.get('requestId') }), 200);
};

export const addToken: Handler<typeof routes.addToken> = async (c) => {
  const { networkId } = parseNetworkId(c.req.valid('param').network_id);
  const body = c.req.valid('json');
  const token = { address: body.address, symbol: body.symbol, name: body.name ?? body.symbol, decimals: body.decimals };
  const saved = await upstream<{ message: string }>(c.env, 'CHAINS', '/tokens', { body: { chainNetwork: networkId, token }, requestId: c.get('requestId') });
  return c.json({ success: true as const, message: saved.message, token: { ...token, network_id: networkId } }, 200);
};

export const deleteToken: Handler<typeof routes.deleteToken> = async (c) => {
  const { network_id, token_address } = c.req.valid('param');
  const { networkId } = parseNetworkId(network_id);
  const removed = await upstream<{ message: string }>(c.env, 'CHAINS', `/tokens/${encodeURIComponent(token_address)}`, { method: 'DELETE', query: { chainNetwork: networkId }, requestId: c.get('requestId') });
  return c.json({ success: true as const, message: removed.message }, 200);
};

export const saveToken: Handler<typeof routes.saveToken> = async (c) => {
  const { network_id, token_address } = c.req.valid('param');
  const { networkId } = parseNetworkId(network_id);
  const saved = await upstream<{ message: string; token: { symbol: string; address: string; decimals: number; name: string } }>(c.env, 'CHAINS', `/tokens/save/${encodeURIComponent(token_address)}`, {
    method: 'POST',
    query: { chainNetwork: networkId },
    requestId: c.get('requestId'),
  });
  const { symbol, address, decimals, name } = saved.token;
  return c.json({ success: true as const, message: saved.message, token: { symbol, address, decimals, name, network_id: networkId } }, 200);
};

export const listPools: Handler<typeof routes.listPools> = async (c) => {
  const { networkId } = parseNetworkId(c.req.valid('param').network_id);
  const query = c.req.valid('query');
  const pools = await upstream<Pool[]>(c.env, 'CONNECTORS', '/pools', { query: { chainNetwork: networkId, connector: query.connector, type: query.pool_type, search: query.search }, requestId: c.get('requestId') });
  return c.json({ pools: pools.map((pool) => snakeCase(pool) as Json), count: pools.length, network_id: networkId }, 200);
};

/** Saves a pool by address: its type, tokens and fee read from the chain. */
function savePoolFromChain(env: GatewayEnv, where: Record<string, string | undefined>, address: string, requestId: string) {
  return upstream<{ message: string; pool: Pool }>(env, 'CONNECTORS', `/pools/save/${encodeURIComponent(address)}`, { method: 'POST', query: where, requestId });
}

export const addPool: Handler<typeof routes.addPool> = async (c) => {
  const { networkId } = parseNetworkId(c.req.valid('param').network_id);
  const body = c.req.valid('json');
  const where = { chainNetwork: networkId, connector: body.connector_name, type: body.type };
  if (!body.base_address || !body.quote_address) {
    const saved = await savePoolFromChain(c.env, where, body.address, c.get('requestId'));
    return c.json({ success: true as const, message: saved.message, pool: snakeCase(saved.pool) as Json }, 200);
  }
  const pool = { address: body.address, baseTokenAddress: body.base_address, quoteTokenAddress: body.quote_address, baseSymbol: body.base, quoteSymbol: body.quote, feePct: body.fee_pct };
  const added = await upstream<{ message: string }>(c.env, 'CONNECTORS', '/pools', { body: { ...where, ...pool }, requestId: c.get('requestId') });
  return c.json({ success: true as const, message: added.message, pool: null }, 200);
};

export const savePool: Handler<typeof routes.savePool> = async (c) => {
  const { network_id, pool_address } = c.req.valid('param');
  const { networkId } = parseNetworkId(network_id);
  const saved = await savePoolFromChain(c.env, { chainNetwork: networkId }, pool_address, c.get('requestId'));
  return c.json({ success: true as const, message: saved.message, pool: snakeCase(saved.pool) as Json, tokens_added: [], network_id: networkId }, 200);
};

export const deletePool: Handler<typeof routes.deletePool> = async (c) => {
  const { network_id, pool_address } = c.req.valid('param');
  const { networkId } = parseNetworkId(network_id);
  const query = c.req.valid('query');
  const removed = await upstream<{ message: string }>(c.env, 'CONNECTORS', `/pools/${encodeURIComponent(pool_address)}`, {
    method: 'DELETE',
    query: { chainNetwork: networkId, type: query.pool_type, connector: query.connector },
    requestId: c.get('requestId'),
  });
  return c.json({ success: true as const, message: removed.message }, 200);
};

/** The legacy routes name a network without its chain: the connector's chain. */
function legacyWhere(connectorName: string, network: string) {
  const connector = CONNECTOR_REGISTRY[connectorName];
  if (!connector) throw new BadRequestError(`Unknown connector '${connectorName}' (known: ${Object.keys(CONNECTOR_REGISTRY).join(', ')})`, 'UNKNOWN_CONNECTOR');
  return { chain: connector.chain, network, connector: connectorName };
}

export const legacyListPools: Handler<typeof routes.legacyListPools> = async (c) => {
  const query = c.req.valid('query');
  const pools = await upstream<Pool[]>(c.env, 'CONNECTORS', '/pools', { query: legacyWhere(query.connector_name, query.network), requestId: c.get('requestId') });
  return c.json(pools.map((pool) => snakeCase(pool) as Json), 200);
};

export const legacyAddPool: Handler<typeof routes.legacyAddPool> = async (c) => {
  const body = c.req.valid('json');
  const saved = await savePoolFromChain(c.env, { ...legacyWhere(body.connector_name, body.network), type: body.type }, body.address, c.get('requestId'));
  const mismatch = (given: string | undefined, read: string) => given !== undefined && given.toLowerCase() !== read.toLowerCase();
  if (mismatch(body.base, saved.pool.baseSymbol) && mismatch(body.base, saved.pool.quoteSymbol)) {
    throw new BadRequestError(`base: the pool at ${body.address} holds ${saved.pool.baseSymbol}-${saved.pool.quoteSymbol}, not ${body.base}`, 'POOL_TOKEN_MISMATCH');
  }
  return c.json({ success: true as const, message: saved.message, pool: snakeCase(saved.pool) as Json }, 200);
};

export const legacyDeletePool: Handler<typeof routes.legacyDeletePool> = async (c) => {
  const query = c.req.valid('query');
  const removed = await upstream<{ message: string }>(c.env, 'CONNECTORS', `/pools/${encodeURIComponent(c.req.valid('param').address)}`, {
    method: 'DELETE',
    query: { ...legacyWhere(query.connector_name, query.network), type: query.pool_type },
    requestId: c.get('requestId'),
  });
  return c.json({ success: true as const, message: removed.message }, 200);
};

export const createWallet: Handler<typeof routes.createWallet> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await upstream<{ address: string; chain: string }>(c.env, 'CHAINS', '/wallet/create', { body: { chain: body.chain, setDefault: body.set_default }, requestId: c.get('requestId') }), 200);
};

export const showPrivateKey: Handler<typeof routes.showPrivateKey> = async (c) => {
  const shown = await upstream<{ address: string; chain: string; privateKey: string }>(c.env, 'CHAINS', '/wallet/show-private-key', { body: c.req.valid('json'), requestId: c.get('requestId') });
  return c.json({ ...shown, private_key: shown.privateKey }, 200);
};

export const send: Handler<typeof routes.send> = async (c) => {
  const { to_address, ...body } = c.req.valid('json');
  return c.json(await upstream<Json>(c.env, 'CHAINS', '/wallet/send', { body: { ...body, toAddress: to_address, amount: String(body.amount) }, requestId: c.get('requestId') }), 200);
};
