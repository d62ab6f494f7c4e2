import type { CollectFees } from '../../../../schemas/clmm';
import type { ClmmContext, PositionParameters } from '../../types';
import { collectCall } from './calls';
import { humanAmounts } from './pool';
import { positionPair, readPosition, requireOwner } from './position';
import { readMined } from './receipt';

/** Collects every fee a position the wallet owns has earned (`collect` with no cap), uncollected ones included; ONE RPC request, then the receipt's transfers. */
export async function collectFees(context: ClmmContext, parameters: PositionParameters): Promise<CollectFees> {
  const { dex, client } = context;
  const owner = parameters.wallet.address;
  const position = await readPosition(context, parameters.positionAddress);
  requireOwner(position, owner);
  const pair = positionPair(context, position);
  const outcome = await parameters.wallet.send({ to: dex.positionManager, data: collectCall(position.tokenId, owner) }, 'collect-fees');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const { deltas } = await readMined(client, outcome, owner, pair, dex.positionManager);
  const [baseFeeAmountCollected, quoteFeeAmountCollected] = humanAmounts(pair, deltas);
  return { signature: outcome.hash, status: 1, data: { fee: Number(outcome.fee ?? 0), baseFeeAmountCollected, quoteFeeAmountCollected } };
}
