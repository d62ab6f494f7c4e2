import type { Address } from 'viem';
import { parseAmount } from '../../../amount';
import { BadRequestError } from '../../../errors';
import type { Amount } from '../../../../schemas/amm';
import { requireFunds } from '../../funds';
import { read, type UintRead } from '../../reads';
import type { ClmmContext } from '../../types';
import { amountsForLiquidity, liquidityForAmounts, type PriceState, type TickRange } from './liquidityMath';
import { inOrder } from './pool';
import type { Orientation } from './prices';

/** Adding liquidity to a range, as the position manager and the pool compute it (amounts in token order). */
export interface Mint {
  liquidity: bigint;
  /** What the pool takes at the current price (rounded up, as it does). */
  amounts: [bigint, bigint];
  /** The position manager's "desired" amounts: the ones given, an omitted one computed from the other. */
  desired: [bigint, bigint];
  baseLimited: boolean;
}

/**
 * The liquidity and amounts base and/or quote amounts (human units) add to a range at the pool's
 * price. A 400 when neither is given, when the range needs only the omitted token, or when the
 * amounts add no liquidity.
 */
export function mintAmounts(pool: PriceState, range: TickRange, pair: Orientation, given: { baseTokenAmount?: Amount; quoteTokenAmount?: Amount }): Mint {
  const { base, quote, baseIs0 } = pair;
  const baseAmount = given.baseTokenAmount === undefined ? undefined : parseAmount(given.baseTokenAmount, base.decimals, 'baseTokenAmount');
  const quoteAmount = given.quoteTokenAmount === undefined ? undefined : parseAmount(given.quoteTokenAmount, quote.decimals, 'quoteTokenAmount');
  if (baseAmount === undefined && quoteAmount === undefined) throw new BadRequestError('baseTokenAmount or quoteTokenAmount: at least one is required', 'INVALID_AMOUNT');
  const wanted = inOrder(baseIs0, baseAmount, quoteAmount);
  const limit = liquidityForAmounts(pool.sqrtPriceX96, range, wanted);
  if (!limit) {
    const [needed, field] = baseAmount === undefined ? [base, 'baseTokenAmount'] : [quote, 'quoteTokenAmount'];
    throw new BadRequestError(`At the current price this range holds only ${needed.symbol}: give ${field}`, 'INVALID_AMOUNT');
  }
  // The position manager recomputes the liquidity from both desired amounts: an omitted one is what the given one's liquidity needs.
  const needs = amountsForLiquidity(pool, range, limit.liquidity, true);
  const desired: [bigint, bigint] = [wanted[0] ?? needs[0], wanted[1] ?? needs[1]];
  const liquidity = liquidityForAmounts(pool.sqrtPriceX96, range, desired)?.liquidity ?? 0n;
  if (liquidity === 0n) throw new BadRequestError('The amounts are too small to add liquidity to this range', 'INVALID_AMOUNT');
  return { liquidity, amounts: amountsForLiquidity(pool, range, liquidity, true), desired, baseLimited: (limit.limitedBy === 0) === baseIs0 };
}

/** The wallet's balance and allowance to the position manager of base then quote, to read with the pool. */
export function mintFundsReads(context: ClmmContext, pair: Pick<Orientation, 'base' | 'quote'>, owner: Address): UintRead[] {
  return [pair.base, pair.quote].flatMap((token) => [read.balance(token.address, owner), read.allowance(token.address, owner, context.dex.positionManager)]);
}

/** Refuses, before anything is signed, a mint the wallet cannot fund or has not approved; `held` are `mintFundsReads`' values. */
export function requireMintFunds(context: ClmmContext, pair: Orientation, mint: Mint, held: bigint[]): void {
  const [baseAmount, quoteAmount] = inOrder(pair.baseIs0, ...mint.amounts);
  const [baseBalance, baseAllowance, quoteBalance, quoteAllowance] = held;
  const spender = { alias: context.dex.spender, address: context.dex.positionManager };
  requireFunds(pair.base, baseAmount, { balance: baseBalance, allowance: baseAllowance }, spender);
  requireFunds(pair.quote, quoteAmount, { balance: quoteBalance, allowance: quoteAllowance }, spender);
}
