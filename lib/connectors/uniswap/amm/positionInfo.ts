import { formatUnits, type Address } from 'viem';
import type { AmmPositionInfo } from '../../../../schemas/amm';
import { read } from '../../reads';
import type { AmmContext, PoolPair } from '../../types';
import { readPair } from './pair';

/** V2 LP tokens have 18 decimals. */
const LP_DECIMALS = 18;

/** `owner`'s LP tokens and the share of the reserves they redeem for, in human units (ONE RPC request). */
export async function positionInfo(context: AmmContext, pair: PoolPair, owner: Address): Promise<AmmPositionInfo> {
  const { reserveBase, reserveQuote, values } = await readPair(context, pair, [read.totalSupply(pair.pool), read.balance(pair.pool, owner)]);
  const [totalSupply, lpTokens] = values;
  const share = (reserve: bigint) => (totalSupply === 0n ? 0n : (reserve * lpTokens) / totalSupply);
  const base = Number(formatUnits(reserveBase, pair.base.decimals));
  return {
    poolAddress: pair.pool,
    walletAddress: owner,
    baseTokenAddress: pair.base.address,
    quoteTokenAddress: pair.quote.address,
    lpTokenAmount: Number(formatUnits(lpTokens, LP_DECIMALS)),
    baseTokenAmount: Number(formatUnits(share(reserveBase), pair.base.decimals)),
    quoteTokenAmount: Number(formatUnits(share(reserveQuote), pair.quote.decimals)),
    price: base === 0 ? 0 : Number(formatUnits(reserveQuote, pair.quote.decimals)) / base,
  };
}
