import { encodeFunctionData, formatUnits } from 'viem';
import { approveRequest } from '../../../chains/ethereum/actions/transactions';
import { BadRequestError } from '../../../errors';
import type { RemoveLiquidity } from '../../../../schemas/amm';
import { percentOf, withSlippageDown } from '../../quote';
import { deadlineFrom, read } from '../../reads';
import { tokenDeltas } from '../../transfers';
import type { AmmContext, RemoveLiquidityParameters } from '../../types';
import { router02Abi } from './abi';
import { readPair } from './pair';

/**
 * Burns `percentageToRemove` of the wallet's LP tokens through Router02 `removeLiquidity`, with the
 * redeemable amounts less slippage as minimums. The router needs an allowance on the LP token: when it
 * is short, an approval for exactly that liquidity is sent first (as Gateway does). Pool and wallet
 * state are ONE RPC request; the amounts removed (human units) are the receipt's transfers.
 */
export async function removeLiquidity(context: AmmContext, parameters: RemoveLiquidityParameters): Promise<RemoveLiquidity> {
  const { dex, client } = context;
  const { wallet, base, quote, pool, slippagePct } = parameters;
  const owner = wallet.address;
  const state = await readPair(context, parameters, [read.blockTimestamp(), read.totalSupply(pool), read.balance(pool, owner), read.allowance(pool, owner, dex.router)]);
  const [now, totalSupply, lpTokens, lpAllowance] = state.values;
  if (lpTokens === 0n) throw new BadRequestError(`No liquidity position in pool ${pool} for ${owner}`, 'NO_POSITION');
  const liquidity = percentOf(lpTokens, parameters.percentageToRemove);
  if (liquidity === 0n) throw new BadRequestError(`percentageToRemove: ${parameters.percentageToRemove}% of the position is 0 LP tokens`, 'INVALID_AMOUNT');

  let approvalFee = 0;
  if (lpAllowance < liquidity) {
    const approval = await wallet.send(approveRequest(pool, dex.router, liquidity), 'approve');
    if (approval.status !== 1) return { signature: approval.hash, status: approval.status };
    approvalFee = Number(approval.fee ?? 0);
  }
  const [baseMin, quoteMin] = [state.reserveBase, state.reserveQuote].map((reserve) => withSlippageDown((reserve * liquidity) / totalSupply, slippagePct));
  const data = encodeFunctionData({
    abi: router02Abi,
    functionName: 'removeLiquidity',
    args: [base.address, quote.address, liquidity, baseMin, quoteMin, owner, deadlineFrom(now)],
  });
  const outcome = await wallet.send({ to: dex.router, data }, 'remove-liquidity');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const [baseDelta, quoteDelta] = await tokenDeltas(client, outcome, owner, [base, quote]);
  return {
    signature: outcome.hash,
    status: 1,
    data: {
      fee: approvalFee + Number(outcome.fee ?? 0),
      baseTokenAmountRemoved: Number(formatUnits(baseDelta, base.decimals)),
      quoteTokenAmountRemoved: Number(formatUnits(quoteDelta, quote.decimals)),
    },
  };
}
