import type { ClmmPoolInfo } from '../../../../schemas/clmm';
import { read } from '../../reads';
import type { ClmmContext, PoolPair } from '../../types';
import { humanAmounts, orient, readPool } from './pool';
import { humanPrice } from './prices';

/** The pool's price (quote per base, from slot0), the tokens it holds (human units), its fee in percent, tick and tick spacing (ONE RPC request). */
export async function poolInfo(context: ClmmContext, pair: PoolPair): Promise<ClmmPoolInfo> {
  const { pool, base, quote } = pair;
  const state = await readPool(context, pool, { reads: [read.balance(base.address, pool), read.balance(quote.address, pool)] });
  const orientation = orient(state, pair);
  const [baseTokenAmount, quoteTokenAmount] = humanAmounts(orientation, [state.values[0], state.values[1]]);
  return {
    address: pool,
    baseTokenAddress: base.address,
    quoteTokenAddress: quote.address,
    binStep: state.tickSpacing,
    feePct: state.fee / 10_000,
    price: humanPrice(state.sqrtPriceX96, orientation),
    baseTokenAmount,
    quoteTokenAmount,
    activeBinId: state.tick,
  };
}
