import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, rpcErrors } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { NetworkIdSchema } from '../../schemas/gateway';

const tags = ['Gateway'];
const anyObject = z.record(z.string(), z.unknown());
const networkId = z.object({ network_id: NetworkIdSchema });
const builtIn =
  'Colibri has the Gateway built in: it runs as long as Colibri does, in the same workers, and configuration changes apply at once. There is no container to start, stop or restart.';
const sameAs = (routes: string) => `Reads and writes what ${routes} do, through the same handlers, so both surfaces always agree.`;
const UpdatedSchema = z
  .object({ success: z.boolean(), message: z.string(), restart_required: z.boolean(), restart_endpoint: z.string(), results: z.array(anyObject) })
  .openapi('GatewayConfigUpdated');
const ConfigUpdatesSchema = z.record(z.string(), z.unknown()).openapi({ description: 'path: value pairs; snake_case (`slippage_pct`) or camelCase (`slippagePct`) paths', example: { slippage_pct: 1.5 } });
const ActionSchema = z.object({ success: z.boolean(), message: z.string(), container_id: z.string().nullable(), port: z.number().nullable() }).openapi('GatewayAction');

export const status = createRoute({
  method: 'get',
  path: '/gateway/status',
  tags,
  summary: 'The built-in gateway: always running',
  description: builtIn,
  responses: {
    200: json(z.object({ running: z.literal(true), built_in: z.literal(true), container_id: z.null(), image: z.string(), created_at: z.null(), port: z.null() }).openapi('GatewayStatus'), 'Running'),
    ...commonErrorResponses,
  },
});

const optionalConfig = { body: { content: { 'application/json': { schema: z.object({ image: z.string().optional(), port: z.number().int().optional() }).passthrough() } }, required: false } };

export const start = createRoute({
  method: 'post',
  path: '/gateway/start',
  tags,
  summary: 'Nothing to start: answers that the built-in gateway is running',
  description: `${builtIn} \`image\` and \`port\` are accepted and ignored.`,
  request: optionalConfig,
  responses: { 200: json(ActionSchema, 'Already running'), ...commonErrorResponses },
});

export const stop = createRoute({
  method: 'post',
  path: '/gateway/stop',
  tags,
  summary: 'Refused (409): the built-in gateway cannot be stopped on its own',
  description: builtIn,
  responses: { 409: errorResponse('Built in: it stops only with Colibri'), ...commonErrorResponses },
});

export const restart = createRoute({
  method: 'post',
  path: '/gateway/restart',
  tags,
  summary: 'Nothing to restart: configuration already applies',
  description: builtIn,
  request: optionalConfig,
  responses: { 200: json(ActionSchema, 'Nothing to restart'), ...commonErrorResponses },
});

export const logs = createRoute({
  method: 'get',
  path: '/gateway/logs',
  tags,
  summary: 'No container logs: Colibri logs to Workers Logs',
  description: 'Every worker writes structured JSON logs to Cloudflare Workers Logs (`wrangler tail`, or the terminal of `npm run dev`); none are kept to serve here, so `logs` is empty.',
  request: { query: z.object({ tail: z.union([z.string().regex(/^\d+$/).transform(Number), z.number()]).pipe(z.number().int().min(1).max(10000)).default(100).openapi({ type: 'integer' }) }) },
  responses: { 200: json(z.object({ success: z.literal(true), logs: z.string(), message: z.string() }), 'No logs here'), ...commonErrorResponses },
});

export const listConnectors = createRoute({
  method: 'get',
  path: '/gateway/connectors',
  tags,
  summary: 'DEX connectors, their trading types and networks',
  description: sameAs('`GET /config/connectors`'),
  responses: { 200: json(anyObject, 'Connectors'), ...commonErrorResponses },
});

export const getConnector = createRoute({
  method: 'get',
  path: '/gateway/connectors/{connector_name}',
  tags,
  summary: "A connector's configuration (snake_case)",
  description: sameAs('`GET /config?namespace={connector_name}`'),
  request: { params: z.object({ connector_name: z.string().min(1).max(60) }) },
  responses: { 200: json(anyObject, 'Configuration'), 404: errorResponse('Unknown connector'), ...commonErrorResponses },
});

export const updateConnector = createRoute({
  method: 'post',
  path: '/gateway/connectors/{connector_name}',
  tags,
  summary: "Update a connector's configuration",
  description: `${sameAs('`POST /config/update`')} Applied at once: \`restart_required\` is false.`,
  request: { params: z.object({ connector_name: z.string().min(1).max(60) }), ...jsonBody(ConfigUpdatesSchema) },
  responses: { 200: json(UpdatedSchema, 'Updated'), 404: errorResponse('Unknown connector'), ...commonErrorResponses },
});

export const getApiKeys = createRoute({
  method: 'get',
  path: '/gateway/apiKeys',
  tags,
  summary: 'RPC provider API keys: none',
  description: "Colibri reaches every node by its network's `nodeURL` (and `fallbackNodeURLs`): it holds no Helius, Infura, CoinGecko or Etherscan keys, so the answer is empty.",
  responses: { 200: json(z.record(z.string(), z.string()), 'No keys'), ...commonErrorResponses },
});

export const updateApiKeys = createRoute({
  method: 'post',
  path: '/gateway/apiKeys',
  tags,
  summary: 'Refused (400): set node URLs instead',
  description: 'A provider key would not be used. Put a keyed URL in the network\'s configuration: `POST /gateway/networks/{network_id}` with `{"node_url": "https://..."}`.',
  request: jsonBody(z.object({ api_keys: z.record(z.string(), z.string()) })),
  responses: { ...commonErrorResponses },
});

export const listChains = createRoute({
  method: 'get',
  path: '/gateway/chains',
  tags,
  summary: 'Chains and their networks',
  description: sameAs('`GET /config/chains`'),
  responses: { 200: json(anyObject, 'Chains'), ...commonErrorResponses },
});

export const listNetworks = createRoute({
  method: 'get',
  path: '/gateway/networks',
  tags,
  summary: 'Every network as `chain-network`',
  description: sameAs('`GET /config/chains`'),
  responses: { 200: json(z.object({ networks: z.array(z.object({ network_id: z.string(), chain: z.string(), network: z.string() })), count: z.number() }), 'Networks'), ...commonErrorResponses },
});

export const getNetwork = createRoute({
  method: 'get',
  path: '/gateway/networks/{network_id}',
  tags,
  summary: "A network's configuration (snake_case, with its chain's fields)",
  description: sameAs('`GET /config?namespace={network_id}`'),
  request: { params: networkId },
  responses: { 200: json(anyObject, 'Configuration'), 404: errorResponse('Unknown network'), ...commonErrorResponses },
});

export const updateNetwork = createRoute({
  method: 'post',
  path: '/gateway/networks/{network_id}',
  tags,
  summary: "Update a network's configuration",
  description: `${sameAs('`POST /config/update`')} Applied at once: \`restart_required\` is false.`,
  request: { params: networkId, ...jsonBody(ConfigUpdatesSchema) },
  responses: { 200: json(UpdatedSchema, 'Updated'), 404: errorResponse('Unknown network'), ...commonErrorResponses },
});

export const listTokens = createRoute({
  method: 'get',
  path: '/gateway/networks/{network_id}/tokens',
  tags,
  summary: "A network's token list",
  description: sameAs('`GET /tokens`'),
  request: { params: networkId, query: z.object({ search: z.string().max(100).optional() }) },
  responses: { 200: json(anyObject, 'Tokens'), ...commonErrorResponses },
});

export const addToken = createRoute({
  method: 'post',
  path: '/gateway/networks/{network_id}/tokens',
  tags,
  summary: 'Add a token to a network',
  description: `${sameAs('`POST /tokens`')} EVM addresses must be EIP-55 checksummed.`,
  request: {
    params: networkId,
    ...jsonBody(z.object({ address: z.string().min(1).max(100), symbol: z.string().min(1).max(40), name: z.string().min(1).max(100).optional(), decimals: z.number().int().min(0).max(255) })),
  },
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string(), token: anyObject }), 'Added'), 409: errorResponse('Address listed under another symbol'), ...commonErrorResponses },
});

export const deleteToken = createRoute({
  method: 'delete',
  path: '/gateway/networks/{network_id}/tokens/{token_address}',
  tags,
  summary: 'Remove a token from a network',
  description: sameAs('`DELETE /tokens/{token}`'),
  request: { params: networkId.extend({ token_address: z.string().min(1).max(100) }) },
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string() }), 'Removed'), 404: errorResponse('Token not listed'), ...commonErrorResponses },
});

export const saveToken = createRoute({
  method: 'post',
  path: '/gateway/networks/{network_id}/tokens/save/{token_address}',
  tags,
  summary: 'Add a token by its address, read from the chain',
  description: `${sameAs('`POST /tokens/save/{address}`')} No GeckoTerminal: the ERC-20's name, symbol and decimals are read from the chain (ONE \`eth_call\`); Solana mints carry no symbol on chain, so a 400 says to add them with \`POST /gateway/networks/{network_id}/tokens\`. An address or symbol already listed is answered with an 'already exists' message and nothing changes.`,
  request: { params: networkId.extend({ token_address: z.string().min(1).max(100) }) },
  responses: {
    200: json(z.object({ success: z.literal(true), message: z.string(), token: z.object({ symbol: z.string(), address: z.string(), decimals: z.number(), name: z.string(), network_id: z.string() }) }), 'Saved, or already listed'),
    404: errorResponse('Unknown network, or no ERC-20 contract at the address'),
    ...rpcErrors,
    ...commonErrorResponses,
  },
});

const poolType = z.enum(['amm', 'clmm']);

export const listPools = createRoute({
  method: 'get',
  path: '/gateway/networks/{network_id}/pools',
  tags,
  summary: "A network's pools (snake_case, `base`/`quote`, `trading_pair`)",
  description: sameAs('`GET /pools`'),
  request: { params: networkId, query: z.object({ connector: z.string().max(60).optional(), pool_type: poolType.optional(), search: z.string().max(100).optional() }) },
  responses: { 200: json(z.object({ pools: z.array(anyObject), count: z.number(), network_id: z.string() }), 'Pools'), ...commonErrorResponses },
});

const AddPoolSchema = z.object({
  connector_name: z.string().min(1).max(60),
  type: poolType,
  address: z.string().min(1).max(100),
  base: z.string().max(40).optional(),
  quote: z.string().max(40).optional(),
  base_address: z.string().max(100).optional(),
  quote_address: z.string().max(100).optional(),
  fee_pct: z.number().min(0).max(100).optional(),
});

export const addPool = createRoute({
  method: 'post',
  path: '/gateway/networks/{network_id}/pools',
  tags,
  summary: 'Add a pool to a network',
  description: `${sameAs('`POST /pools`')} Without \`base_address\`/\`quote_address\`, the pool's tokens and fee are read from the chain (\`POST /pools/save/{address}\`).`,
  request: { params: networkId, ...jsonBody(AddPoolSchema) },
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string(), pool: anyObject.nullable() }), 'Added'), 404: errorResponse('Unknown connector or pool'), ...rpcErrors, ...commonErrorResponses },
});

export const savePool = createRoute({
  method: 'post',
  path: '/gateway/networks/{network_id}/pools/save/{pool_address}',
  tags,
  summary: 'Add a pool by its address, read from the chain',
  description: `${sameAs('`POST /pools/save/{address}`')} No GeckoTerminal: the tokens must already be listed, \`tokens_added\` is empty.`,
  request: { params: networkId.extend({ pool_address: z.string().min(1).max(100) }) },
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string(), pool: anyObject, tokens_added: z.array(z.string()), network_id: z.string() }), 'Saved'), 404: errorResponse('No pool there'), ...rpcErrors, ...commonErrorResponses },
});

export const deletePool = createRoute({
  method: 'delete',
  path: '/gateway/networks/{network_id}/pools/{pool_address}',
  tags,
  summary: 'Remove a pool from a network',
  description: sameAs('`DELETE /pools/{address}`'),
  request: { params: networkId.extend({ pool_address: z.string().min(1).max(100) }), query: z.object({ pool_type: poolType.optional(), connector: z.string().max(60).optional() }) },
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string() }), 'Removed'), 404: errorResponse('Pool not listed'), ...commonErrorResponses },
});

// Routes hummingbot-api-client 1.5.1 still calls though Hummingbot API dropped them.

const legacyNetwork = z.string().min(1).max(60).openapi({ description: "The network without its chain ('localnet', 'mainnet'); the chain is the connector's" });

export const legacyListPools = createRoute({
  method: 'get',
  path: '/gateway/pools',
  tags,
  summary: "A connector's pools on a network (deprecated: /gateway/networks/{network_id}/pools)",
  description: sameAs('`GET /pools`'),
  request: { query: z.object({ connector_name: z.string().min(1).max(60), network: legacyNetwork }) },
  responses: { 200: json(z.array(anyObject), 'Pools'), ...commonErrorResponses },
});

export const legacyAddPool = createRoute({
  method: 'post',
  path: '/gateway/pools',
  tags,
  summary: 'Add a pool (deprecated: /gateway/networks/{network_id}/pools)',
  description: `${sameAs('`POST /pools/save/{address}`')} The pool's tokens and fee are read from the chain; \`base\`/\`quote\` must match them.`,
  request: jsonBody(z.object({ connector_name: z.string().min(1).max(60), type: poolType, network: legacyNetwork, address: z.string().min(1).max(100), base: z.string().max(40).optional(), quote: z.string().max(40).optional() })),
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string(), pool: anyObject }), 'Added'), 404: errorResponse('Unknown connector or pool'), ...rpcErrors, ...commonErrorResponses },
});

export const legacyDeletePool = createRoute({
  method: 'delete',
  path: '/gateway/pools/{address}',
  tags,
  summary: 'Remove a pool (deprecated: /gateway/networks/{network_id}/pools/{pool_address})',
  description: sameAs('`DELETE /pools/{address}`'),
  request: { params: z.object({ address: z.string().min(1).max(100) }), query: z.object({ connector_name: z.string().min(1).max(60), network: legacyNetwork, pool_type: poolType }) },
  responses: { 200: json(z.object({ success: z.literal(true), message: z.string() }), 'Removed'), 404: errorResponse('Pool not listed'), ...commonErrorResponses },
});

const chain = z.enum(['ethereum', 'solana']);

export const createWallet = createRoute({
  method: 'post',
  path: '/gateway/wallets/create',
  tags,
  summary: 'Create a wallet (a new key, sealed at rest)',
  description: sameAs('`POST /wallet/create`'),
  request: jsonBody(z.object({ chain, set_default: z.boolean().default(false) })),
  responses: { 200: json(z.object({ address: z.string(), chain: z.string() }), 'Created'), ...commonErrorResponses },
});

export const showPrivateKey = createRoute({
  method: 'post',
  path: '/gateway/wallets/show-private-key',
  tags,
  summary: "A wallet's private key, given the gateway passphrase (401 when wrong)",
  description: sameAs('`POST /wallet/show-private-key`'),
  request: jsonBody(z.object({ chain, address: z.string().min(1).max(100), passphrase: z.string().min(1).max(200) })),
  responses: { 200: json(z.object({ address: z.string(), chain: z.string(), private_key: z.string(), privateKey: z.string() }), 'The key'), 404: errorResponse('No such wallet'), ...commonErrorResponses },
});

export const send = createRoute({
  method: 'post',
  path: '/gateway/wallets/send',
  tags,
  summary: 'Send the native currency or a listed token',
  description: sameAs('`POST /wallet/send`'),
  request: jsonBody(z.object({ chain, network: z.string().min(1).max(60), address: z.string().min(1).max(100), to_address: z.string().min(1).max(100), amount: z.union([z.string(), z.number()]), token: z.string().max(100).optional() })),
  responses: { 200: json(anyObject, 'Sent'), ...rpcErrors, ...commonErrorResponses },
});
