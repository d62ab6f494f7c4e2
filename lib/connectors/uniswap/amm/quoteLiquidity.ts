import { formatUnits } from 'viem';
import { parseAmount } from '../../../amount';
import type { QuoteLiquidity } from '../../../../schemas/amm';
import type { AmmContext, QuoteLiquidityParameters } from '../../types';
import { liquidityAmounts, readPair } from './pair';

/**
 * The amounts Router02 `addLiquidity` would take for the given ones, in human units (ONE RPC request).
 * The `Max` amounts are the ones given (Router02's "desired"), or the computed ones when omitted.
 */
export async function quoteLiquidity(context: AmmContext, parameters: QuoteLiquidityParameters): Promise<QuoteLiquidity> {
  const { base, quote } = parameters;
  const state = await readPair(context, parameters);
  const baseWanted = parameters.baseTokenAmount === undefined ? undefined : parseAmount(parameters.baseTokenAmount, base.decimals, 'baseTokenAmount');
  const quoteWanted = parameters.quoteTokenAmount === undefined ? undefined : parseAmount(parameters.quoteTokenAmount, quote.decimals, 'quoteTokenAmount');
  const amounts = liquidityAmounts(state, parameters.pool, baseWanted, quoteWanted);
  const human = (amount: bigint, decimals: number) => Number(formatUnits(amount, decimals));
  return {
    baseLimited: amounts.baseLimited,
    baseTokenAmount: human(amounts.base, base.decimals),
    quoteTokenAmount: human(amounts.quote, quote.decimals),
    baseTokenAmountMax: human(baseWanted ?? amounts.base, base.decimals),
    quoteTokenAmountMax: human(quoteWanted ?? amounts.quote, quote.decimals),
  };
}
