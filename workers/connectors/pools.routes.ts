import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, rpcErrors } from '../../lib/openapi';
import { MessageSchema } from '../../schemas/chains';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { PoolAddBodySchema, PoolFindQuerySchema, PoolGetQuerySchema, PoolListQuerySchema, PoolRemoveSchema, PoolSavedSchema, PoolSaveQuerySchema, PoolSchema } from '../../schemas/pools';

const tags = ['Pools'];
const networkNote = 'The network is `chain`+`network` or `chainNetwork` (e.g. `ethereum-localnet`); `network` defaults to the chain\'s defaultNetwork.';

export const listPools = createRoute({
  method: 'get',
  path: '/pools',
  tags,
  summary: "A network's pools, per connector and type, optionally searched",
  description: `${networkNote} Without \`connector\`, every connector of the chain.`,
  request: { query: PoolListQuerySchema },
  responses: { 200: json(z.array(PoolSchema), 'Pools'), 404: errorResponse('Unknown connector'), ...commonErrorResponses },
});

const noGecko = 'Gateway takes this from GeckoTerminal; Colibri does not call that service, so pools carry no `geckoData` and there are no top pools.';

// Declared (and mounted) before `/pools/{tradingPair}`, which would otherwise take `find` for a pair.

export const findPools = createRoute({
  method: 'get',
  path: '/pools/find',
  tags,
  summary: 'Search the configured pools (shipped and stored) by their tokens',
  description: `${networkNote} \`tokenA\`/\`tokenB\` are symbols or addresses, in either order; without them, every pool of the network. ${noGecko} \`pages\` is ignored.`,
  request: { query: PoolFindQuerySchema },
  responses: { 200: json(z.array(PoolSchema), 'Pools'), ...commonErrorResponses },
});

export const savePoolFromChain = createRoute({
  method: 'post',
  path: '/pools/save/{address}',
  tags,
  summary: 'Add a pool read from the chain: its type, tokens and fee',
  description: `${networkNote} ONE multicall tells a V2 pair (amm) from a V3 pool (clmm) and reads its tokens and fee; the pool must come from the factory of \`connector\` (omitted: of any connector) on the network. Base is the pool's token0, quote its token1, named from the token list: a token not listed is a 404 (add it with POST /tokens first). Stored like POST /pools. ${noGecko}`,
  request: { params: z.object({ address: z.string().openapi({ param: { name: 'address', in: 'path' } }) }), query: PoolSaveQuerySchema },
  responses: { 200: json(PoolSavedSchema, 'Saved'), 404: errorResponse('No V2 pair or V3 pool at the address, or a token not in the token list'), ...rpcErrors, ...commonErrorResponses },
});

export const getPool = createRoute({
  method: 'get',
  path: '/pools/{tradingPair}',
  tags,
  summary: 'The pool of a `BASE-QUOTE` pair (symbols, either order)',
  description: networkNote,
  request: { params: z.object({ tradingPair: z.string().openapi({ param: { name: 'tradingPair', in: 'path' }, example: 'WETH-USDC' }) }), query: PoolGetQuerySchema },
  responses: { 200: json(PoolSchema, 'The pool'), 404: errorResponse('No pool for that pair'), ...commonErrorResponses },
});

export const addPool = createRoute({
  method: 'post',
  path: '/pools',
  tags,
  summary: "Add a pool to a connector's list (the same address replaces it)",
  description: `${networkNote} Addresses are validated; symbols default to the token list's; \`feePct\` omitted is read from the connector's pool-info.`,
  request: jsonBody(PoolAddBodySchema),
  responses: { 200: json(MessageSchema, 'Saved'), 404: errorResponse('Unknown connector, or no such pool on chain'), ...rpcErrors, ...commonErrorResponses },
});

export const removePool = createRoute({
  method: 'delete',
  path: '/pools/{address}',
  tags,
  summary: 'Remove a pool from the lists',
  description: `${networkNote} Given in the query (Gateway) or in a JSON body (what the Hummingbot client sends); \`connector\`/\`type\` narrow it.`,
  request: {
    params: z.object({ address: z.string().openapi({ param: { name: 'address', in: 'path' } }) }),
    query: PoolRemoveSchema,
    body: { content: { 'application/json': { schema: PoolRemoveSchema } }, required: false },
  },
  responses: { 200: json(MessageSchema, 'Removed'), 404: errorResponse('Pool not listed'), ...commonErrorResponses },
});
