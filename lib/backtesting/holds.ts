import type { ExecutorReport } from '../executors/core';

// Positions kept by executors that ended POSITION_HOLD, one ledger per connector and pair, as
// Hummingbot API's PositionHold (§2.9 of the strategy reference): buys and sells summed apart,
// matched volume settled into realized PnL, the rest valued at the close.

interface HeldFill {
  trade_type: 'BUY' | 'SELL';
  executed_amount_base: number;
  executed_amount_quote: number;
  cumulative_fee_paid_quote: number;
}

function isHeldFill(value: unknown): value is HeldFill {
  if (typeof value !== 'object' || value === null) return false;
  const fill = value as Record<string, unknown>;
  return (
    (fill.trade_type === 'BUY' || fill.trade_type === 'SELL') &&
    typeof fill.executed_amount_base === 'number' &&
    typeof fill.executed_amount_quote === 'number' &&
    typeof fill.cumulative_fee_paid_quote === 'number'
  );
}

export class PositionHold {
  buyBase = 0;
  buyQuote = 0;
  sellBase = 0;
  sellQuote = 0;
  feesQuote = 0;
  volumeQuote = 0;
  realizedPnlQuote = 0;
  executors = 0;
  /** Open amounts after settling: what is still held on each side. */
  private openBuyBase = 0;
  private openBuyQuote = 0;
  private openSellBase = 0;
  private openSellQuote = 0;

  constructor(
    readonly connectorName: string,
    readonly tradingPair: string,
  ) {}

  /** Takes the fills an executor kept (its `held_position_orders`); without them, nothing is held. */
  add(report: ExecutorReport): void {
    const held = report.customInfo.held_position_orders;
    if (!Array.isArray(held)) return;
    this.executors++;
    for (const fill of held) {
      if (!isHeldFill(fill)) continue;
      const base = fill.executed_amount_base;
      const quote = fill.executed_amount_quote;
      this.feesQuote += fill.cumulative_fee_paid_quote;
      this.volumeQuote += quote;
      if (fill.trade_type === 'BUY') {
        this.buyBase += base;
        this.buyQuote += quote;
        this.openBuyBase += base;
        this.openBuyQuote += quote;
      } else {
        this.sellBase += base;
        this.sellQuote += quote;
        this.openSellBase += base;
        this.openSellQuote += quote;
      }
    }
    this.settle();
  }

  /** Matched volume realises (avg sell − avg buy) on it and leaves both sides. */
  private settle(): void {
    const matched = Math.min(this.openBuyBase, this.openSellBase);
    if (matched <= 0) return;
    const averageBuy = this.openBuyQuote / this.openBuyBase;
    const averageSell = this.openSellQuote / this.openSellBase;
    this.realizedPnlQuote += matched * (averageSell - averageBuy);
    this.openBuyQuote -= matched * averageBuy;
    this.openBuyBase -= matched;
    this.openSellQuote -= matched * averageSell;
    this.openSellBase -= matched;
  }

  get longBase(): number {
    return this.openBuyBase;
  }

  get shortBase(): number {
    return this.openSellBase;
  }

  /** The open part valued at `price`, before fees. */
  unrealizedPnlQuote(price: number): number {
    let pnl = 0;
    if (this.openBuyBase > 0) pnl += this.openBuyBase * price - this.openBuyQuote;
    if (this.openSellBase > 0) pnl += this.openSellQuote - this.openSellBase * price;
    return pnl;
  }

  /** Hummingbot's `position_holds` entry. */
  toJSON() {
    return {
      connector_name: this.connectorName,
      trading_pair: this.tradingPair,
      buy_amount_base: this.buyBase,
      buy_amount_quote: this.buyQuote,
      sell_amount_base: this.sellBase,
      sell_amount_quote: this.sellQuote,
      net_amount_base: this.buyBase - this.sellBase,
      cum_fees_quote: this.feesQuote,
      volume_traded_quote: this.volumeQuote,
      is_closed: this.openBuyBase <= 1e-12 && this.openSellBase <= 1e-12,
      n_executors: this.executors,
    };
  }
}
