import type { ExecutorCore, ExecutorEvent, ExecutorReport, MarketRules, MarketView, OrderType, Quote, Step, TradeSide } from '../core';
import { marketKey } from '../core';
import { ClosingDecision, type ClosingState, EPSILON, hasBalance, tradable } from '../closing';
import { marketOf } from '../config';
import { entryPrice, exitPrice, netPnlPct, netPnlQuote, NO_FILLS } from '../fills';
import { baseAsset, isLive, opposite, type TrackedOrder } from '../orders';
import { PositionConfigSchema, type PositionConfig } from './config';

// Hummingbot's position executor (§2.1 of the strategy reference): open one position, then close it at
// the first barrier among stop-loss, trailing stop, take-profit (checked in that order once the open
// order is filled) and the time limit (checked every tick).

/** Retries of failed orders before the executor gives up FAILED (Hummingbot API's `max_retries`). */
export const POSITION_MAX_RETRIES = 10;

/** Order roles: the entry, the market close, the resting take-profit. */
type Role = 'open' | 'close' | 'take_profit';

export interface PositionState extends ClosingState<PositionConfig> {
  /** The executor's start (config `timestamp`, else the first step's clock), ms. */
  startedAt: number;
  /** The configured entry, or the book's at start; the fill-weighted price replaces it once filled. */
  entryPrice: number;
}

function isLimitType(type: OrderType): boolean {
  return type !== 'MARKET';
}

/** Hummingbot's `_is_within_activation_bounds`: limit orders within b0 of mid; market orders when mid is within [−b0, +b1] of the price (mirrored for SELL). */
export function withinActivationBounds(price: number, side: TradeSide, orderType: OrderType, mid: number, bounds: readonly number[] | null | undefined): boolean {
  if (!bounds || bounds.length === 0) return true;
  const b0 = bounds[0];
  const b1 = bounds[1] ?? b0;
  if (isLimitType(orderType)) return side === 'BUY' ? price >= mid * (1 - b0) : price <= mid * (1 + b0);
  return side === 'BUY' ? mid >= price * (1 - b0) && mid <= price * (1 + b1) : mid >= price * (1 - b1) && mid <= price * (1 + b0);
}

function entryOf(state: PositionState): number {
  return entryPrice(state, state.entryPrice);
}

function isOpenComplete(state: PositionState, rules: MarketRules): boolean {
  const remaining = state.config.amount - state.openBase;
  return remaining <= state.config.amount * EPSILON || (state.openBase > 0 && remaining < rules.minOrderSize);
}

function hasLive(state: PositionState, role: Role): boolean {
  for (const order of state.orders) if (order.role === role && isLive(order)) return true;
  return false;
}

/** Decisions of one step: the state as it evolves and the actions taken. */
class Decision extends ClosingDecision<PositionState> {
  constructor(state: PositionState, view: MarketView, quote: Quote | undefined) {
    super(state, view, quote, POSITION_MAX_RETRIES);
  }

  orderDone(order: TrackedOrder, status: 'FILLED' | 'CANCELLED' | 'FAILED'): void {
    if (status === 'FILLED' && order.role === 'take_profit' && this.state.status === 'RUNNING') this.beginClose('TAKE_PROFIT');
  }

  /** RUNNING: place or withdraw the open order, then the barriers. */
  control(quote: Quote): void {
    const { config } = this.state;
    const rules = this.rules;
    const openComplete = isOpenComplete(this.state, rules);
    if (openComplete && tradable(this.state.openNetBase, entryOf(this.state), rules) && this.controlBarriers(quote)) return;
    // After the price barriers (they win a tick they share with it), before the open order (never placed only to be cancelled).
    const timeLimit = config.triple_barrier_config.time_limit;
    if (timeLimit != null && this.view.now >= this.state.startedAt + timeLimit * 1000) return this.beginClose('TIME_LIMIT');
    if (!openComplete) this.controlOpen(quote);
  }

  controlOpen(quote: Quote): void {
    const { state } = this;
    const { config } = state;
    const orderType = config.triple_barrier_config.open_order_type;
    const live = state.orders.find((order) => order.role === 'open' && isLive(order));
    if (live) {
      // Hummingbot withdraws an untouched open order that drifted out of the bounds; it is placed again on the way back.
      if (!live.cancelRequested && live.filledBase === 0 && isLimitType(orderType) && !withinActivationBounds(live.price ?? 0, config.side, orderType, quote.mid, config.activation_bounds)) {
        this.cancel((order) => order === live);
      }
      return;
    }
    if (this.retriesExhausted()) return;
    if (state.entryPrice <= 0) this.state = { ...state, entryPrice: config.side === 'BUY' ? quote.bestBid : quote.bestAsk };
    const { entryPrice } = this.state;
    const price = orderType === 'LIMIT_MAKER' ? (config.side === 'BUY' ? Math.min(entryPrice, quote.bestBid) : Math.max(entryPrice, quote.bestAsk)) : entryPrice;
    if (!withinActivationBounds(price, config.side, orderType, quote.mid, config.activation_bounds)) return;
    this.place('open', config.side, orderType, config.amount - state.openBase, orderType === 'MARKET' ? undefined : price, 'OPEN');
  }

  /** Stop-loss, trailing stop, take-profit, in Hummingbot's order; true when one closed the position. */
  controlBarriers(quote: Quote): boolean {
    const { state } = this;
    const barriers = state.config.triple_barrier_config;
    const pnl = netPnlPct(state, state.config.side, exitPrice(state.config.side, quote));
    if (barriers.stop_loss != null && pnl <= -barriers.stop_loss) {
      this.beginClose('STOP_LOSS');
      return true;
    }
    if (barriers.trailing_stop && this.trail(pnl, barriers.trailing_stop)) return true;
    const takeProfit = barriers.take_profit;
    if (takeProfit == null) return false;
    if (barriers.take_profit_order_type === 'MARKET') {
      if (pnl < takeProfit) return false;
      this.beginClose('TAKE_PROFIT');
      return true;
    }
    this.controlTakeProfitOrder(quote, takeProfit, barriers.take_profit_order_type);
    return false;
  }

  /** A resting take-profit at entry·(1 ± tp) once the position is open (and within the bounds). */
  controlTakeProfitOrder(quote: Quote, takeProfit: number, orderType: OrderType): void {
    const { state } = this;
    const { config } = state;
    if (hasLive(state, 'take_profit') || this.retriesExhausted()) return;
    const entry = entryOf(state);
    const closeSide = opposite(config.side);
    let price = config.side === 'BUY' ? entry * (1 + takeProfit) : entry * (1 - takeProfit);
    if (orderType === 'LIMIT_MAKER') price = config.side === 'BUY' ? Math.max(price, quote.bestAsk) : Math.min(price, quote.bestBid);
    if (!withinActivationBounds(price, closeSide, orderType, quote.mid, config.activation_bounds)) return;
    const remaining = state.openNetBase - state.closeBase;
    if (!tradable(remaining, price, this.rules)) return;
    this.place('take_profit', closeSide, orderType, remaining, price, 'CLOSE');
  }

}

function start(config: PositionConfig, view: MarketView): Step<PositionState> {
  const key = marketKey(marketOf(config));
  const quote = view.quotes[key];
  const startedAt = config.timestamp != null ? config.timestamp * 1000 : view.now;
  const entryPrice = config.entry_price ?? (quote ? (config.side === 'BUY' ? quote.bestBid : quote.bestAsk) : 0);
  const state: PositionState = {
    config,
    key,
    status: 'RUNNING',
    closeType: null,
    closeTimestamp: null,
    startedAt,
    entryPrice,
    seq: 0,
    orders: [],
    ...NO_FILLS,
    trailingTrigger: null,
    retries: 0,
    heldOrders: [],
  };
  const decision = new Decision(state, view, quote);
  const timeLimit = config.triple_barrier_config.time_limit;
  if (timeLimit != null && startedAt + timeLimit * 1000 <= view.now) {
    decision.log('INFO', 'the time limit passed before the executor started');
    decision.terminate('EXPIRED');
  } else if (!hasBalance(config, config.amount, config.amount * entryPrice, view)) {
    decision.log('ERROR', `not enough balance on ${config.connector_name} to open ${config.amount} ${baseAsset(config.trading_pair)}`);
    decision.terminate('INSUFFICIENT_BALANCE');
  } else if (quote) {
    decision.control(quote);
  }
  return { state: decision.state, actions: decision.actions };
}

/**
 * The tick of an open position that no barrier closes, with no new trailing high: nothing to decide,
 * so nothing is allocated (a backtest runs this millions of times).
 */
function isQuietTick(state: PositionState, view: MarketView, quote: Quote): boolean {
  const { config } = state;
  const barriers = config.triple_barrier_config;
  if (barriers.time_limit != null && view.now >= state.startedAt + barriers.time_limit * 1000) return false;
  if (state.openBase < config.amount * (1 - EPSILON) || hasLive(state, 'open')) return false;
  if (barriers.take_profit != null && barriers.take_profit_order_type !== 'MARKET' && !hasLive(state, 'take_profit')) return false;
  const pnl = netPnlPct(state, config.side, exitPrice(config.side, quote));
  if (barriers.stop_loss != null && pnl <= -barriers.stop_loss) return false;
  if (barriers.take_profit != null && barriers.take_profit_order_type === 'MARKET' && pnl >= barriers.take_profit) return false;
  const trailing = barriers.trailing_stop;
  if (!trailing) return true;
  const trigger = state.trailingTrigger;
  return trigger === null ? pnl <= trailing.activation_price : pnl >= trigger && pnl - trailing.trailing_delta <= trigger;
}

function step(state: PositionState, view: MarketView, events: readonly ExecutorEvent[]): Step<PositionState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const quote = view.quotes[state.key];
  if (events.length === 0 && state.status === 'RUNNING' && quote && isQuietTick(state, view, quote)) return { state, actions: [] };
  const decision = new Decision(state, view, quote);
  if (events.length > 0) decision.applyOrderEvents(events);
  if (decision.state.status === 'RUNNING' && quote) decision.control(quote);
  else if (decision.state.status === 'SHUTTING_DOWN') decision.shutdown();
  return { state: decision.state, actions: decision.actions };
}

function report(state: PositionState, view: MarketView): ExecutorReport {
  const quote = view.quotes[state.key];
  const running = state.status !== 'TERMINATED';
  // Running, the open part is marked at the book; once terminated whatever was not closed is held (no PnL of its own).
  const mark = running && quote ? exitPrice(state.config.side, quote) : entryOf(state);
  const open = state.orders.find((order) => order.role === 'open' && isLive(order)) ?? state.orders.find((order) => order.role === 'open');
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.side,
    netPnlQuote: netPnlQuote(state, state.config.side, mark),
    netPnlPct: netPnlPct(state, state.config.side, mark),
    cumFeesQuote: state.feesQuote,
    filledAmountQuote: state.openQuote + state.closeQuote,
    isActive: running,
    isTrading: state.status === 'RUNNING' && state.openNetBase > 0,
    customInfo: {
      level_id: state.config.level_id ?? null,
      current_position_average_price: entryOf(state),
      side: state.config.side,
      current_retries: state.retries,
      max_retries: POSITION_MAX_RETRIES,
      close_price: state.closeBase > 0 ? state.closeQuote / state.closeBase : mark,
      open_order_last_update: open ? open.updatedAt / 1000 : null,
      order_ids: state.orders.map((order) => order.ref),
      held_position_orders: state.heldOrders,
    },
  };
}

export const positionExecutor: ExecutorCore<PositionConfig, PositionState> = {
  type: 'position_executor',
  configSchema: PositionConfigSchema,
  markets: (config) => [marketOf(config)],
  start,
  step,
  report,
};
