import type { ClosePosition } from '../../../../schemas/clmm';
import { deadlineFrom, read } from '../../reads';
import type { ClmmContext, PositionParameters } from '../../types';
import { burnCall, collectCall, decreaseLiquidityCall, multicall } from './calls';
import { humanAmounts, inOrder, readPool } from './pool';
import { positionPair, readPosition, requireOwner } from './position';
import { readMined } from './receipt';

/**
 * Closes a position the wallet owns in ONE position-manager multicall: withdraw all its liquidity
 * (minimums from the burn less slippage), collect everything, burn the NFT. The liquidity removed is
 * the DecreaseLiquidity event's amounts; the fees are the rest of what the wallet received.
 */
export async function closePosition(context: ClmmContext, parameters: PositionParameters & { slippagePct: number }): Promise<ClosePosition> {
  const { dex, client } = context;
  const owner = parameters.wallet.address;
  const position = await readPosition(context, parameters.positionAddress, [read.blockTimestamp()]);
  requireOwner(position, owner);
  const pair = positionPair(context, position);
  const calls = [collectCall(position.tokenId, owner), burnCall(position.tokenId)];
  if (position.liquidity > 0n) {
    const state = await readPool(context, position.pool);
    calls.unshift(decreaseLiquidityCall(position, state, position.liquidity, parameters.slippagePct, deadlineFrom(position.values[0])));
  }
  const outcome = await parameters.wallet.send({ to: dex.positionManager, data: multicall(calls) }, 'close-position');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const mined = await readMined(client, outcome, owner, pair, dex.positionManager);
  const [withdrawn] = mined.events('DecreaseLiquidity');
  const principal = inOrder(pair.baseIs0, withdrawn?.amount0 ?? 0n, withdrawn?.amount1 ?? 0n);
  const [baseTokenAmountRemoved, quoteTokenAmountRemoved] = humanAmounts(pair, principal);
  const [baseFeeAmountCollected, quoteFeeAmountCollected] = humanAmounts(pair, [mined.deltas[0] - principal[0], mined.deltas[1] - principal[1]]);
  return {
    signature: outcome.hash,
    status: 1,
    data: { fee: Number(outcome.fee ?? 0), positionRentRefunded: 0, baseTokenAmountRemoved, quoteTokenAmountRemoved, baseFeeAmountCollected, quoteFeeAmountCollected },
  };
}
