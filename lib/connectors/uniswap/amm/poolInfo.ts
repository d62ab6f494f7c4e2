import { formatUnits } from 'viem';
import type { AmmPoolInfo } from '../../../../schemas/amm';
import type { AmmContext, PoolPair } from '../../types';
import { readPair } from './pair';

/** The pair's reserves in human units, its fee in percent and its price as quote per base (ONE RPC request). */
export async function poolInfo(context: AmmContext, pair: PoolPair): Promise<AmmPoolInfo> {
  const { reserveBase, reserveQuote } = await readPair(context, pair);
  const baseTokenAmount = Number(formatUnits(reserveBase, pair.base.decimals));
  const quoteTokenAmount = Number(formatUnits(reserveQuote, pair.quote.decimals));
  return {
    address: pair.pool,
    baseTokenAddress: pair.base.address,
    quoteTokenAddress: pair.quote.address,
    feePct: Number(context.dex.feeBps) / 100,
    price: baseTokenAmount === 0 ? 0 : quoteTokenAmount / baseTokenAmount,
    baseTokenAmount,
    quoteTokenAmount,
  };
}
