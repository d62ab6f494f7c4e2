import type { ExecutorCore, ExecutorEvent, MarketRules, MarketView, Quote, Step } from '../../lib/executors/core';

// Plain inputs for the executor cores' tests: a market view at a price, and the events a venue sends.

export const NO_FEES: MarketRules = { minOrderSize: 0, minNotional: 0, sizeIncrement: 0, priceIncrement: 0, makerFee: 0, takerFee: 0 };

export function quoteAt(mid: number, spread = 0): Quote {
  return { bestBid: mid - spread / 2, bestAsk: mid + spread / 2, mid };
}

export interface ViewOptions {
  spread?: number;
  rules?: MarketRules;
  balances?: MarketView['balances'];
}

/** A view of one or more markets at `now` (ms), each at a mid price. */
export function viewAt(now: number, prices: Record<string, number>, options: ViewOptions = {}): MarketView {
  const quotes: Record<string, Quote> = {};
  const rules: Record<string, MarketRules> = {};
  for (const [key, mid] of Object.entries(prices)) {
    quotes[key] = quoteAt(mid, options.spread);
    rules[key] = options.rules ?? NO_FEES;
  }
  return { now, quotes, rules, ...(options.balances ? { balances: options.balances } : {}) };
}

let tradeNumber = 0;

/** A whole fill of `ref` followed by its FILLED: the two events a venue sends for a filled order. */
export function fillsOf(ref: string, price: number, amount: number, feeQuote = 0, feeAsset = 'USDT'): ExecutorEvent[] {
  return [fill(ref, price, amount, feeQuote, feeAsset), { type: 'order_done', ref, status: 'FILLED' }];
}

export function fill(ref: string, price: number, amount: number, feeQuote = 0, feeAsset = 'USDT', fee = feeQuote): ExecutorEvent {
  tradeNumber += 1;
  return { type: 'order_filled', ref, tradeId: `t${tradeNumber}`, price, amount, fee, feeAsset, feeQuote };
}

export const done = (ref: string, status: 'FILLED' | 'CANCELLED' | 'FAILED', reason?: string): ExecutorEvent => ({ type: 'order_done', ref, status, ...(reason ? { reason } : {}) });
export const stop = (keepPosition = false): ExecutorEvent => ({ type: 'stop', keepPosition });

/** Drives a core step by step, keeping its state. */
export class Driver<Config, State> {
  state: State;
  last: Step<State>;
  constructor(
    readonly core: ExecutorCore<Config, State>,
    config: unknown,
    view: MarketView,
  ) {
    this.last = core.start(core.configSchema.parse(config), view);
    this.state = this.last.state;
  }

  step(view: MarketView, events: ExecutorEvent[] = []): Step<State> {
    this.last = this.core.step(this.state, view, events);
    this.state = this.last.state;
    return this.last;
  }

  report(view: MarketView) {
    return this.core.report(this.state, view);
  }
}

/** The issues zod reports for a config, as `path: message`. */
export function configIssues<Config, State>(core: ExecutorCore<Config, State>, config: unknown): string[] {
  const result = core.configSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
