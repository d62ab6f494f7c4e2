import { encodeFunctionData } from 'viem';
import type { OpenPosition } from '../../../../schemas/clmm';
import { withSlippageDown } from '../../quote';
import { deadlineFrom, read } from '../../reads';
import type { ClmmContext, OpenPositionParameters } from '../../types';
import { positionManagerAbi } from './abi';
import { mintAmounts, mintFundsReads, requireMintFunds } from './mint';
import { humanAmounts, orient, readPool } from './pool';
import { rangeTicks } from './prices';
import { readMined } from './receipt';

/**
 * Mints a position NFT in a price range through the position manager, ticks rounded to the pool's
 * spacing, with the amounts the mint takes less slippage as minimums. Pool and wallet state (balances,
 * allowances to the `dex/clmm` spender, block time) are ONE RPC request; the amounts added are the
 * receipt's transfers and the position's token id its IncreaseLiquidity event.
 */
export async function openPosition(context: ClmmContext, parameters: OpenPositionParameters): Promise<OpenPosition> {
  const { dex, client } = context;
  const { wallet, slippagePct } = parameters;
  const owner = wallet.address;
  const state = await readPool(context, parameters.pool, { reads: [read.blockTimestamp(), ...mintFundsReads(context, parameters, owner)] });
  const pair = orient(state, parameters);
  const [now, ...held] = state.values;
  const range = rangeTicks(parameters.lowerPrice, parameters.upperPrice, state.tickSpacing, pair);
  const mint = mintAmounts(state, range, pair, parameters);
  requireMintFunds(context, pair, mint, held);

  const [amount0Min, amount1Min] = mint.amounts.map((amount) => withSlippageDown(amount, slippagePct));
  const [amount0Desired, amount1Desired] = mint.desired;
  const data = encodeFunctionData({
    abi: positionManagerAbi,
    functionName: 'mint',
    args: [{ token0: state.token0, token1: state.token1, fee: state.fee, ...range, amount0Desired, amount1Desired, amount0Min, amount1Min, recipient: owner, deadline: deadlineFrom(now) }],
  });
  const outcome = await wallet.send({ to: dex.positionManager, data }, 'open-position');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const mined = await readMined(client, outcome, owner, pair, dex.positionManager);
  const [baseTokenAmountAdded, quoteTokenAmountAdded] = humanAmounts(pair, [-mined.deltas[0], -mined.deltas[1]]);
  const [minted] = mined.events('IncreaseLiquidity');
  return {
    signature: outcome.hash,
    status: 1,
    data: { fee: Number(outcome.fee ?? 0), positionAddress: minted.tokenId.toString(), positionRent: 0, baseTokenAmountAdded, quoteTokenAmountAdded },
  };
}
