import type { QuotePosition } from '../../../../schemas/clmm';
import type { ClmmContext, PositionRangeParameters } from '../../types';
import { mintAmounts } from './mint';
import { humanAmounts, inOrder, orient, readPool } from './pool';
import { rangeTicks } from './prices';

/**
 * What opening a position in a price range would take at the current price, equal to what the
 * position manager's mint takes (ONE RPC request). The `Max` amounts are the ones given, or the
 * computed ones when omitted.
 */
export async function quotePosition(context: ClmmContext, parameters: PositionRangeParameters): Promise<QuotePosition> {
  const state = await readPool(context, parameters.pool);
  const pair = orient(state, parameters);
  const mint = mintAmounts(state, rangeTicks(parameters.lowerPrice, parameters.upperPrice, state.tickSpacing, pair), pair, parameters);
  const [baseTokenAmount, quoteTokenAmount] = humanAmounts(pair, inOrder(pair.baseIs0, ...mint.amounts));
  const [baseTokenAmountMax, quoteTokenAmountMax] = humanAmounts(pair, inOrder(pair.baseIs0, ...mint.desired));
  return { baseLimited: mint.baseLimited, baseTokenAmount, quoteTokenAmount, baseTokenAmountMax, quoteTokenAmountMax, liquidity: mint.liquidity.toString() };
}
