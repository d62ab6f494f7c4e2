import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, rpcErrors } from '../../lib/openapi';
import { MessageSchema } from '../../schemas/chains';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { PoolAddBodySchema, PoolGetQuerySchema, PoolListQuerySchema, PoolRemoveSchema, PoolSchema } from '../../schemas/pools';

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
