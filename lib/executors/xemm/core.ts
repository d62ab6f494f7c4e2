import type { CloseType, ExecutorAction, ExecutorCore, ExecutorEvent, ExecutorReport, Market, MarketView, RunnableStatus, Step, TradeSide } from '../core';
import { marketKey } from '../core';
import { buyVwap, conversionRate, sellVwap } from '../book';
import { marketOf } from '../config';
import { applyOrderEvents, cancelLive, isLive, opposite, quoteAsset, trackOrder, type TrackedOrder } from '../orders';
import { XemmConfigSchema, type XemmConfig } from './config';

// Hummingbot's XEMM executor (§2.7): rest a LIMIT on the maker market at the price that earns
// target_profitability against the taker market's VWAP after both fees; re-quote it when its
// profitability leaves [min, max]; hedge every maker fill with a MARKET order on the taker market.
// Unlike Hummingbot's: fills are hedged as they come (not only once the maker order is complete), the
// PnL sign is right for a maker SELL and net_pnl_pct is over the quote (hummingbot#8408), and the end
// is COMPLETED rather than no close type.

export const XEMM_MAX_RETRIES = 10;
const EPSILON = 1e-9;

type Leg = 'maker' | 'taker';

export interface XemmState {
  config: XemmConfig;
  makerMarket: Market;
  takerMarket: Market;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  seq: number;
  orders: TrackedOrder<Leg>[];
  retries: number;
  /** The taker market's quote in the maker market's quote at the last tick. */
  conversion: number;
}

function legs(config: XemmConfig): { maker: Market; taker: Market } {
  const [buying, selling] = [marketOf(config.buying_market), marketOf(config.selling_market)];
  return config.maker_side === 'BUY' ? { maker: buying, taker: selling } : { maker: selling, taker: buying };
}

function filled(state: XemmState, leg: Leg, liveToo = false): number {
  let base = 0;
  for (const order of state.orders) if (order.role === leg) base += liveToo && isLive(order) ? order.amount : order.filledBase;
  return base;
}

/** The taker side's VWAP for the amount in maker quote, both fees as a fraction, and the maker price that earns the target. */
export function xemmQuote(config: XemmConfig, view: MarketView): { takerPrice: number; feesPct: number; targetPrice: number; conversion: number } | null {
  const { maker, taker } = legs(config);
  const takerQuote = view.quotes[marketKey(taker)];
  const conversion = conversionRate(view, quoteAsset(taker.tradingPair), quoteAsset(maker.tradingPair));
  if (!takerQuote || conversion === null) return null;
  const price = config.maker_side === 'BUY' ? sellVwap(takerQuote, config.order_amount) : buyVwap(takerQuote, config.order_amount);
  if (price === null) return null;
  const takerPrice = price * conversion;
  const feesPct = (view.rules[marketKey(taker)]?.takerFee ?? 0) + (view.rules[marketKey(maker)]?.makerFee ?? 0);
  const targetPrice = config.maker_side === 'BUY' ? takerPrice / (1 + config.target_profitability + feesPct) : takerPrice / (1 - config.target_profitability - feesPct);
  return { takerPrice, feesPct, targetPrice, conversion };
}

function place(state: XemmState, leg: Leg, side: TradeSide, amount: number, price: number | undefined, now: number, actions: ExecutorAction[]): XemmState {
  const action = {
    type: 'place_order' as const,
    ref: `${leg}-${state.seq}`,
    market: leg === 'maker' ? state.makerMarket : state.takerMarket,
    side,
    orderType: leg === 'maker' ? ('LIMIT' as const) : ('MARKET' as const),
    amount,
    ...(price === undefined ? {} : { price }),
    positionAction: 'OPEN' as const,
  };
  actions.push(action);
  return { ...state, seq: state.seq + 1, orders: [...state.orders, trackOrder(action, leg, now)] };
}

function start(config: XemmConfig, view: MarketView): Step<XemmState> {
  const { maker, taker } = legs(config);
  const state: XemmState = { config, makerMarket: maker, takerMarket: taker, status: 'RUNNING', closeType: null, closeTimestamp: null, seq: 0, orders: [], retries: 0, conversion: 1 };
  return step(state, view, []);
}

function step(state: XemmState, view: MarketView, events: readonly ExecutorEvent[]): Step<XemmState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const actions: ExecutorAction[] = [];
  let next = state;
  const orders = applyOrderEvents(state.orders, events, view.now);
  if (orders !== state.orders) next = { ...next, orders };
  for (const event of events) if (event.type === 'order_done' && event.status === 'FAILED') next = { ...next, retries: next.retries + 1 };
  if (next.status === 'RUNNING' && events.some((event) => event.type === 'stop')) {
    const cancelled = cancelLive(next.orders, (order) => order.role === 'maker', actions);
    next = { ...next, orders: cancelled, status: 'SHUTTING_DOWN', closeType: 'EARLY_STOP' };
  }
  if (next.retries > XEMM_MAX_RETRIES) return { state: { ...next, status: 'TERMINATED', closeType: 'FAILED', closeTimestamp: view.now }, actions };
  const { config } = next;
  const takerSide = opposite(config.maker_side);

  // Every maker fill is hedged at once on the taker market.
  const unhedged = filled(next, 'maker') - filled(next, 'taker', true);
  if (unhedged > config.order_amount * EPSILON) next = place(next, 'taker', takerSide, unhedged, undefined, view.now, actions);

  const makerDone = filled(next, 'maker') >= config.order_amount * (1 - EPSILON);
  if (makerDone || next.status === 'SHUTTING_DOWN') {
    const settled = !next.orders.some(isLive) && filled(next, 'taker') >= filled(next, 'maker') * (1 - EPSILON);
    if (settled) next = { ...next, status: 'TERMINATED', closeType: next.closeType ?? 'COMPLETED', closeTimestamp: view.now };
    else if (next.status === 'RUNNING') next = { ...next, status: 'SHUTTING_DOWN' };
    return { state: next, actions };
  }

  const quote = xemmQuote(config, view);
  if (!quote) return { state: next, actions };
  next = { ...next, conversion: quote.conversion };
  const resting = next.orders.find((order) => order.role === 'maker' && isLive(order));
  if (!resting) {
    const amount = config.order_amount - filled(next, 'maker');
    next = place(next, 'maker', config.maker_side, amount, quote.targetPrice, view.now, actions);
    return { state: next, actions };
  }
  if (resting.cancelRequested || resting.price === null) return { state: next, actions };
  const profit = config.maker_side === 'BUY' ? (quote.takerPrice - resting.price) / resting.price : (resting.price - quote.takerPrice) / resting.price;
  const net = profit - quote.feesPct;
  if (net < config.min_profitability || net > config.max_profitability) next = { ...next, orders: cancelLive(next.orders, (order) => order === resting, actions) };
  return { state: next, actions };
}

function report(state: XemmState): ExecutorReport {
  let makerQuote = 0;
  let takerQuote = 0;
  let fees = 0;
  for (const order of state.orders) {
    fees += order.feeQuote;
    if (order.role === 'maker') makerQuote += order.filledQuote;
    else takerQuote += order.filledQuote * state.conversion;
  }
  const done = state.status === 'TERMINATED' && filled(state, 'maker') > 0;
  // Bought on the maker market and sold on the taker (maker BUY), or the other way round (maker SELL).
  const gross = state.config.maker_side === 'BUY' ? takerQuote - makerQuote : makerQuote - takerQuote;
  const netPnlQuote = done ? gross - fees : 0;
  const cost = state.config.maker_side === 'BUY' ? makerQuote : takerQuote;
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.maker_side,
    netPnlQuote,
    netPnlPct: done && cost > 0 ? netPnlQuote / cost : 0,
    cumFeesQuote: fees,
    filledAmountQuote: makerQuote + takerQuote,
    isActive: state.status !== 'TERMINATED',
    isTrading: filled(state, 'maker') > 0 && state.status !== 'TERMINATED',
    customInfo: {
      maker_connector: state.makerMarket.connector,
      maker_trading_pair: state.makerMarket.tradingPair,
      taker_connector: state.takerMarket.connector,
      taker_trading_pair: state.takerMarket.tradingPair,
      side: state.config.maker_side,
      maker_filled_base: filled(state, 'maker'),
      taker_filled_base: filled(state, 'taker'),
      current_retries: state.retries,
      order_ids: state.orders.map((order) => order.ref),
    },
  };
}

export const xemmExecutor: ExecutorCore<XemmConfig, XemmState> = {
  type: 'xemm_executor',
  configSchema: XemmConfigSchema,
  markets: (config) => {
    const { maker, taker } = legs(config);
    return [maker, taker];
  },
  start,
  step,
  report: (state) => report(state),
};
