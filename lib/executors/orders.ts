import type { ExecutorAction, ExecutorEvent, Market, OrderType, PositionAction, TradeSide } from './core';

// An executor's view of the orders it sent (Hummingbot's TrackedOrder): what was asked, what the venue
// said, and the fills, folded from the runtime's events. Cores keep these in their state; nothing here
// does I/O.

export type PlaceOrder = Extract<ExecutorAction, { type: 'place_order' }>;

/** `PENDING`: sent, not yet acknowledged by the venue. */
export type TrackedOrderStatus = 'PENDING' | 'OPEN' | 'FILLED' | 'CANCELLED' | 'FAILED';

export interface TrackedOrder<Role extends string = string> {
  ref: string;
  /** What the order is for within its executor (`open`, `close`, a grid level's id…). */
  role: Role;
  market: Market;
  side: TradeSide;
  orderType: OrderType;
  positionAction: PositionAction;
  amount: number;
  price: number | null;
  status: TrackedOrderStatus;
  exchangeOrderId: string | null;
  cancelRequested: boolean;
  /** Executed base, fees not deducted. */
  filledBase: number;
  filledQuote: number;
  /** The part of the fees paid in the base asset (it leaves the position). */
  feeBase: number;
  feeQuote: number;
  tradeIds: string[];
  createdAt: number;
  updatedAt: number;
}

export function isLive(order: TrackedOrder): boolean {
  return order.status === 'PENDING' || order.status === 'OPEN';
}

/** The fill-weighted price, or the limit price before any fill (Hummingbot's `average_executed_price`). */
export function averagePrice(order: TrackedOrder): number {
  return order.filledBase > 0 ? order.filledQuote / order.filledBase : (order.price ?? 0);
}

/** The base an order added to (or removed from) the position: executed base less fees paid in base. */
export function netBase(order: TrackedOrder): number {
  return order.filledBase - order.feeBase;
}

export function baseAsset(tradingPair: string): string {
  return tradingPair.slice(0, tradingPair.indexOf('-'));
}

export function quoteAsset(tradingPair: string): string {
  return tradingPair.slice(tradingPair.indexOf('-') + 1);
}

/** The tracked order for a place_order action just decided. */
export function trackOrder<Role extends string>(action: PlaceOrder, role: Role, now: number): TrackedOrder<Role> {
  return {
    ref: action.ref,
    role,
    market: action.market,
    side: action.side,
    orderType: action.orderType,
    positionAction: action.positionAction,
    amount: action.amount,
    price: action.price ?? null,
    status: 'PENDING',
    exchangeOrderId: null,
    cancelRequested: false,
    filledBase: 0,
    filledQuote: 0,
    feeBase: 0,
    feeQuote: 0,
    tradeIds: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The order after one event about it, or the same object when the event changes nothing (a fill
 * delivered twice, an event after the order is final). Fills are counted once per trade id, so a
 * redelivered fill never doubles a position.
 */
export function applyOrderEvent<Order extends TrackedOrder>(order: Order, event: ExecutorEvent, now: number): Order {
  switch (event.type) {
    case 'order_accepted':
      if (order.status !== 'PENDING') return order;
      return { ...order, status: 'OPEN', exchangeOrderId: event.exchangeOrderId ?? order.exchangeOrderId, updatedAt: now };
    case 'order_filled': {
      if (order.tradeIds.includes(event.tradeId)) return order;
      const feeInBase = event.feeAsset === baseAsset(order.market.tradingPair) ? event.fee : 0;
      return {
        ...order,
        status: order.status === 'PENDING' ? 'OPEN' : order.status,
        filledBase: order.filledBase + event.amount,
        filledQuote: order.filledQuote + event.amount * event.price,
        feeBase: order.feeBase + feeInBase,
        feeQuote: order.feeQuote + event.feeQuote,
        tradeIds: [...order.tradeIds, event.tradeId],
        updatedAt: now,
      };
    }
    case 'order_done':
      if (!isLive(order)) return order;
      return { ...order, status: event.status, updatedAt: now };
    default:
      return order;
  }
}

/**
 * Applies the order events among `events` to `orders` (by ref; events for unknown refs are ignored).
 * Returns the same array when nothing changed.
 */
export function applyOrderEvents<Order extends TrackedOrder>(orders: Order[], events: readonly ExecutorEvent[], now: number): Order[] {
  let next = orders;
  for (const event of events) {
    if (event.type === 'stop') continue;
    const index = next.findIndex((order) => order.ref === event.ref);
    if (index < 0) continue;
    const updated = applyOrderEvent(next[index], event, now);
    if (updated === next[index]) continue;
    if (next === orders) next = orders.slice();
    next[index] = updated;
  }
  return next;
}

/** Cancel actions for the live orders matching `select` not yet asked to cancel, and the orders marked so. */
export function cancelLive<Order extends TrackedOrder>(orders: Order[], select: (order: Order) => boolean, actions: ExecutorAction[]): Order[] {
  let next = orders;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    if (!isLive(order) || order.cancelRequested || !select(order)) continue;
    actions.push({ type: 'cancel_order', ref: order.ref });
    if (next === orders) next = orders.slice();
    next[i] = { ...order, cancelRequested: true };
  }
  return next;
}

/**
 * An order as Hummingbot's `held_position_orders` list it (its in-flight order JSON), read by the
 * position-holds aggregation. `ref` stands for `client_order_id`: the runtime derives that id from
 * (executor id, ref) and fills it in.
 */
export interface HeldOrder {
  ref: string;
  exchange_order_id: string | null;
  trading_pair: string;
  order_type: OrderType;
  trade_type: TradeSide;
  price: number;
  amount: number;
  executed_amount_base: number;
  executed_amount_quote: number;
  last_state: TrackedOrderStatus;
  leverage: number;
  position: PositionAction;
  /** Seconds since the epoch, as Hummingbot's. */
  creation_timestamp: number;
  last_update_timestamp: number;
  cumulative_fee_paid_base: number;
  cumulative_fee_paid_quote: number;
}

export function heldOrder(order: TrackedOrder, leverage: number): HeldOrder {
  return {
    ref: order.ref,
    exchange_order_id: order.exchangeOrderId,
    trading_pair: order.market.tradingPair,
    order_type: order.orderType,
    trade_type: order.side,
    price: averagePrice(order),
    amount: order.amount,
    executed_amount_base: order.filledBase,
    executed_amount_quote: order.filledQuote,
    last_state: order.status,
    leverage,
    position: order.positionAction,
    creation_timestamp: order.createdAt / 1000,
    last_update_timestamp: order.updatedAt / 1000,
    cumulative_fee_paid_base: order.feeBase,
    cumulative_fee_paid_quote: order.feeQuote,
  };
}

/** The held orders of an executor that keeps its position: every order with a fill. */
export function heldOrders(orders: readonly TrackedOrder[], leverage: number): HeldOrder[] {
  return orders.filter((order) => order.filledBase > 0).map((order) => heldOrder(order, leverage));
}

export function opposite(side: TradeSide): TradeSide {
  return side === 'BUY' ? 'SELL' : 'BUY';
}

/** +1 for BUY, −1 for SELL: the sign of a long or short position's PnL. */
export function sideSign(side: TradeSide): 1 | -1 {
  return side === 'BUY' ? 1 : -1;
}
