import { isPerpetual, marketOf } from './config';
import type { CloseType, ExecutorAction, ExecutorEvent, MarketRules, MarketView, OrderType, PositionAction, Quote, RunnableStatus, TradeSide } from './core';
import { exitPrice, type FillTotals, fillTotals } from './fills';
import { applyOrderEvents, baseAsset, cancelLive, type HeldOrder, heldOrders, isLive, opposite, quoteAsset, trackOrder, type TrackedOrder } from './orders';

// What the executors that open one position and close it at a barrier share (position, DCA): placing
// and cancelling, the close by market order re-sent until flat, holds, retries, the trailing stop and
// the balance check at start.

export const NO_RULES: MarketRules = { minOrderSize: 0, minNotional: 0, sizeIncrement: 0, priceIncrement: 0, makerFee: 0, takerFee: 0 };
/** Relative tolerance under which two float amounts count as equal. */
export const EPSILON = 1e-9;

/** An amount a venue takes as an order. */
export function tradable(amount: number, price: number, rules: MarketRules): boolean {
  return amount > EPSILON && amount >= rules.minOrderSize && amount * price >= rules.minNotional;
}

export interface ClosingConfig {
  connector_name: string;
  trading_pair: string;
  side: TradeSide;
  leverage: number;
}

export interface ClosingState<Config extends ClosingConfig = ClosingConfig> extends FillTotals {
  config: Config;
  key: string;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  /** Actions numbered so far: a ref is the role and this number, the same for the same inputs. */
  seq: number;
  orders: TrackedOrder[];
  trailingTrigger: number | null;
  retries: number;
  heldOrders: HeldOrder[];
}

/** Hummingbot's trailing stop on PnL: armed above `activation` at pnl − delta, ratcheted up, hit below the trigger. */
export function trailingStop(trigger: number | null, pnl: number, activation: number, delta: number): { trigger: number | null; hit: boolean } {
  if (trigger === null) return { trigger: pnl > activation ? pnl - delta : null, hit: false };
  if (pnl < trigger) return { trigger, hit: true };
  return { trigger: pnl - delta > trigger ? pnl - delta : trigger, hit: false };
}

/** Hummingbot's start check: a spot BUY needs the quote, a SELL the base; a perpetual the margin (notional / leverage) in quote. */
export function hasBalance(config: ClosingConfig, baseAmount: number, quoteAmount: number, view: MarketView): boolean {
  const balances = view.balances?.[config.connector_name];
  if (!balances) return true;
  const quote = balances[quoteAsset(config.trading_pair)] ?? 0;
  if (isPerpetual(config.connector_name)) return quote >= quoteAmount / config.leverage;
  return config.side === 'BUY' ? quote >= quoteAmount : (balances[baseAsset(config.trading_pair)] ?? 0) >= baseAmount;
}

/** One step's decisions for a closing executor: the state as it evolves and the actions taken. */
export class ClosingDecision<State extends ClosingState> {
  readonly actions: ExecutorAction[] = [];
  constructor(
    public state: State,
    readonly view: MarketView,
    readonly quote: Quote | undefined,
    /** Failed orders tolerated; one more ends the executor FAILED. */
    readonly maxRetries: number,
  ) {}

  get rules(): MarketRules {
    return this.view.rules[this.state.key] ?? NO_RULES;
  }

  place(role: string, side: TradeSide, orderType: OrderType, amount: number, price: number | undefined, positionAction: PositionAction): void {
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
  }

  cancel(select: (order: TrackedOrder) => boolean): void {
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

  /** Folds the order events in (fills into the totals) and returns the `order_done`s and the stop among them, in order. */
  applyOrderEvents(events: readonly ExecutorEvent[]): void {
    const orders = applyOrderEvents(this.state.orders, events, this.view.now);
    if (orders !== this.state.orders) this.state = { ...this.state, orders, ...fillTotals(orders) };
    for (const event of events) {
      if (event.type === 'stop') {
        if (this.state.status === 'RUNNING') this.beginClose(event.keepPosition ? 'POSITION_HOLD' : 'EARLY_STOP');
      } else if (event.type === 'order_done') {
        const order = this.state.orders.find((candidate) => candidate.ref === event.ref);
        if (!order) continue;
        if (event.status === 'FAILED') {
          this.state = { ...this.state, retries: this.state.retries + 1 };
          this.log('WARNING', `${order.role} order ${order.ref} failed${event.reason ? `: ${event.reason}` : ''}`);
        }
        this.orderDone(order, event.status);
      }
    }
  }

  /** A type's own reaction to one of its orders becoming final. */
  orderDone(_order: TrackedOrder, _status: 'FILLED' | 'CANCELLED' | 'FAILED'): void {}

  /** Cancels every resting opening order and closes what is filled (POSITION_HOLD keeps it; with nothing filled it is an EARLY_STOP). */
  beginClose(closeType: CloseType): void {
    const kept = closeType === 'POSITION_HOLD' && this.state.openNetBase > 0;
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
    const price = quote ? exitPrice(state.config.side, quote) : state.openBase > 0 ? state.openQuote / state.openBase : 0;
    if (!tradable(remaining, price, this.rules)) return false;
    this.place('close', opposite(state.config.side), 'MARKET', remaining, undefined, 'CLOSE');
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
    if (this.state.retries <= this.maxRetries) return false;
    this.log('ERROR', `${this.state.retries} orders failed: giving up`);
    this.terminate('FAILED');
    return true;
  }

  /** The trailing stop for this tick's PnL; true when it closed the position. */
  trail(pnl: number, trailing: { activation_price: number; trailing_delta: number }): boolean {
    const next = trailingStop(this.state.trailingTrigger, pnl, trailing.activation_price, trailing.trailing_delta);
    if (next.hit) {
      this.beginClose('TRAILING_STOP');
      return true;
    }
    if (next.trigger !== this.state.trailingTrigger) this.state = { ...this.state, trailingTrigger: next.trigger };
    return false;
  }
}
