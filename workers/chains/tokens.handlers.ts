import type { AppRouteHandler } from '../../lib/app';
import { parseEvmAddress } from '../../lib/chains/address';
import { readToken } from '../../lib/chains/ethereum/actions/readToken';
import { createEvmClient, withRpc } from '../../lib/chains/ethereum/client';
import { resolveChainNetwork } from '../../lib/chains/chain-network';
import type { Chain } from '../../lib/config/networks';
import { Config } from '../../lib/config/store';
import { getDb } from '../../lib/db/client';
import { BadRequestError, NotFoundError } from '../../lib/errors';
import { TokenList, removeToken as removeListedToken, saveToken } from '../../lib/tokens/registry';
import type { ChainsEnv } from './env';
import type * as routes from './tokens.routes';

function requireNetwork(config: Config, input: { chain?: Chain; network?: string; chainNetwork?: string }): { chain: Chain; network: string } {
  const { chain, network } = resolveChainNetwork(input);
  if (!chain) throw new BadRequestError('chain: required (or chainNetwork)', 'VALIDATION_ERROR');
  if (!network) throw new BadRequestError('network: required (or chainNetwork)', 'VALIDATION_ERROR');
  if (!config.networks(chain).includes(network)) throw new NotFoundError(`Token list not found for ${chain}/${network}`, 'UNKNOWN_NETWORK');
  return { chain, network };
}

export const listTokens: AppRouteHandler<typeof routes.listTokens, ChainsEnv> = async (c) => {
  const query = c.req.valid('query');
  const resolved = resolveChainNetwork(query);
  if (!resolved.chain || !resolved.network) return c.json({ tokens: [] }, 200);
  const config = await Config.load(c.env);
  const { chain, network } = requireNetwork(config, resolved);
  const list = await TokenList.load(getDb(c.env), config, chain, network);
  return c.json({ tokens: query.search ? list.search(query.search) : list.all() }, 200);
};

export const getToken: AppRouteHandler<typeof routes.getToken, ChainsEnv> = async (c) => {
  const { token: symbolOrAddress } = c.req.valid('param');
  const config = await Config.load(c.env);
  const { chain, network } = requireNetwork(config, c.req.valid('query'));
  const list = await TokenList.load(getDb(c.env), config, chain, network);
  return c.json({ token: list.require(symbolOrAddress), chain, network }, 200);
};

export const addToken: AppRouteHandler<typeof routes.addToken, ChainsEnv> = async (c) => {
  const body = c.req.valid('json');
  const config = await Config.load(c.env);
  const { chain, network } = requireNetwork(config, body);
  const token = await saveToken(c.env, config, chain, network, body.token);
  return c.json({ message: `Token ${token.symbol} added/updated successfully in ${chain}/${network}.` }, 200);
};

export const removeToken: AppRouteHandler<typeof routes.removeToken, ChainsEnv> = async (c) => {
  const { token: address } = c.req.valid('param');
  const body = c.req.valid('json') ?? {};
  const config = await Config.load(c.env);
  const query = c.req.valid('query');
  const { chain, network } = requireNetwork(config, { ...body, ...Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) });
  await removeListedToken(c.env, config, chain, network, address);
  return c.json({ message: `Token with address ${address} removed successfully from ${chain}/${network}.` }, 200);
};

export const saveTokenByAddress: AppRouteHandler<typeof routes.saveTokenByAddress, ChainsEnv> = async (c) => {
  const config = await Config.load(c.env);
  const { chain, network } = requireNetwork(config, c.req.valid('query'));
  if (chain !== 'ethereum') throw new BadRequestError(`${chain} tokens carry no symbol on chain: add the token with POST /tokens (its symbol, name and decimals)`, 'TOKEN_READ_UNSUPPORTED');
  const address = parseEvmAddress(c.req.valid('param').token, 'token');
  const list = await TokenList.load(getDb(c.env), config, chain, network);
  const existing = (symbol?: string) => list.all().find((token) => token.address.toLowerCase() === address.toLowerCase() || token.symbol.toLowerCase() === symbol?.toLowerCase());
  const listed = existing();
  if (listed) return c.json({ message: `Token ${listed.symbol} already exists in ${chain}/${network}.`, token: listed }, 200);
  const evmNetwork = config.network('ethereum', network);
  const read = await withRpc(evmNetwork, () => readToken(createEvmClient(evmNetwork), { address }));
  const sameSymbol = existing(read.symbol);
  if (sameSymbol) return c.json({ message: `Token ${sameSymbol.symbol} already exists in ${chain}/${network} (at ${sameSymbol.address}).`, token: sameSymbol }, 200);
  const token = await saveToken(c.env, config, chain, network, { ...read, address });
  return c.json({ message: `Token ${token.symbol} added/updated successfully in ${chain}/${network}.`, token }, 200);
};
