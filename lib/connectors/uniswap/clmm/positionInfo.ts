import type { ClmmPositionInfo } from '../../../../schemas/clmm';
import type { ClmmContext } from '../../types';
import { readPool } from './pool';
import { describePosition, positionPair, readPosition } from './position';

/**
 * A position by its NFT token id: what its liquidity is worth at the current price, the fees collect
 * would pay now (the pool's fee growth inside its range, as the contracts account it) and its range's
 * prices (TWO RPC requests: the position, then its pool).
 */
export async function positionInfo(context: ClmmContext, positionAddress: string): Promise<ClmmPositionInfo> {
  const position = await readPosition(context, positionAddress);
  const pair = positionPair(context, position);
  return describePosition(position, await readPool(context, position.pool, { range: position }), pair);
}
