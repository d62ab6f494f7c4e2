import type { TradeSide } from './core';
import { netBase, sideSign, type TrackedOrder } from './orders';

// The fill totals of an executor that opens a position and closes it (position, DCA, TWAP), and the
// PnL they give: Hummingbot's formulas, with a partial close counted at its own fills.

export interface FillTotals {
  /** Executed base of the opening orders, fees not deducted (the entry price's weight). */
  openBase: number;
  /** The base the opening orders left in the position (less fees paid in base). */
  openNetBase: number;
  openQuote: number;
  closeBase: number;
  closeQuote: number;
  feesQuote: number;
}

export const NO_FILLS: FillTotals = { openBase: 0, openNetBase: 0, openQuote: 0, closeBase: 0, closeQuote: 0, feesQuote: 0 };

export function fillTotals(orders: readonly TrackedOrder[]): FillTotals {
  const totals = { ...NO_FILLS };
  for (const order of orders) {
    totals.feesQuote += order.feeQuote;
    if (order.positionAction === 'OPEN') {
      totals.openBase += order.filledBase;
      totals.openNetBase += netBase(order);
      totals.openQuote += order.filledQuote;
    } else {
      totals.closeBase += order.filledBase;
      totals.closeQuote += order.filledQuote;
    }
  }
  return totals;
}

/** The fill-weighted entry, or `fallback` before any fill. */
export function entryPrice(totals: FillTotals, fallback: number): number {
  return totals.openBase > 0 ? totals.openQuote / totals.openBase : fallback;
}

/** PnL in quote net of fees: the closed part at its fills, the rest at `markPrice`. */
export function netPnlQuote(totals: FillTotals, side: TradeSide, markPrice: number): number {
  if (totals.openNetBase <= 0) return -totals.feesQuote;
  const entry = totals.openQuote / totals.openBase;
  const remaining = Math.max(totals.openNetBase - totals.closeBase, 0);
  const exitValue = totals.closeQuote + remaining * markPrice;
  const costBasis = (totals.closeBase + remaining) * entry;
  return sideSign(side) * (exitValue - costBasis) - totals.feesQuote;
}

/** {@link netPnlQuote} over the position's cost (open base at entry): a fraction. */
export function netPnlPct(totals: FillTotals, side: TradeSide, markPrice: number): number {
  if (totals.openNetBase <= 0) return 0;
  return netPnlQuote(totals, side, markPrice) / (totals.openNetBase * (totals.openQuote / totals.openBase));
}

/** The price a position is valued at: what closing it would get (best bid for a long, best ask for a short). */
export function exitPrice(side: TradeSide, quote: { bestBid: number; bestAsk: number }): number {
  return side === 'BUY' ? quote.bestBid : quote.bestAsk;
}
