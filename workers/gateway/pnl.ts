import { Decimal } from '../../lib/decimal';
import type { PnlSummary } from '../../schemas/gateway';

/** What a position's confirmed events add up to, and its state now (all exact decimals, human units). */
export interface PositionLedger {
  /** Deposited by OPEN and ADD_LIQUIDITY. */
  depositedBase: Decimal;
  depositedQuote: Decimal;
  /** Liquidity taken out by REMOVE_LIQUIDITY and CLOSE (fees excluded). */
  withdrawnBase: Decimal;
  withdrawnQuote: Decimal;
  /** Fees collected (COLLECT_FEES, and with REMOVE_LIQUIDITY and CLOSE). */
  feesCollectedBase: Decimal;
  feesCollectedQuote: Decimal;
  /** Still in the position now, and its uncollected fees (zero once closed). */
  currentBase: Decimal;
  currentQuote: Decimal;
  feesPendingBase: Decimal;
  feesPendingQuote: Decimal;
  entryPrice: Decimal;
  currentPrice: Decimal;
  openedAt: Date;
  /** When it closed, else now. */
  until: Date;
}

const HOURS = 3_600_000;

/**
 * Hummingbot API's pnl_summary, computed exactly, with what was withdrawn counted as held at the
 * current price (Hummingbot API ignores partial removals):
 *   initial value   = deposited base × entry price + deposited quote
 *   LP value        = (in position + withdrawn) base × current price + (in position + withdrawn) quote
 *   fees value      = (collected + pending) base × current price + (collected + pending) quote
 *   HODL value      = deposited base × current price + deposited quote
 *   impermanent loss = LP value − HODL value;  total PnL = LP value + fees value − initial value
 * Quotients (percentages, APR) are rounded to 18 fraction digits; JSON numbers only at the end.
 */
export function pnlSummary(ledger: PositionLedger): PnlSummary {
  const { entryPrice, currentPrice } = ledger;
  const lpBase = ledger.currentBase.plus(ledger.withdrawnBase);
  const lpQuote = ledger.currentQuote.plus(ledger.withdrawnQuote);
  const feesBase = ledger.feesCollectedBase.plus(ledger.feesPendingBase);
  const feesQuote = ledger.feesCollectedQuote.plus(ledger.feesPendingQuote);
  const initialValue = ledger.depositedBase.times(entryPrice).plus(ledger.depositedQuote);
  const lpValue = lpBase.times(currentPrice).plus(lpQuote);
  const feesValue = feesBase.times(currentPrice).plus(feesQuote);
  const hodlValue = ledger.depositedBase.times(currentPrice).plus(ledger.depositedQuote);
  const totalValue = lpValue.plus(feesValue);
  const totalPnl = totalValue.minus(initialValue);
  const percentOf = (part: Decimal, whole: Decimal) => (whole.isZero() ? Decimal.ZERO : part.times(100).dividedBy(whole));
  const durationMs = Math.max(0, ledger.until.getTime() - ledger.openedAt.getTime());
  const durationHours = Decimal.from(durationMs).dividedBy(HOURS);
  // APR: fees value / initial value per year held (365.25 days), in percent.
  const feeApr = durationMs > 0 && initialValue.isPositive() ? feesValue.times(100).times(365.25 * 24 * HOURS).dividedBy(initialValue.times(durationMs)) : null;
  return {
    entry_price: entryPrice.toNumber(),
    current_price: currentPrice.toNumber(),
    price_change_pct: percentOf(currentPrice.minus(entryPrice), entryPrice).toNumber(),
    initial_base: ledger.depositedBase.toNumber(),
    initial_quote: ledger.depositedQuote.toNumber(),
    initial_value_quote: initialValue.toNumber(),
    current_base: ledger.currentBase.toNumber(),
    current_quote: ledger.currentQuote.toNumber(),
    withdrawn_base: ledger.withdrawnBase.toNumber(),
    withdrawn_quote: ledger.withdrawnQuote.toNumber(),
    current_lp_value_quote: lpValue.toNumber(),
    total_fees_base: feesBase.toNumber(),
    total_fees_quote: feesQuote.toNumber(),
    total_fees_value_quote: feesValue.toNumber(),
    hodl_value_quote: hodlValue.toNumber(),
    impermanent_loss_quote: lpValue.minus(hodlValue).toNumber(),
    current_total_value_quote: totalValue.toNumber(),
    total_pnl_quote: totalPnl.toNumber(),
    total_pnl_pct: percentOf(totalPnl, initialValue).toNumber(),
    duration_hours: durationHours.toNumber(),
    fee_apr_estimate: feeApr && feeApr.toNumber(),
  };
}
