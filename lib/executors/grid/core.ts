import type { CloseType, ExecutorAction, ExecutorCore, ExecutorEvent, ExecutorReport, MarketRules, MarketView, Quote, RunnableStatus, Step, TradeSide } from '../core';
import { marketKey } from '../core';
import { marketOf } from '../config';
import { applyOrderEvents, averagePrice, cancelLive, type HeldOrder, heldOrders, isLive, netBase, opposite, sideSign, trackOrder, type TrackedOrder } from '../orders';
import { GridConfigSchema, type GridConfig } from './config';

// Hummingbot's grid executor (§2.3): levels spread from start to end price; each level opens at its
// price and takes profit a step away, then recycles. The grid stops on its global barriers: stop-loss,
// limit price, time limit, trailing stop, or the price leaving the range on the profitable side.

export type GridLevelState = 'NOT_ACTIVE' | 'OPEN_ORDER_PLACED' | 'OPEN_ORDER_FILLED' | 'CLOSE_ORDER_PLACED' | 'COMPLETE';

export interface GridLevel {
  id: string;
  price: number;
  amountQuote: number;
  takeProfit: number;
  state: GridLevelState;
  openRef: string | null;
  closeRef: string | null;
}

type Order = TrackedOrder;

/** Fills of completed level pairs (and of the final close), folded in so the order list stays short. */
interface Realized {
  buyQuote: number;
  sellQuote: number;
  buyBase: number;
  sellBase: number;
  feesQuote: number;
  pairs: number;
}

export interface GridState {
  config: GridConfig;
  key: string;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  startedAt: number;
  seq: number;
  levels: GridLevel[];
  /** Orders of levels not yet completed, and the closing market orders. */
  orders: Order[];
  realized: Realized;
  lastOpenAt: number | null;
  trailingTrigger: number | null;
  failedOrders: number;
  canceledOrders: number;
  heldOrders: HeldOrder[];
}

const NO_RULES: MarketRules = { minOrderSize: 0, minNotional: 0, sizeIncrement: 0, priceIncrement: 0, makerFee: 0, takerFee: 0 };
const EPSILON = 1e-9;

const roundUp = (value: number, increment: number) => (increment > 0 ? Math.ceil(value / increment - EPSILON) * increment : value);
const roundDown = (value: number, increment: number) => (increment > 0 ? Math.floor(value / increment + EPSILON) * increment : value);

/**
 * Hummingbot's level plan: as many levels as the budget (each at least the minimum notional with a 5 %
 * margin) and the minimum spread allow, spaced linearly from start to end inclusive (one level: the midpoint).
 */
export function gridLevels(config: GridConfig, mid: number, rules: MarketRules): GridLevel[] {
  const minNotional = Math.max(config.min_order_amount_quote, rules.minNotional);
  const minBase = roundUp(Math.max((minNotional * 1.05) / mid, rules.minOrderSize), rules.sizeIncrement);
  const minQuote = minBase * mid;
  const range = (config.end_price - config.start_price) / config.start_price;
  const minStep = Math.max(config.min_spread_between_orders, rules.priceIncrement / mid);
  const byBudget = Math.floor(config.total_amount_quote / minQuote + EPSILON);
  let count = 1;
  let amountQuote = minQuote;
  if (byBudget > 0) {
    count = Math.max(1, Math.min(byBudget, Math.floor(range / minStep + EPSILON)));
    const baseEach = Math.max(minBase, roundDown(config.total_amount_quote / (mid * count), rules.sizeIncrement));
    amountQuote = baseEach * mid;
    count = Math.max(1, Math.min(count, Math.floor(config.total_amount_quote / amountQuote + EPSILON)));
  }
  const step = count > 1 ? range / (count - 1) : range;
  const takeProfit = config.coerce_tp_to_step ? Math.max(step, config.triple_barrier_config.take_profit ?? 0) : (config.triple_barrier_config.take_profit ?? step);
  const span = config.end_price - config.start_price;
  return Array.from({ length: count }, (_, i) => ({
    id: `L${i}`,
    price: count > 1 ? config.start_price + (span * i) / (count - 1) : (config.start_price + config.end_price) / 2,
    amountQuote,
    takeProfit,
    state: 'NOT_ACTIVE' as const,
    openRef: null,
    closeRef: null,
  }));
}

/** The position the filled levels hold, and what it is worth at `mid`. */
export interface GridPosition {
  base: number;
  /** The held base at its entry prices. */
  quote: number;
  breakEven: number;
  feesQuote: number;
  pnlQuote: number;
}

/** A level's open order, and the base its open filled and its take-profits closed so far. */
function levelFills(state: GridState, level: GridLevel): { open: Order | undefined; held: number; closed: number } {
  let open: Order | undefined;
  let held = 0;
  let closed = 0;
  for (const order of state.orders) {
    if (order.role !== level.id) continue;
    if (order.positionAction === 'OPEN') {
      open = order;
      held += state.config.deduct_base_fees ? netBase(order) : order.filledBase;
    } else closed += order.filledBase;
  }
  return { open, held, closed };
}

export function gridPosition(state: GridState, mid: number): GridPosition {
  const sign = sideSign(state.config.side);
  let base = 0;
  let quote = 0;
  let feesQuote = 0;
  let pnlQuote = 0;
  for (const order of state.orders) {
    feesQuote += order.feeQuote;
    const isOpen = order.side === state.config.side && order.positionAction === 'OPEN';
    if (isOpen) {
      const held = state.config.deduct_base_fees ? netBase(order) : order.filledBase;
      base += held;
      quote += held * averagePrice(order);
    }
  }
  for (const order of state.orders) {
    if (order.positionAction !== 'CLOSE' || order.filledBase === 0) continue;
    // A close's fills leave the position at the entry's break-even and realise their difference.
    const entry = base > 0 ? quote / base : averagePrice(order);
    base -= order.filledBase;
    quote -= order.filledBase * entry;
    pnlQuote += sign * (order.filledQuote - order.filledBase * entry);
  }
  const breakEven = base > EPSILON ? quote / base : 0;
  pnlQuote += sign * (mid - breakEven) * Math.max(base, 0) - feesQuote;
  return { base: Math.max(base, 0), quote: Math.max(quote, 0), breakEven, feesQuote, pnlQuote };
}

function realizedPnl(realized: Realized): number {
  return realized.sellQuote - realized.buyQuote - realized.feesQuote;
}

function foldInto(realized: Realized, orders: readonly Order[], pairs: number): Realized {
  const next = { ...realized, pairs: realized.pairs + pairs };
  for (const order of orders) {
    next.feesQuote += order.feeQuote;
    if (order.side === 'BUY') {
      next.buyQuote += order.filledQuote;
      next.buyBase += order.filledBase;
    } else {
      next.sellQuote += order.filledQuote;
      next.sellBase += order.filledBase;
    }
  }
  return next;
}

class Decision {
  readonly actions: ExecutorAction[] = [];
  constructor(
    public state: GridState,
    readonly view: MarketView,
  ) {}

  get rules(): MarketRules {
    return this.view.rules[this.state.key] ?? NO_RULES;
  }

  setLevel(index: number, change: Partial<GridLevel>): void {
    const levels = this.state.levels.slice();
    levels[index] = { ...levels[index], ...change };
    this.state = { ...this.state, levels };
  }

  place(role: string, side: TradeSide, orderType: Order['orderType'], amount: number, price: number | undefined, positionAction: 'OPEN' | 'CLOSE'): string {
    const { state } = this;
    const action = {
      type: 'place_order' as const,
      ref: `${role}-${state.seq}`,
      market: marketOf(state.config),
      side,
      orderType,
      amount,
      ...(price === undefined ? {} : { price }),
      positionAction,
    };
    this.actions.push(action);
    this.state = { ...state, seq: state.seq + 1, orders: [...state.orders, trackOrder(action, role, this.view.now)] };
    return action.ref;
  }

  cancel(select: (order: Order) => boolean): void {
    const orders = cancelLive(this.state.orders, select, this.actions);
    if (orders !== this.state.orders) this.state = { ...this.state, orders };
  }

  applyEvents(events: readonly ExecutorEvent[]): void {
    const orders = applyOrderEvents(this.state.orders, events, this.view.now);
    if (orders !== this.state.orders) this.state = { ...this.state, orders };
    for (const event of events) {
      if (event.type === 'stop') {
        if (this.state.status === 'RUNNING') this.beginClose(event.keepPosition ? 'POSITION_HOLD' : 'EARLY_STOP');
        continue;
      }
      if (event.type !== 'order_done') continue;
      if (event.status === 'FAILED') this.state = { ...this.state, failedOrders: this.state.failedOrders + 1 };
      if (event.status === 'CANCELLED') this.state = { ...this.state, canceledOrders: this.state.canceledOrders + 1 };
      const index = this.state.levels.findIndex((level) => level.openRef === event.ref || level.closeRef === event.ref);
      if (index >= 0) this.levelOrderDone(index, event.ref, event.status);
    }
  }

  /** A level's order is final: a filled open waits for its take-profit, a filled take-profit completes the pair. */
  levelOrderDone(index: number, ref: string, status: 'FILLED' | 'CANCELLED' | 'FAILED'): void {
    const level = this.state.levels[index];
    const { open, held, closed } = levelFills(this.state, level);
    const done = this.state.orders.find((order) => order.ref === ref);
    if (ref === level.openRef) {
      if (held > 0) return this.setLevel(index, { state: 'OPEN_ORDER_FILLED' });
      // An open cancelled or refused untouched frees its level, and the next batch need not wait.
      this.state = { ...this.state, orders: this.state.orders.filter((order) => order !== open), lastOpenAt: null };
      return this.setLevel(index, { state: 'NOT_ACTIVE', openRef: null });
    }
    if (status !== 'FILLED' && closed < held * (1 - EPSILON)) {
      // A take-profit cancelled or refused stays with its level (its fills count); the next one closes the rest.
      if (done && done.filledBase === 0) this.state = { ...this.state, orders: this.state.orders.filter((order) => order !== done) };
      return this.setLevel(index, { state: 'OPEN_ORDER_FILLED', closeRef: null });
    }
    const pair = this.state.orders.filter((order) => order.role === level.id);
    this.state = { ...this.state, orders: this.state.orders.filter((order) => order.role !== level.id), realized: foldInto(this.state.realized, pair, 1) };
    this.setLevel(index, { state: 'NOT_ACTIVE', openRef: null, closeRef: null });
  }

  terminate(closeType: CloseType): void {
    const { state } = this;
    if (closeType === 'POSITION_HOLD') {
      this.state = { ...state, status: 'TERMINATED', closeType, closeTimestamp: this.view.now, heldOrders: heldOrders(state.orders, state.config.leverage) };
      return;
    }
    // Flat: every fill is realised.
    this.state = { ...state, status: 'TERMINATED', closeType, closeTimestamp: this.view.now, orders: [], realized: foldInto(state.realized, state.orders, 0) };
  }

  beginClose(closeType: CloseType): void {
    this.cancel(() => true);
    const holding = gridPosition(this.state, 0).base > EPSILON;
    const finalType = closeType === 'POSITION_HOLD' && !holding ? 'EARLY_STOP' : closeType;
    this.state = { ...this.state, status: 'SHUTTING_DOWN', closeType: finalType };
    this.actions.push({ type: 'log', level: 'INFO', message: `closing: ${finalType}` });
    this.shutdown();
  }

  /** Once nothing rests, hold the position (POSITION_HOLD) or close what is left with a market order until flat. */
  shutdown(): void {
    const { state, view } = this;
    for (const order of state.orders) if (isLive(order)) return;
    if (state.closeType === 'POSITION_HOLD') return this.terminate('POSITION_HOLD');
    const quote = view.quotes[state.key];
    const remaining = gridPosition(state, 0).base;
    const price = quote ? quote.mid : 0;
    if (remaining > EPSILON && remaining >= this.rules.minOrderSize && remaining * price >= this.rules.minNotional) {
      if (state.failedOrders > 10 * (state.levels.length + 1)) return this.terminate('FAILED');
      this.place('close', opposite(state.config.side), 'MARKET', remaining, undefined, 'CLOSE');
      return;
    }
    this.terminate(state.closeType ?? 'EARLY_STOP');
  }

  /** The global barriers in Hummingbot's order; true when one stops the grid. */
  controlBarriers(quote: Quote): boolean {
    const { config } = this.state;
    const barriers = config.triple_barrier_config;
    const position = gridPosition(this.state, quote.mid);
    const pnlPct = position.quote > 0 ? position.pnlQuote / position.quote : 0;
    const buy = config.side === 'BUY';
    let closeType: CloseType | null = null;
    if (barriers.stop_loss != null && position.quote > 0 && pnlPct <= -barriers.stop_loss) closeType = 'STOP_LOSS';
    else if (buy ? quote.mid <= config.limit_price : quote.mid >= config.limit_price) closeType = config.keep_position ? 'POSITION_HOLD' : 'STOP_LOSS';
    else if (barriers.time_limit != null && this.view.now >= this.state.startedAt + barriers.time_limit * 1000) closeType = 'TIME_LIMIT';
    else if (barriers.trailing_stop && position.quote > 0) {
      const { activation_price: activation, trailing_delta: delta } = barriers.trailing_stop;
      const trigger = this.state.trailingTrigger;
      if (trigger === null) {
        if (pnlPct > activation) this.state = { ...this.state, trailingTrigger: pnlPct - delta };
      } else if (pnlPct < trigger) closeType = 'TRAILING_STOP';
      else if (pnlPct - delta > trigger) this.state = { ...this.state, trailingTrigger: pnlPct - delta };
    }
    if (!closeType && (buy ? quote.mid > config.end_price : quote.mid < config.start_price)) closeType = 'TAKE_PROFIT';
    if (!closeType) return false;
    this.beginClose(closeType);
    return true;
  }

  within(price: number, side: TradeSide, mid: number): boolean {
    const bounds = this.state.config.activation_bounds;
    if (bounds == null) return true;
    return side === 'BUY' ? price >= mid * (1 - bounds) : price <= mid * (1 + bounds);
  }

  /** Opens for the idle levels nearest to mid (within the bounds, the open-order cap and the batch frequency). */
  placeOpens(quote: Quote): void {
    const { config } = this.state;
    const { now } = this.view;
    const lastOpenAt = this.state.lastOpenAt;
    if (lastOpenAt !== null && now - lastOpenAt < config.order_frequency * 1000) return;
    let openCount = 0;
    for (const level of this.state.levels) if (level.state === 'OPEN_ORDER_PLACED') openCount++;
    const free = config.max_open_orders - openCount;
    if (free <= 0) return;
    const candidates = this.state.levels
      .map((level, index) => ({ level, index }))
      .filter(({ level }) => level.state === 'NOT_ACTIVE' && this.within(level.price, config.side, quote.mid))
      .sort((a, b) => Math.abs(a.level.price - quote.mid) - Math.abs(b.level.price - quote.mid))
      .slice(0, Math.min(free, config.max_orders_per_batch ?? free));
    if (candidates.length === 0) return;
    const safe = config.safe_extra_spread;
    for (const { level, index } of candidates) {
      const crosses = config.side === 'BUY' ? level.price >= quote.bestAsk : level.price <= quote.bestBid;
      const price = crosses ? (config.side === 'BUY' ? quote.bestBid * (1 - safe) : quote.bestAsk * (1 + safe)) : level.price;
      const ref = this.place(level.id, config.side, config.triple_barrier_config.open_order_type, level.amountQuote / quote.mid, price, 'OPEN');
      this.setLevel(index, { state: 'OPEN_ORDER_PLACED', openRef: ref });
    }
    this.state = { ...this.state, lastOpenAt: now };
  }

  /** A take-profit for each filled level, a step (its TP) away from the level's price, never crossing the book. */
  placeCloses(quote: Quote): void {
    const { config } = this.state;
    const closeSide = opposite(config.side);
    const safe = config.safe_extra_spread;
    this.state.levels.forEach((level, index) => {
      if (level.state !== 'OPEN_ORDER_FILLED') return;
      const target = config.side === 'BUY' ? level.price * (1 + level.takeProfit) : level.price * (1 - level.takeProfit);
      if (!this.within(target, closeSide, quote.mid)) return;
      const crosses = closeSide === 'SELL' ? target <= quote.bestBid : target >= quote.bestAsk;
      const price = crosses ? (closeSide === 'SELL' ? quote.bestAsk * (1 + safe) : quote.bestBid * (1 - safe)) : target;
      const { held, closed } = levelFills(this.state, level);
      const amount = held - closed;
      if (amount <= EPSILON) return;
      const ref = this.place(level.id, closeSide, config.triple_barrier_config.take_profit_order_type, amount, price, 'CLOSE');
      this.setLevel(index, { state: 'CLOSE_ORDER_PLACED', closeRef: ref });
    });
  }

  /** Resting orders that drifted beyond the activation bounds are withdrawn (untouched opens only). */
  cancelOutOfBounds(quote: Quote): void {
    if (this.state.config.activation_bounds == null) return;
    this.cancel((order) => order.filledBase === 0 && order.price !== null && !this.within(order.price, order.side, quote.mid));
  }

  control(quote: Quote): void {
    if (this.controlBarriers(quote)) return;
    this.placeOpens(quote);
    this.placeCloses(quote);
    this.cancelOutOfBounds(quote);
  }
}

function start(config: GridConfig, view: MarketView): Step<GridState> {
  const key = marketKey(marketOf(config));
  const quote = view.quotes[key];
  const state: GridState = {
    config,
    key,
    status: 'RUNNING',
    closeType: null,
    closeTimestamp: null,
    startedAt: config.timestamp != null ? config.timestamp * 1000 : view.now,
    seq: 0,
    levels: quote ? gridLevels(config, quote.mid, view.rules[key] ?? NO_RULES) : [],
    orders: [],
    realized: { buyQuote: 0, sellQuote: 0, buyBase: 0, sellBase: 0, feesQuote: 0, pairs: 0 },
    lastOpenAt: null,
    trailingTrigger: null,
    failedOrders: 0,
    canceledOrders: 0,
    heldOrders: [],
  };
  const decision = new Decision(state, view);
  if (quote) decision.control(quote);
  return { state: decision.state, actions: decision.actions };
}

function step(state: GridState, view: MarketView, events: readonly ExecutorEvent[]): Step<GridState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const quote = view.quotes[state.key];
  const decision = new Decision(state, view);
  if (decision.state.levels.length === 0 && quote) decision.state = { ...state, levels: gridLevels(state.config, quote.mid, view.rules[state.key] ?? NO_RULES) };
  if (events.length > 0) decision.applyEvents(events);
  if (decision.state.status === 'RUNNING' && quote) decision.control(quote);
  else if (decision.state.status === 'SHUTTING_DOWN') decision.shutdown();
  return { state: decision.state, actions: decision.actions };
}

function report(state: GridState, view: MarketView): ExecutorReport {
  const mid = view.quotes[state.key]?.mid ?? 0;
  const running = state.status !== 'TERMINATED';
  const position = running ? gridPosition(state, mid) : null;
  const realizedPnlQuote = realizedPnl(state.realized);
  const netPnlQuote = realizedPnlQuote + (position?.pnlQuote ?? 0);
  let liveVolume = 0;
  for (const order of state.orders) liveVolume += order.filledQuote;
  const filledAmountQuote = state.realized.buyQuote + state.realized.sellQuote + liveVolume;
  const levelsByState: Record<GridLevelState, number> = { NOT_ACTIVE: 0, OPEN_ORDER_PLACED: 0, OPEN_ORDER_FILLED: 0, CLOSE_ORDER_PLACED: 0, COMPLETE: 0 };
  for (const level of state.levels) levelsByState[level.state]++;
  const liquidity = (positionAction: 'OPEN' | 'CLOSE') =>
    state.orders.reduce((sum, order) => (isLive(order) && order.positionAction === positionAction ? sum + (order.amount - order.filledBase) * (order.price ?? mid) : sum), 0);
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.side,
    netPnlQuote,
    netPnlPct: filledAmountQuote > 0 ? netPnlQuote / filledAmountQuote : 0,
    cumFeesQuote: state.realized.feesQuote + state.orders.reduce((sum, order) => sum + order.feeQuote, 0),
    filledAmountQuote,
    isActive: running,
    isTrading: state.status === 'RUNNING' && (position?.quote ?? 0) > 0,
    customInfo: {
      side: state.config.side,
      levels_by_state: levelsByState,
      filled_orders: state.realized.pairs,
      held_position_orders: state.heldOrders,
      held_position_value: state.heldOrders.reduce((sum, order) => sum + order.executed_amount_quote, 0),
      failed_orders: state.failedOrders,
      canceled_orders: state.canceledOrders,
      realized_buy_size_quote: state.realized.buyQuote,
      realized_sell_size_quote: state.realized.sellQuote,
      realized_imbalance_quote: state.realized.buyQuote - state.realized.sellQuote,
      realized_fees_quote: state.realized.feesQuote,
      realized_pnl_quote: realizedPnlQuote,
      realized_pnl_pct: state.realized.buyQuote > 0 ? realizedPnlQuote / state.realized.buyQuote : 0,
      position_size_quote: position?.quote ?? 0,
      position_fees_quote: position?.feesQuote ?? 0,
      current_position_average_price: position?.breakEven ?? 0,
      position_pnl_quote: position?.pnlQuote ?? 0,
      open_liquidity_placed: liquidity('OPEN'),
      close_liquidity_placed: liquidity('CLOSE'),
      grid_level_prices: state.levels.map((level) => level.price),
      grid_tp_prices: state.levels.map((level) => (state.config.side === 'BUY' ? level.price * (1 + level.takeProfit) : level.price * (1 - level.takeProfit))),
      grid_side: state.config.side,
      grid_limit_price: state.config.limit_price,
    },
  };
}

export const gridExecutor: ExecutorCore<GridConfig, GridState> = {
  type: 'grid_executor',
  configSchema: GridConfigSchema,
  markets: (config) => [marketOf(config)],
  start,
  step,
  report,
};
