import { encodeFunctionData, formatUnits } from 'viem';
import { parseAmount } from '../../../amount';
import type { AddLiquidity } from '../../../../schemas/amm';
import { requireFunds } from '../../funds';
import { withSlippageDown } from '../../quote';
import { deadlineFrom, read } from '../../reads';
import { tokenDeltas } from '../../transfers';
import type { AddLiquidityParameters, AmmContext } from '../../types';
import { router02Abi } from './abi';
import { liquidityAmounts, readPair } from './pair';

/**
 * Router02 `addLiquidity` with the given amounts as "desired" and the pool-ratio amounts less slippage
 * as minimums. Reserves, balances, allowances and the block time are ONE RPC request; the amounts
 * added (human units) are the receipt's transfers.
 */
export async function addLiquidity(context: AmmContext, parameters: AddLiquidityParameters): Promise<AddLiquidity> {
  const { dex, client } = context;
  const { wallet, base, quote, pool, slippagePct } = parameters;
  const owner = wallet.address;
  const [baseAddress, quoteAddress] = [base.address, quote.address];
  const state = await readPair(context, parameters, [
    read.blockTimestamp(),
    read.balance(baseAddress, owner),
    read.allowance(baseAddress, owner, dex.router),
    read.balance(quoteAddress, owner),
    read.allowance(quoteAddress, owner, dex.router),
  ]);
  const [now, baseBalance, baseAllowance, quoteBalance, quoteAllowance] = state.values;
  const baseDesired = parseAmount(parameters.baseTokenAmount, base.decimals, 'baseTokenAmount');
  const quoteDesired = parseAmount(parameters.quoteTokenAmount, quote.decimals, 'quoteTokenAmount');
  const amounts = liquidityAmounts(state, pool, baseDesired, quoteDesired);
  const spender = { alias: dex.spender, address: dex.router };
  requireFunds(base, amounts.base, { balance: baseBalance, allowance: baseAllowance }, spender);
  requireFunds(quote, amounts.quote, { balance: quoteBalance, allowance: quoteAllowance }, spender);

  const data = encodeFunctionData({
    abi: router02Abi,
    functionName: 'addLiquidity',
    args: [baseAddress, quoteAddress, baseDesired, quoteDesired, withSlippageDown(amounts.base, slippagePct), withSlippageDown(amounts.quote, slippagePct), owner, deadlineFrom(now)],
  });
  const outcome = await wallet.send({ to: dex.router, data }, 'add-liquidity');
  if (outcome.status !== 1) return { signature: outcome.hash, status: outcome.status };
  const [baseDelta, quoteDelta] = await tokenDeltas(client, outcome, owner, [base, quote]);
  return {
    signature: outcome.hash,
    status: 1,
    data: {
      fee: Number(outcome.fee ?? 0),
      baseTokenAmountAdded: Number(formatUnits(-baseDelta, base.decimals)),
      quoteTokenAmountAdded: Number(formatUnits(-quoteDelta, quote.decimals)),
    },
  };
}
