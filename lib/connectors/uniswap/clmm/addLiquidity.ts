import { encodeFunctionData } from 'viem';
import type { ClmmAddLiquidity } from '../../../../schemas/clmm';
import { withSlippageDown } from '../../quote';
import { deadlineFrom, read } from '../../reads';
import type { AddPositionLiquidityParameters, ClmmContext } from '../../types';
import { positionManagerAbi } from './abi';
import { mintAmounts, mintFundsReads, requireMintFunds } from './mint';
import { humanAmounts, readPool } from './pool';
import { positionPair, readPosition, requireOwner } from './position';
import { readMined } from './receipt';

/**
 * Adds liquidity to a position the wallet owns (`increaseLiquidity`), with the amounts it takes at the
 * current price less slippage as minimums. TWO RPC requests (the position, then its pool with the
 * wallet's balances and allowances); the amounts added are the receipt's transfers.
 */
export async function addLiquidity(context: ClmmContext, parameters: AddPositionLiquidityParameters): Promise<ClmmAddLiquidity> {
  const { dex, client } = context;
  const { wallet, slippagePct } = parameters;
  const owner = wallet.address;
  const position = await readPosition(context, parameters.positionAddress, [read.blockTimestamp()]);
  requireOwner(position, owner);
  const pair = positionPair(context, position);
  const state = await readPool(context, position.pool, { reads: mintFundsReads(context, pair, owner) });
  const mint = mintAmounts(state, position, pair, parameters);
  requireMintFunds(context, pair, mint, state.values);

  const [amount0Min, amount1Min] = mint.amounts.map((amount) => withSlippageDown(amount, slippagePct));
  const [amount0Desired, amount1Desired] = mint.desired;
  const data = encodeFunctionData({
    abi: positionManagerAbi,
    functionName: 'increaseLiquidity',
    args: [{ tokenId: position.tokenId, amount0Desired, amount1Desired, amount0Min, amount1Min, deadline: deadlineFrom(position.values[0]) }],
  });
  const outcome = await wallet.send({ to: dex.positionManager, data }, 'add-liquidity');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const { deltas } = await readMined(client, outcome, owner, pair, dex.positionManager);
  const [baseTokenAmountAdded, quoteTokenAmountAdded] = humanAmounts(pair, [-deltas[0], -deltas[1]]);
  return { signature: outcome.hash, status: 1, data: { fee: Number(outcome.fee ?? 0), baseTokenAmountAdded, quoteTokenAmountAdded } };
}
