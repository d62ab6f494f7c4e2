import { BadRequestError } from '../../../errors';
import type { ClmmRemoveLiquidity } from '../../../../schemas/clmm';
import { percentOf } from '../../quote';
import { deadlineFrom, read } from '../../reads';
import type { ClmmContext, RemovePositionLiquidityParameters } from '../../types';
import { collectCall, decreaseLiquidityCall, multicall } from './calls';
import { humanAmounts, readPool } from './pool';
import { positionPair, readPosition, requireOwner } from './position';
import { readMined } from './receipt';

/**
 * Withdraws `percentageToRemove` of a position's liquidity and collects it in ONE position-manager
 * multicall (`decreaseLiquidity` + `collect`), with what the burn returns less slippage as minimums.
 * The amounts removed are what the wallet received: the liquidity and the fees collected with it.
 */
export async function removeLiquidity(context: ClmmContext, parameters: RemovePositionLiquidityParameters): Promise<ClmmRemoveLiquidity> {
  const { dex, client } = context;
  const owner = parameters.wallet.address;
  const position = await readPosition(context, parameters.positionAddress, [read.blockTimestamp()]);
  requireOwner(position, owner);
  const liquidity = percentOf(position.liquidity, parameters.percentageToRemove);
  if (liquidity === 0n) throw new BadRequestError(`Position ${position.tokenId} has no liquidity to remove (${parameters.percentageToRemove}% of ${position.liquidity})`, 'NO_LIQUIDITY');
  const pair = positionPair(context, position);
  const state = await readPool(context, position.pool);

  const data = multicall([decreaseLiquidityCall(position, state, liquidity, parameters.slippagePct, deadlineFrom(position.values[0])), collectCall(position.tokenId, owner)]);
  const outcome = await parameters.wallet.send({ to: dex.positionManager, data }, 'remove-liquidity');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const { deltas } = await readMined(client, outcome, owner, pair, dex.positionManager);
  const [baseTokenAmountRemoved, quoteTokenAmountRemoved] = humanAmounts(pair, deltas);
  return { signature: outcome.hash, status: 1, data: { fee: Number(outcome.fee ?? 0), baseTokenAmountRemoved, quoteTokenAmountRemoved } };
}
