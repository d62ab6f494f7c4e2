import { createRoute, z } from '@hono/zod-openapi';
import { ChainNetworkQuerySchema, ChainSchema, MessageSchema } from '../../schemas/chains';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import { TokenSchema } from '../../schemas/tokens';

const tags = ['Tokens'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
// One parameter name for both routes on `/tokens/{token}`: a symbol or an address to read, an address to remove.
const tokenParam = z.string().min(1).openapi({ param: { name: 'token', in: 'path' }, example: 'USDC' });

export const listTokens = createRoute({
  method: 'get',
  path: '/tokens',
  tags,
  summary: "A network's token list, optionally searched",
  description: 'Without chain and network the list is empty, as in Gateway. `search` matches symbol, name or address (case-insensitive).',
  request: { query: ChainNetworkQuerySchema.extend({ search: z.string().optional().openapi({ example: 'usd' }) }) },
  responses: { 200: json(z.object({ tokens: z.array(TokenSchema) }), 'Tokens'), 404: errorResponse('No token list for that network'), ...commonErrorResponses },
});

export const getToken = createRoute({
  method: 'get',
  path: '/tokens/{token}',
  tags,
  summary: 'One token by symbol (case-insensitive) or address',
  request: { params: z.object({ token: tokenParam }), query: ChainNetworkQuerySchema },
  responses: {
    200: json(z.object({ token: TokenSchema, chain: z.string(), network: z.string() }), 'The token'),
    404: errorResponse('Token not found'),
    ...commonErrorResponses,
  },
});

export const addToken = createRoute({
  method: 'post',
  path: '/tokens',
  tags,
  summary: 'Add a token to a network (same symbol replaces it)',
  description: 'EVM addresses must be EIP-55 checksummed; Solana addresses must be valid public keys.',
  request: {
    body: {
      content: { 'application/json': { schema: ChainNetworkQuerySchema.extend({ token: TokenSchema }) } },
      required: true,
    },
  },
  responses: { 200: json(MessageSchema, 'Saved'), 409: errorResponse('Address listed under another symbol'), ...commonErrorResponses },
});

export const removeToken = createRoute({
  method: 'delete',
  path: '/tokens/{token}',
  tags,
  summary: 'Remove a token from a network',
  description: 'The network may be given in the query (Gateway) or in a JSON body (what the Hummingbot client sends).',
  request: {
    params: z.object({ token: tokenParam }),
    query: ChainNetworkQuerySchema,
    body: { content: { 'application/json': { schema: ChainNetworkQuerySchema.extend({ chain: ChainSchema.optional() }) } }, required: false },
  },
  responses: { 200: json(MessageSchema, 'Removed'), 404: errorResponse('Token not found'), ...commonErrorResponses },
});

export const saveTokenByAddress = createRoute({
  method: 'post',
  path: '/tokens/save/{token}',
  tags,
  summary: "Add a token by its address, its name, symbol and decimals read from the chain",
  description:
    "Ethereum networks: ONE `eth_call` (Multicall3) reads the ERC-20's name, symbol and decimals; no GeckoTerminal, so no `geckoData`. An address already listed, or a symbol listed under another address, is answered 200 with an 'already exists' message and nothing changes (as Gateway). Solana mints carry no symbol on chain: a 400 says to add them with `POST /tokens`.",
  request: { params: z.object({ token: tokenParam.openapi({ example: '0x5FbDB2315678afecb367f032d93F642f64180aa3' }) }), query: ChainNetworkQuerySchema },
  responses: {
    200: json(z.object({ message: z.string(), token: TokenSchema }), 'Saved, or already listed'),
    404: errorResponse('Unknown network, or no ERC-20 contract at the address'),
    503: errorResponse('The node is unreachable'),
    ...commonErrorResponses,
  },
});
