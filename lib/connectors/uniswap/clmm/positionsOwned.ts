import type { Address } from 'viem';
import type { ClmmPositionInfo } from '../../../../schemas/clmm';
import { readUints } from '../../reads';
import type { ClmmContext } from '../../types';
import { positionManagerAbi } from './abi';
import { readPool } from './pool';
import { describePosition, hasKnownTokens, positionPair, readPosition } from './position';

/**
 * The positions `owner` holds, described as position-info does. Positions in tokens the token list
 * does not know are left out (their amounts need decimals). FOUR RPC requests whatever their number:
 * the count, the token ids, the positions, their pools (reads made together travel in one batch).
 */
export async function positionsOwned(context: ClmmContext, owner: Address): Promise<ClmmPositionInfo[]> {
  const manager = { address: context.dex.positionManager, abi: positionManagerAbi } as const;
  const [count] = await readUints(context.client, [{ ...manager, functionName: 'balanceOf', args: [owner] }]);
  if (count === 0n) return [];
  const ids = await readUints(
    context.client,
    Array.from({ length: Number(count) }, (_, index) => ({ ...manager, functionName: 'tokenOfOwnerByIndex', args: [owner, BigInt(index)] })),
  );
  const positions = (await Promise.all(ids.map((id) => readPosition(context, id.toString())))).filter((position) => hasKnownTokens(context, position));
  return Promise.all(
    positions.map(async (position) => describePosition(position, await readPool(context, position.pool, { range: position }), positionPair(context, position))),
  );
}
