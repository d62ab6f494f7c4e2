import type { CloseType, ExecutorCore, ExecutorEvent, ExecutorReport, MarketView, Quote, Step } from '../core';
import { marketKey } from '../core';
import { ClosingDecision, type ClosingState, EPSILON, hasBalance } from '../closing';
import { marketOf } from '../config';
import { NO_FILLS } from '../fills';
import { isLive, sideSign } from '../orders';
import { TwapConfigSchema, type TwapConfig } from './config';

// Hummingbot's TWAP executor (§2.5): total_amount_quote split over total_duration // order_interval + 1
// slices, slice i due at start + i·interval, each sized so what is left spreads evenly over the slices
// left. TAKER slices are MARKET orders; MAKER slices rest at mid ∓ buffer and are sent again after
// order_resubmission_time. It ends COMPLETED once every slice has filled.

export const TWAP_MAX_RETRIES = 10;

export interface TwapState extends ClosingState<TwapConfig> {
  startedAt: number;
  slices: number;
}

export function sliceCount(config: TwapConfig): number {
  return Math.floor(config.total_duration / config.order_interval) + 1;
}

const sliceOf = (role: string) => Number(role.slice('slice'.length));

class Decision extends ClosingDecision<TwapState> {
  constructor(state: TwapState, view: MarketView, quote: Quote | undefined) {
    super(state, view, quote, TWAP_MAX_RETRIES);
  }

  /** A stop cancels the resting slice; what filled stays bought (sold): a TWAP has nothing to unwind. */
  beginClose(closeType: CloseType): void {
    const finalType = closeType === 'POSITION_HOLD' && this.state.openNetBase <= 0 ? 'EARLY_STOP' : closeType;
    this.cancel(() => true);
    this.state = { ...this.state, status: 'SHUTTING_DOWN', closeType: finalType };
    this.log('INFO', `stopping: ${finalType}`);
    this.shutdown();
  }

  shutdown(): void {
    for (const order of this.state.orders) if (isLive(order)) return;
    this.terminate(this.state.closeType ?? 'COMPLETED');
  }

  control(quote: Quote): void {
    const { state } = this;
    const { config } = state;
    const filled = new Set<number>();
    const live = new Set<number>();
    for (const order of state.orders) {
      if (order.status === 'FILLED') filled.add(sliceOf(order.role));
      else if (isLive(order)) live.add(sliceOf(order.role));
    }
    // Done when every slice filled, or (a slice partly filled before a re-send) the total is reached with nothing resting.
    if (filled.size === state.slices || (live.size === 0 && state.openQuote >= config.total_amount_quote * (1 - EPSILON))) return this.beginClose('COMPLETED');
    if (config.mode === 'MAKER' && config.order_resubmission_time != null) {
      const staleBefore = this.view.now - config.order_resubmission_time * 1000;
      this.cancel((order) => order.filledBase < order.amount && order.createdAt <= staleBefore);
    }
    const due = Math.min(state.slices, Math.floor((this.view.now - state.startedAt) / (config.order_interval * 1000)) + 1);
    for (let slice = 0; slice < due; slice++) {
      if (filled.has(slice) || live.has(slice)) continue;
      if (this.retriesExhausted()) return;
      this.sendSlice(slice, quote, state.slices - filled.size - live.size);
      live.add(slice);
    }
  }

  /** What is left of the total (less what rests) over the slices left, in base at mid. */
  sendSlice(slice: number, quote: Quote, slicesLeft: number): void {
    const { config } = this.state;
    let resting = 0;
    for (const order of this.state.orders) if (isLive(order)) resting += (order.amount - order.filledBase) * (order.price ?? quote.mid);
    const amountQuote = (config.total_amount_quote - this.state.openQuote - resting) / Math.max(slicesLeft, 1);
    if (amountQuote <= 0) return;
    const maker = config.mode === 'MAKER';
    const price = maker ? quote.mid * (1 - sideSign(config.side) * (config.limit_order_buffer ?? 0)) : undefined;
    this.place(`slice${slice}`, config.side, maker ? 'LIMIT' : 'MARKET', amountQuote / quote.mid, price, 'OPEN');
  }
}

function start(config: TwapConfig, view: MarketView): Step<TwapState> {
  const key = marketKey(marketOf(config));
  const quote = view.quotes[key];
  const state: TwapState = {
    config,
    key,
    status: 'RUNNING',
    closeType: null,
    closeTimestamp: null,
    startedAt: config.timestamp != null ? config.timestamp * 1000 : view.now,
    slices: sliceCount(config),
    seq: 0,
    orders: [],
    ...NO_FILLS,
    trailingTrigger: null,
    retries: 0,
    heldOrders: [],
  };
  const decision = new Decision(state, view, quote);
  if (!hasBalance(config, quote ? config.total_amount_quote / quote.mid : 0, config.total_amount_quote, view)) {
    decision.log('ERROR', `not enough balance on ${config.connector_name} for ${config.total_amount_quote} quote`);
    decision.terminate('INSUFFICIENT_BALANCE');
  } else if (quote) decision.control(quote);
  return { state: decision.state, actions: decision.actions };
}

function step(state: TwapState, view: MarketView, events: readonly ExecutorEvent[]): Step<TwapState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const quote = view.quotes[state.key];
  const decision = new Decision(state, view, quote);
  if (events.length > 0) decision.applyOrderEvents(events);
  if (decision.state.status === 'RUNNING' && quote) decision.control(quote);
  else if (decision.state.status === 'SHUTTING_DOWN') decision.shutdown();
  return { state: decision.state, actions: decision.actions };
}

/** Hummingbot's TWAP PnL: what was executed marked at mid, less fees. */
function report(state: TwapState, view: MarketView): ExecutorReport {
  const mid = view.quotes[state.key]?.mid;
  const average = state.openBase > 0 ? state.openQuote / state.openBase : 0;
  const tradePct = mid !== undefined && average > 0 ? (sideSign(state.config.side) * (mid - average)) / average : 0;
  const netPnlQuote = tradePct * state.openQuote - state.feesQuote;
  const running = state.status !== 'TERMINATED';
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.side,
    netPnlQuote,
    netPnlPct: state.openQuote > 0 ? netPnlQuote / state.openQuote : 0,
    cumFeesQuote: state.feesQuote,
    filledAmountQuote: state.openQuote,
    isActive: running,
    isTrading: state.status === 'RUNNING' && state.openBase > 0,
    customInfo: {
      side: state.config.side,
      number_of_orders: state.slices,
      filled_amount_base: state.openNetBase,
      average_executed_price: average,
      order_ids: state.orders.map((order) => order.ref),
      current_retries: state.retries,
      held_position_orders: state.heldOrders,
    },
  };
}

export const twapExecutor: ExecutorCore<TwapConfig, TwapState> = {
  type: 'twap_executor',
  configSchema: TwapConfigSchema,
  markets: (config) => [marketOf(config)],
  start,
  step,
  report,
};
