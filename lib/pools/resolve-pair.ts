import { isAddressEqual, type Address } from 'viem';
import { parseEvmAddress } from '../chains/address';
import { BadRequestError, NotFoundError } from '../errors';
import type { PoolList } from './registry';
import type { PoolType } from '../../schemas/pools';
import { readPoolTokens } from '../connectors/poolTokens';
import type { ChainContext, PoolPair } from '../connectors/types';

/** How a request names a pool: by address, by its pair of tokens, or both. */
export interface PairRequest {
  poolAddress?: string;
  baseToken?: string;
  quoteToken?: string;
}

/**
 * The pool and tokens a request names (unknown tokens are a 404). Without `poolAddress`, the pool
 * /pools lists for the pair, or a 404 naming the pair. With one, tokens not given come from its
 * /pools entry, else from the chain (one extra request, only for pools nobody listed).
 */
export async function resolvePair(context: ChainContext, pools: PoolList, listing: { connector: string; type: PoolType }, request: PairRequest): Promise<PoolPair> {
  const { tokens, network } = context;
  const base = request.baseToken ? tokens.require(request.baseToken) : undefined;
  const quote = request.quoteToken ? tokens.require(request.quoteToken) : undefined;
  if (!request.poolAddress) {
    if (!base || !quote) throw new BadRequestError('poolAddress: required unless baseToken and quoteToken are given', 'VALIDATION_ERROR');
    const listed = pools.byTokens(base, quote, listing);
    if (!listed) throw new NotFoundError(`No ${listing.type.toUpperCase()} pool found for ${base.symbol}-${quote.symbol} on ${listing.connector}/${network.name}`, 'POOL_NOT_FOUND');
    return { pool: listed.address as Address, base, quote };
  }
  const pool = parseEvmAddress(request.poolAddress, 'poolAddress');
  if (base && quote) return { pool, base, quote };
  const [listed] = pools.byAddress(pool, listing);
  const held = listed ? [listed.baseTokenAddress, listed.quoteTokenAddress] : await readPoolTokens(context.client, pool, `${listing.connector}/${listing.type} (ethereum-${network.name})`);
  const [first, second] = held.map((address) => tokens.require(address));
  const given = base ?? quote;
  if (!given) return { pool, base: first, quote: second };
  const other = isAddressEqual(given.address, first.address) ? second : first;
  return base ? { pool, base, quote: other } : { pool, base: other, quote: given };
}
