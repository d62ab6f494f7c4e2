import type { CloseType, ExecutorAction, ExecutorCore, ExecutorEvent, ExecutorReport, MarketView, OrderType, Quote, RunnableStatus, Step } from '../core';
import { marketKey } from '../core';
import { isPerpetual, marketOf } from '../config';
import { applyOrderEvents, averagePrice, baseAsset, cancelLive, heldOrders, isLive, quoteAsset, trackOrder, type HeldOrder, type TrackedOrder } from '../orders';
import { OrderConfigSchema, type OrderConfig } from './config';

// Hummingbot's order executor (§2.2): one order (MARKET, LIMIT, LIMIT_MAKER, or a LIMIT_MAKER that
// chases the best quote), followed until it is filled; its fill is then held as a position.

/** Refused or lost orders re-placed before the executor gives up FAILED (Hummingbot API's `max_retries`). */
export const ORDER_MAX_RETRIES = 10;
/** Relative tolerance under which two float amounts count as equal. */
const EPSILON = 1e-9;

export interface OrderState {
  config: OrderConfig;
  key: string;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  seq: number;
  orders: TrackedOrder<'order'>[];
  retries: number;
  /** A stop was asked: the live order is cancelled, then the executor ends. */
  stopping: boolean;
  heldOrders: HeldOrder[];
}

function orderType(config: OrderConfig): OrderType {
  if (config.execution_strategy === 'MARKET') return 'MARKET';
  return config.execution_strategy === 'LIMIT' ? 'LIMIT' : 'LIMIT_MAKER';
}

/** The price the order goes at now: LIMIT as given, LIMIT_MAKER kept on its side of the book, a chaser `distance` behind the best quote. */
export function orderPrice(config: OrderConfig, quote: Quote): number | undefined {
  const buy = config.side === 'BUY';
  switch (config.execution_strategy) {
    case 'MARKET':
      return undefined;
    case 'LIMIT':
      return config.price!;
    case 'LIMIT_MAKER':
      return buy ? Math.min(config.price!, quote.bestBid) : Math.max(config.price!, quote.bestAsk);
    case 'LIMIT_CHASER': {
      const { distance } = config.chaser_config!;
      return buy ? quote.bestBid * (1 - distance) : quote.bestAsk * (1 + distance);
    }
  }
}

const filledBase = (state: OrderState) => state.orders.reduce((sum, order) => sum + order.filledBase, 0);
const filledQuote = (state: OrderState) => state.orders.reduce((sum, order) => sum + order.filledQuote, 0);

function hasBalance(config: OrderConfig, view: MarketView, price: number): boolean {
  const balances = view.balances?.[config.connector_name];
  if (!balances) return true;
  const quoteNeeded = (config.amount * price) / (isPerpetual(config.connector_name) ? config.leverage : 1);
  if (isPerpetual(config.connector_name) || config.side === 'BUY') return (balances[quoteAsset(config.trading_pair)] ?? 0) >= quoteNeeded;
  return (balances[baseAsset(config.trading_pair)] ?? 0) >= config.amount;
}

/** A new order for what is left to fill, at the price of now. */
function place(state: OrderState, view: MarketView, actions: ExecutorAction[]): OrderState {
  const { config } = state;
  const remaining = config.amount - filledBase(state);
  if (remaining <= config.amount * EPSILON) return state;
  const seq = state.seq + 1;
  const price = orderPrice(config, view.quotes[state.key]);
  const action: Extract<ExecutorAction, { type: 'place_order' }> = {
    type: 'place_order',
    ref: `order-${seq}`,
    market: marketOf(config),
    side: config.side,
    orderType: orderType(config),
    amount: remaining,
    ...(price === undefined ? {} : { price }),
    positionAction: isPerpetual(config.connector_name) ? config.position_action : 'NIL',
  };
  actions.push(action);
  return { ...state, seq, orders: [...state.orders, trackOrder(action, 'order', view.now)] };
}

function terminate(state: OrderState, closeType: CloseType, now: number): OrderState {
  return { ...state, status: 'TERMINATED', closeType, closeTimestamp: now, heldOrders: closeType === 'POSITION_HOLD' ? heldOrders(state.orders, state.config.leverage) : [] };
}

function start(config: OrderConfig, view: MarketView): Step<OrderState> {
  const key = marketKey(marketOf(config));
  const state: OrderState = { config, key, status: 'RUNNING', closeType: null, closeTimestamp: null, seq: 0, orders: [], retries: 0, stopping: false, heldOrders: [] };
  const quote = view.quotes[key];
  const price = orderPrice(config, quote) ?? (config.side === 'BUY' ? quote.bestAsk : quote.bestBid);
  if (!hasBalance(config, view, price)) {
    return {
      state: terminate(state, 'INSUFFICIENT_BALANCE', view.now),
      actions: [{ type: 'log', level: 'ERROR', message: `not enough balance on ${config.connector_name} for ${config.amount} ${baseAsset(config.trading_pair)} at ${price}` }],
    };
  }
  const actions: ExecutorAction[] = [];
  return { state: place(state, view, actions), actions };
}

function step(previous: OrderState, view: MarketView, events: readonly ExecutorEvent[]): Step<OrderState> {
  if (previous.status === 'TERMINATED') return { state: previous, actions: [] };
  const actions: ExecutorAction[] = [];
  let state: OrderState = { ...previous, orders: applyOrderEvents(previous.orders, events, view.now) };
  if (events.some((event) => event.type === 'stop')) state = { ...state, stopping: true, status: 'SHUTTING_DOWN' };
  const filled = filledBase(state);

  if (state.stopping) {
    // Stop ignores keep_position, as Hummingbot's: whatever filled is held.
    state = { ...state, orders: cancelLive(state.orders, () => true, actions) };
    if (state.orders.some(isLive)) return { state, actions };
    return { state: terminate(state, filled > 0 ? 'POSITION_HOLD' : 'EARLY_STOP', view.now), actions };
  }
  if (filled >= state.config.amount * (1 - EPSILON) || state.orders.some((order) => order.status === 'FILLED')) {
    return { state: terminate(state, 'POSITION_HOLD', view.now), actions };
  }
  for (const event of events) {
    if (event.type === 'order_done' && event.status === 'FAILED') {
      state = { ...state, retries: state.retries + 1 };
      actions.push({ type: 'log', level: 'WARNING', message: `order ${event.ref} failed: ${event.reason ?? 'refused by the exchange'}` });
    }
  }
  if (state.retries > ORDER_MAX_RETRIES) return { state: terminate(state, filled > 0 ? 'POSITION_HOLD' : 'FAILED', view.now), actions };

  const live = state.orders.find(isLive);
  if (!live) return { state: place(state, view, actions), actions };
  if (state.config.execution_strategy === 'LIMIT_CHASER' && !live.cancelRequested && live.price !== null) {
    const target = orderPrice(state.config, view.quotes[state.key])!;
    const ranAway = state.config.side === 'BUY' ? (target - live.price) / live.price : (live.price - target) / live.price;
    if (ranAway > state.config.chaser_config!.refresh_threshold) {
      actions.push({ type: 'log', level: 'INFO', message: `re-pricing ${live.ref}: ${live.price} → ${target}` });
      state = { ...state, orders: cancelLive(state.orders, (order) => order.ref === live.ref, actions) };
    }
  }
  return { state, actions };
}

function report(state: OrderState): ExecutorReport {
  const base = filledBase(state);
  const quote = filledQuote(state);
  const last = state.orders[state.orders.length - 1];
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.side,
    netPnlQuote: 0,
    netPnlPct: 0,
    cumFeesQuote: state.orders.reduce((sum, order) => sum + order.feeQuote, 0),
    filledAmountQuote: quote,
    isActive: state.status !== 'TERMINATED',
    isTrading: state.status !== 'TERMINATED' && base > 0,
    customInfo: {
      side: state.config.side,
      level_id: state.config.level_id ?? null,
      order_id: last?.ref ?? null,
      order_last_update: last ? last.updatedAt / 1000 : null,
      executed_amount_base: base,
      average_executed_price: base > 0 ? quote / base : last ? averagePrice(last) : 0,
      current_retries: state.retries,
      max_retries: ORDER_MAX_RETRIES,
      held_position_orders: state.heldOrders,
    },
  };
}

export const orderExecutor: ExecutorCore<OrderConfig, OrderState> = {
  type: 'order_executor',
  configSchema: OrderConfigSchema,
  markets: (config) => [marketOf(config)],
  start,
  step,
  report,
};
