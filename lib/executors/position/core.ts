import type { CloseType, ExecutorAction, ExecutorCore, ExecutorEvent, ExecutorReport, MarketRules, MarketView, OrderType, Quote, RunnableStatus, Step, TradeSide } from '../core';
import { marketKey } from '../core';
import { isPerpetual, marketOf } from '../config';
import { applyOrderEvents, baseAsset, cancelLive, type HeldOrder, heldOrders, isLive, netBase, opposite, quoteAsset, sideSign, trackOrder, type TrackedOrder } from '../orders';
import { PositionConfigSchema, type PositionConfig } from './config';

// Hummingbot's position executor (§2.1 of the strategy reference): open one position, then close it at
// the first barrier among stop-loss, trailing stop, take-profit (checked in that order once the open
// order is filled) and the time limit (checked every tick).

/** Retries of failed orders before the executor gives up FAILED (Hummingbot API's `max_retries`). */
export const POSITION_MAX_RETRIES = 10;

type Role = 'open' | 'close' | 'take_profit';
type Order = TrackedOrder<Role>;

export interface PositionState {
  config: PositionConfig;
  key: string;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  /** The executor's start (config `timestamp`, else the first step's clock), ms. */
  startedAt: number;
  /** The configured entry, or the book's at start; the fill-weighted price replaces it once filled. */
  entryPrice: number;
  /** Actions numbered so far: a ref is the role and this number, the same for the same inputs. */
  seq: number;
  orders: Order[];
  /** Totals over every order, kept as fills arrive so a tick without events reads them, not the orders. */
  openBase: number;
  openNetBase: number;
  openQuote: number;
  closeBase: number;
  closeQuote: number;
  feesQuote: number;
  trailingTrigger: number | null;
  retries: number;
  heldOrders: HeldOrder[];
}

const NO_RULES: MarketRules = { minOrderSize: 0, minNotional: 0, sizeIncrement: 0, priceIncrement: 0, makerFee: 0, takerFee: 0 };
/** Relative tolerance under which two float amounts count as equal. */
const EPSILON = 1e-9;

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

/** The price a position is valued at: what closing it would get (best bid for a long, best ask for a short). */
function exitQuotePrice(side: TradeSide, quote: Quote): number {
  return side === 'BUY' ? quote.bestBid : quote.bestAsk;
}

function entryOf(state: PositionState): number {
  return state.openBase > 0 ? state.openQuote / state.openBase : state.entryPrice;
}

/** PnL in quote net of fees: the closed part at its fills, the rest at `markPrice`. */
function netPnlQuote(state: PositionState, markPrice: number): number {
  if (state.openNetBase <= 0) return -state.feesQuote;
  const entry = state.openQuote / state.openBase;
  const remaining = Math.max(state.openNetBase - state.closeBase, 0);
  const exitValue = state.closeQuote + remaining * markPrice;
  const costBasis = (state.closeBase + remaining) * entry;
  return sideSign(state.config.side) * (exitValue - costBasis) - state.feesQuote;
}

function netPnlPct(state: PositionState, markPrice: number): number {
  if (state.openNetBase <= 0) return 0;
  return netPnlQuote(state, markPrice) / (state.openNetBase * (state.openQuote / state.openBase));
}

function rulesOf(state: PositionState, view: MarketView): MarketRules {
  return view.rules[state.key] ?? NO_RULES;
}

/** An amount a venue takes as an order. */
function tradable(amount: number, price: number, rules: MarketRules): boolean {
  return amount > EPSILON && amount >= rules.minOrderSize && amount * price >= rules.minNotional;
}

function isOpenComplete(state: PositionState, rules: MarketRules): boolean {
  const remaining = state.config.amount - state.openBase;
  return remaining <= state.config.amount * EPSILON || (state.openBase > 0 && remaining < rules.minOrderSize);
}

function hasLive(state: PositionState, role: Role): boolean {
  for (const order of state.orders) if (order.role === role && isLive(order)) return true;
  return false;
}

/** The fill totals recomputed from the orders (after events changed them). */
function withTotals(state: PositionState, orders: Order[]): PositionState {
  let openBase = 0;
  let openNetBase = 0;
  let openQuote = 0;
  let closeBase = 0;
  let closeQuote = 0;
  let feesQuote = 0;
  for (const order of orders) {
    feesQuote += order.feeQuote;
    if (order.role === 'open') {
      openBase += order.filledBase;
      openNetBase += netBase(order);
      openQuote += order.filledQuote;
    } else {
      closeBase += order.filledBase;
      closeQuote += order.filledQuote;
    }
  }
  return { ...state, orders, openBase, openNetBase, openQuote, closeBase, closeQuote, feesQuote };
}

/** Decisions of one step: the state as it evolves and the actions taken. */
class Decision {
  readonly actions: ExecutorAction[] = [];
  constructor(
    public state: PositionState,
    readonly view: MarketView,
    readonly quote: Quote | undefined,
  ) {}

  place(role: Role, side: TradeSide, orderType: OrderType, amount: number, price: number | undefined): void {
    const { state } = this;
    const action = {
      type: 'place_order' as const,
      ref: `${role}-${state.seq}`,
      market: marketOf(state.config),
      side,
      orderType,
      amount,
      ...(price === undefined ? {} : { price }),
      positionAction: role === 'open' ? ('OPEN' as const) : ('CLOSE' as const),
    };
    this.actions.push(action);
    this.state = { ...state, seq: state.seq + 1, orders: [...state.orders, trackOrder(action, role, this.view.now)] };
  }

  cancel(select: (order: Order) => boolean): void {
    const orders = cancelLive(this.state.orders, select, this.actions);
    if (orders !== this.state.orders) this.state = { ...this.state, orders };
  }

  log(level: 'INFO' | 'WARNING' | 'ERROR', message: string): void {
    this.actions.push({ type: 'log', level, message });
  }

  terminate(closeType: CloseType): void {
    const { state } = this;
    const held = closeType === 'POSITION_HOLD' ? heldOrders(state.orders, state.config.leverage) : [];
    this.state = { ...state, status: 'TERMINATED', closeType, closeTimestamp: this.view.now, heldOrders: held };
  }

  /** Cancels the open and take-profit orders and closes what is filled (POSITION_HOLD keeps it). */
  beginClose(closeType: CloseType): void {
    const { state } = this;
    const kept = closeType === 'POSITION_HOLD' && state.openNetBase > 0;
    const finalType = closeType === 'POSITION_HOLD' && !kept ? 'EARLY_STOP' : closeType;
    this.cancel((order) => order.role !== 'close');
    this.state = { ...this.state, status: 'SHUTTING_DOWN', closeType: finalType };
    this.log('INFO', `closing: ${finalType}`);
    if (!kept) this.sendClose();
    this.shutdown();
  }

  /** A MARKET order for the filled amount not yet closed, if a venue would take it. */
  sendClose(): boolean {
    const { state, quote } = this;
    const remaining = state.openNetBase - state.closeBase;
    const price = quote ? exitQuotePrice(state.config.side, quote) : entryOf(state);
    if (!tradable(remaining, price, rulesOf(state, this.view))) return false;
    this.place('close', opposite(state.config.side), 'MARKET', remaining, undefined);
    return true;
  }

  /** SHUTTING_DOWN: once no order is live, re-send the close until it matches the open, then stop. */
  shutdown(): void {
    const { state } = this;
    for (const order of state.orders) if (isLive(order)) return;
    if (state.closeType === 'POSITION_HOLD') return this.terminate('POSITION_HOLD');
    if (this.retriesExhausted() || this.sendClose()) return;
    this.terminate(state.closeType ?? 'EARLY_STOP');
  }

  retriesExhausted(): boolean {
    if (this.state.retries <= POSITION_MAX_RETRIES) return false;
    this.log('ERROR', `${this.state.retries} orders failed: giving up`);
    this.terminate('FAILED');
    return true;
  }

  /** RUNNING: place or withdraw the open order, then the barriers. */
  control(quote: Quote): void {
    const { config } = this.state;
    const rules = rulesOf(this.state, this.view);
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
    this.place('open', config.side, orderType, config.amount - state.openBase, orderType === 'MARKET' ? undefined : price);
  }

  /** Stop-loss, trailing stop, take-profit, in Hummingbot's order; true when one closed the position. */
  controlBarriers(quote: Quote): boolean {
    const { state } = this;
    const barriers = state.config.triple_barrier_config;
    const pnl = netPnlPct(state, exitQuotePrice(state.config.side, quote));
    if (barriers.stop_loss != null && pnl <= -barriers.stop_loss) {
      this.beginClose('STOP_LOSS');
      return true;
    }
    const trailing = barriers.trailing_stop;
    if (trailing) {
      const trigger = state.trailingTrigger;
      if (trigger === null) {
        if (pnl > trailing.activation_price) this.state = { ...state, trailingTrigger: pnl - trailing.trailing_delta };
      } else if (pnl < trigger) {
        this.beginClose('TRAILING_STOP');
        return true;
      } else if (pnl - trailing.trailing_delta > trigger) {
        this.state = { ...state, trailingTrigger: pnl - trailing.trailing_delta };
      }
    }
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
    if (!tradable(remaining, price, rulesOf(state, this.view))) return;
    this.place('take_profit', closeSide, orderType, remaining, price);
  }

  /** The events since the last step: fills into the totals, a finished take-profit, failures, a stop. */
  applyEvents(events: readonly ExecutorEvent[]): void {
    const before = this.state;
    const orders = applyOrderEvents(before.orders, events, this.view.now);
    if (orders !== before.orders) this.state = withTotals(before, orders);
    for (const event of events) {
      if (event.type === 'stop') {
        if (this.state.status === 'RUNNING') this.beginClose(event.keepPosition ? 'POSITION_HOLD' : 'EARLY_STOP');
        continue;
      }
      if (event.type !== 'order_done') continue;
      const order = this.state.orders.find((candidate) => candidate.ref === event.ref);
      if (!order) continue;
      if (event.status === 'FAILED') {
        this.state = { ...this.state, retries: this.state.retries + 1 };
        this.log('WARNING', `${order.role} order ${order.ref} failed${event.reason ? `: ${event.reason}` : ''}`);
      } else if (event.status === 'FILLED' && order.role === 'take_profit' && this.state.status === 'RUNNING') {
        this.beginClose('TAKE_PROFIT');
      }
    }
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
    openBase: 0,
    openNetBase: 0,
    openQuote: 0,
    closeBase: 0,
    closeQuote: 0,
    feesQuote: 0,
    trailingTrigger: null,
    retries: 0,
    heldOrders: [],
  };
  const decision = new Decision(state, view, quote);
  const timeLimit = config.triple_barrier_config.time_limit;
  if (timeLimit != null && startedAt + timeLimit * 1000 <= view.now) {
    decision.log('INFO', 'the time limit passed before the executor started');
    decision.terminate('EXPIRED');
  } else if (!hasBalance(config, entryPrice, view)) {
    decision.log('ERROR', `not enough balance on ${config.connector_name} to open ${config.amount} ${baseAsset(config.trading_pair)}`);
    decision.terminate('INSUFFICIENT_BALANCE');
  } else if (quote) {
    decision.control(quote);
  }
  return { state: decision.state, actions: decision.actions };
}

/** Hummingbot's start check: a spot BUY needs the quote, a SELL the base; a perpetual the margin (notional / leverage) in quote. */
function hasBalance(config: PositionConfig, price: number, view: MarketView): boolean {
  const balances = view.balances?.[config.connector_name];
  if (!balances) return true;
  if (isPerpetual(config.connector_name)) return (balances[quoteAsset(config.trading_pair)] ?? 0) >= (config.amount * price) / config.leverage;
  if (config.side === 'BUY') return (balances[quoteAsset(config.trading_pair)] ?? 0) >= config.amount * price;
  return (balances[baseAsset(config.trading_pair)] ?? 0) >= config.amount;
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
  const pnl = netPnlPct(state, exitQuotePrice(config.side, quote));
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
  if (events.length > 0) decision.applyEvents(events);
  if (decision.state.status === 'RUNNING' && quote) decision.control(quote);
  else if (decision.state.status === 'SHUTTING_DOWN') decision.shutdown();
  return { state: decision.state, actions: decision.actions };
}

function report(state: PositionState, view: MarketView): ExecutorReport {
  const quote = view.quotes[state.key];
  const running = state.status !== 'TERMINATED';
  // Running, the open part is marked at the book; once terminated whatever was not closed is held (no PnL of its own).
  const mark = running && quote ? exitQuotePrice(state.config.side, quote) : entryOf(state);
  const open = state.orders.find((order) => order.role === 'open' && isLive(order)) ?? state.orders.find((order) => order.role === 'open');
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.side,
    netPnlQuote: netPnlQuote(state, mark),
    netPnlPct: netPnlPct(state, mark),
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
