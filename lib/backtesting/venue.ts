import type { ExecutorAction, ExecutorEvent, TradeSide } from '../executors/core';

// The simulated venue of a backtest: what the exchange would answer to an executor's orders over
// candles. The fill model (README, "Backtesting"):
// - MARKET fills at once, whole, at the tick's price moved against the taker by `slippage`;
// - LIMIT and LIMIT_MAKER rest; a resting order fills whole at its own price when the bar trades
//   through it (low ≤ price for a BUY, high ≥ price for a SELL). A LIMIT priced through the book when
//   placed fills at once as a taker, at the tick's price; a LIMIT_MAKER that would do so is refused
//   (post-only), as exchanges do;
// - every fill pays `tradeCost` of its quote value, in quote, maker or taker alike.

export interface VenueCosts {
  /** Fee per side, a fraction of the fill's quote value. */
  tradeCost: number;
  /** A market order's price moves this fraction against it. */
  slippage: number;
  /** The quote asset fees are paid in. */
  quoteAsset: string;
}

interface RestingOrder {
  ref: string;
  side: TradeSide;
  amount: number;
  price: number;
}

/** One executor's orders on the venue. */
export class ExecutorVenue {
  private resting: RestingOrder[] = [];
  private fills = 0;

  constructor(private readonly costs: VenueCosts) {}

  get hasRestingOrders(): boolean {
    return this.resting.length > 0;
  }

  /** Fills the resting orders the range [low, high] trades through, at their own prices. */
  match(low: number, high: number, events: ExecutorEvent[]): void {
    if (this.resting.length === 0) return;
    const still: RestingOrder[] = [];
    for (const order of this.resting) {
      if (order.side === 'BUY' ? low <= order.price : high >= order.price) this.fill(order.ref, order.price, order.amount, events);
      else still.push(order);
    }
    this.resting = still;
  }

  /** Carries out an executor's actions at a tick whose price is `price`; the venue's answers go to `events`. */
  execute(actions: readonly ExecutorAction[], price: number, events: ExecutorEvent[]): void {
    for (const action of actions) {
      if (action.type === 'cancel_order') {
        const index = this.resting.findIndex((order) => order.ref === action.ref);
        if (index < 0) continue;
        this.resting.splice(index, 1);
        events.push({ type: 'order_done', ref: action.ref, status: 'CANCELLED' });
        continue;
      }
      if (action.type !== 'place_order') continue;
      const { ref, side, amount } = action;
      if (!(amount > 0)) {
        events.push({ type: 'order_done', ref, status: 'FAILED', reason: 'amount must be greater than 0' });
        continue;
      }
      if (action.orderType === 'MARKET' || action.price === undefined) {
        events.push({ type: 'order_accepted', ref });
        this.fill(ref, side === 'BUY' ? price * (1 + this.costs.slippage) : price * (1 - this.costs.slippage), amount, events);
        continue;
      }
      const crosses = side === 'BUY' ? action.price >= price : action.price <= price;
      if (crosses && action.orderType === 'LIMIT_MAKER') {
        events.push({ type: 'order_done', ref, status: 'FAILED', reason: 'LIMIT_MAKER order would immediately match and take (post-only)' });
        continue;
      }
      events.push({ type: 'order_accepted', ref });
      if (crosses) this.fill(ref, price, amount, events);
      else this.resting.push({ ref, side, amount, price: action.price });
    }
  }

  private fill(ref: string, price: number, amount: number, events: ExecutorEvent[]): void {
    const fee = price * amount * this.costs.tradeCost;
    this.fills++;
    events.push(
      { type: 'order_filled', ref, tradeId: `${ref}-${this.fills}`, price, amount, fee, feeAsset: this.costs.quoteAsset, feeQuote: fee },
      { type: 'order_done', ref, status: 'FILLED' },
    );
  }
}
