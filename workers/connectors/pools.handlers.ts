import type { RouteConfig } from '@hono/zod-openapi';
import type { AppRouteHandler } from '../../lib/app';
import { parseEvmAddress } from '../../lib/chains/address';
import { resolveChainNetwork } from '../../lib/chains/chain-network';
import { createEvmClient, withRpc } from '../../lib/chains/ethereum/client';
import type { Chain } from '../../lib/config/networks';
import { Config } from '../../lib/config/store';
import { CONNECTOR_REGISTRY, tradingTypes } from '../../lib/connectors/registry';
import { getDb } from '../../lib/db/client';
import { BadRequestError, NotFoundError, quoteInput } from '../../lib/errors';
import { identifyPool, poolDeployments } from '../../lib/pools/identify';
import { PoolList, removePools, savePool } from '../../lib/pools/registry';
import { TokenList } from '../../lib/tokens/registry';
import type { Pool } from '../../schemas/pools';
import { ammRequest } from './amm';
import { clmmRequest } from './clmm';
import type { ConnectorsEnv } from './env';
import type * as routes from './pools.routes';

type Handler<R extends RouteConfig> = AppRouteHandler<R, ConnectorsEnv>;
type Where = { chain?: Chain; network?: string; chainNetwork?: string; connector?: string };

/** A connector named in a pools request; unknown is a 400, as in Gateway. */
function knownConnector(name: string) {
  const connector = CONNECTOR_REGISTRY[name];
  if (!connector) throw new BadRequestError(`connector: unknown ${quoteInput(name)} (known: ${Object.keys(CONNECTOR_REGISTRY).join(', ')})`, 'UNKNOWN_CONNECTOR');
  return connector;
}

/** The chain and network of a pools request: `chainNetwork`, or `chain` (implied by the connector) + `network` (default network). */
function networkOf(config: Config, where: Where): { chain: Chain; network: string } {
  const resolved = resolveChainNetwork(where);
  const chain = resolved.chain ?? (where.connector ? knownConnector(where.connector).chain : undefined);
  if (!chain) throw new BadRequestError('chain: required (or chainNetwork, or a connector)', 'VALIDATION_ERROR');
  return { chain, network: config.network(chain, resolved.network).name };
}

async function poolsOf(env: ConnectorsEnv, where: Where) {
  const config = await Config.load(env);
  if (where.connector) knownConnector(where.connector);
  const { chain, network } = networkOf(config, where);
  return { config, chain, network, list: await PoolList.load(getDb(env), config, chain, network) };
}

export const listPools: Handler<typeof routes.listPools> = async (c) => {
  const query = c.req.valid('query');
  const { list } = await poolsOf(c.env, query);
  return c.json(list.find(query), 200);
};

export const findPools: Handler<typeof routes.findPools> = async (c) => {
  const query = c.req.valid('query');
  const { list } = await poolsOf(c.env, query);
  const tokens = [query.tokenA, query.tokenB].filter((token) => token !== undefined);
  return c.json(list.holding(tokens, query), 200);
};

/** Stores a pool over the lists and says what happened, as POST /pools and /pools/save answer. */
async function store(env: ConnectorsEnv, config: Config, chain: Chain, pool: Pool): Promise<string> {
  const outcome = await savePool(env, config, chain, pool);
  return `Pool ${pool.baseSymbol}-${pool.quoteSymbol} (${pool.address}) ${outcome} in ${pool.connector} ${pool.type} on ${chain}-${pool.network}`;
}

export const savePoolFromChain: Handler<typeof routes.savePoolFromChain> = async (c) => {
  const query = c.req.valid('query');
  const address = parseEvmAddress(c.req.valid('param').address, 'address');
  if (query.connector) knownConnector(query.connector);
  const config = await Config.load(c.env);
  const { chain, network } = networkOf(config, query);
  const deployments = poolDeployments(chain, network, query);
  const evmNetwork = config.network('ethereum', network);
  const [tokens, found] = await Promise.all([
    TokenList.load(getDb(c.env), config, chain, network),
    withRpc(evmNetwork, () => identifyPool(createEvmClient(evmNetwork), address, deployments, `${chain}-${network}`)),
  ]);
  const [base, quote] = [found.token0, found.token1].map((tokenAddress) => {
    const token = tokens.find(tokenAddress);
    if (!token) throw new NotFoundError(`Token ${tokenAddress} of pool ${address} not found in ${chain}/${network}: add it with POST /tokens first`, 'TOKEN_NOT_FOUND');
    return token;
  });
  const pool: Pool = {
    connector: found.connector,
    network,
    type: found.type,
    address,
    baseSymbol: base.symbol,
    quoteSymbol: quote.symbol,
    baseTokenAddress: base.address,
    quoteTokenAddress: quote.address,
    feePct: found.feePct,
  };
  return c.json({ message: await store(c.env, config, chain, pool), pool }, 200);
};

export const getPool: Handler<typeof routes.getPool> = async (c) => {
  const { tradingPair } = c.req.valid('param');
  const query = c.req.valid('query');
  const symbols = tradingPair.split('-');
  if (symbols.length !== 2 || !symbols[0] || !symbols[1]) throw new BadRequestError(`Invalid trading pair format: ${quoteInput(tradingPair)} (expected BASE-QUOTE, e.g. WETH-USDC)`, 'INVALID_TRADING_PAIR');
  const { list, chain, network } = await poolsOf(c.env, query);
  const pool = list.bySymbols(symbols[0], symbols[1], query);
  if (!pool) throw new NotFoundError(`Pool ${tradingPair} not found${query.connector ? ` for ${query.connector}` : ''}${query.type ? ` ${query.type}` : ''} on ${chain}-${network}`, 'POOL_NOT_FOUND');
  return c.json(pool, 200);
};

export const addPool: Handler<typeof routes.addPool> = async (c) => {
  const body = c.req.valid('json');
  const connector = knownConnector(body.connector);
  if (!tradingTypes(connector).includes(body.type)) throw new BadRequestError(`type: ${body.connector} has no ${body.type} pools`, 'VALIDATION_ERROR');
  const config = await Config.load(c.env);
  const { chain, network } = networkOf(config, body);
  const dex = await (body.type === 'clmm' ? clmmRequest : ammRequest)(c.env, config, body.connector, network);
  const [address, baseTokenAddress, quoteTokenAddress] = [body.address, body.baseTokenAddress, body.quoteTokenAddress].map((value, index) =>
    parseEvmAddress(value, ['address', 'baseTokenAddress', 'quoteTokenAddress'][index]),
  );
  const symbol = (given: string | undefined, tokenAddress: string, field: string) => {
    const found = given ?? dex.context.tokens.find(tokenAddress)?.symbol;
    if (!found) throw new BadRequestError(`${field}: required (${tokenAddress} is not in the ${chain}/${network} token list)`, 'VALIDATION_ERROR');
    return found;
  };
  const feePct = body.feePct ?? (await dex.poolInfo({ poolAddress: address, baseToken: baseTokenAddress, quoteToken: quoteTokenAddress })).feePct;
  const pool: Pool = {
    connector: body.connector,
    network,
    type: body.type,
    address,
    baseSymbol: symbol(body.baseSymbol, baseTokenAddress, 'baseSymbol'),
    quoteSymbol: symbol(body.quoteSymbol, quoteTokenAddress, 'quoteSymbol'),
    baseTokenAddress,
    quoteTokenAddress,
    feePct,
  };
  return c.json({ message: await store(c.env, config, chain, pool) }, 200);
};

export const removePool: Handler<typeof routes.removePool> = async (c) => {
  const { address } = c.req.valid('param');
  const query = Object.fromEntries(Object.entries(c.req.valid('query')).filter(([, value]) => value !== undefined));
  const where = { ...(c.req.valid('json') ?? {}), ...query };
  const { list, chain, network } = await poolsOf(c.env, where);
  const pools = list.byAddress(address, where);
  if (!pools.length) throw new NotFoundError(`Pool with address ${address} not found on ${chain}-${network}`, 'POOL_NOT_FOUND');
  await removePools(c.env, chain, pools);
  return c.json({ message: `Pool with address ${address} removed successfully from ${pools[0].connector} ${pools[0].type} on ${network}` }, 200);
};
