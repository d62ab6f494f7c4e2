import type { CloseType, ExecutorAction, ExecutorCore, ExecutorEvent, ExecutorReport, Market, MarketView, RunnableStatus, Step } from '../core';
import { marketKey } from '../core';
import { buyVwap, conversionRate, sellVwap } from '../book';
import { marketOf } from '../config';
import { applyOrderEvents, baseAsset, isLive, quoteAsset, trackOrder, type TrackedOrder } from '../orders';
import { ArbitrageConfigSchema, type ArbitrageConfig } from './config';

// Hummingbot's arbitrage executor (§2.6): watch both markets; once selling there beats buying here by
// more than the takers' fees and min_profitability, send both legs as MARKET orders at once and finish
// COMPLETED when both filled. Unlike Hummingbot's, net_pnl_pct is over the quote spent, not the base.

export const ARBITRAGE_MAX_RETRIES = 3;
const EPSILON = 1e-9;

type Leg = 'buy' | 'sell';

export interface ArbitrageState {
  config: ArbitrageConfig;
  buyKey: string;
  sellKey: string;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  seq: number;
  orders: TrackedOrder<Leg>[];
  retries: number;
  /** The selling leg's quote in the buying leg's quote at the decision. */
  conversion: number;
  lastProfitability: number | null;
}

const marketsOf = (config: ArbitrageConfig): Record<Leg, Market> => ({ buy: marketOf(config.buying_market), sell: marketOf(config.selling_market) });

/** The profit of buying `amount` on one market and selling it on the other, as a fraction, after both takers' fees; null without prices. */
export function profitability(config: ArbitrageConfig, view: MarketView): { profitability: number; conversion: number } | null {
  const { buy, sell } = marketsOf(config);
  const [buyQuote, sellQuote] = [view.quotes[marketKey(buy)], view.quotes[marketKey(sell)]];
  if (!buyQuote || !sellQuote) return null;
  const buyPrice = buyVwap(buyQuote, config.order_amount);
  const sellPrice = sellVwap(sellQuote, config.order_amount);
  const conversion = conversionRate(view, quoteAsset(sell.tradingPair), quoteAsset(buy.tradingPair));
  if (buyPrice === null || sellPrice === null || conversion === null) return null;
  const fees = (view.rules[marketKey(buy)]?.takerFee ?? 0) + (view.rules[marketKey(sell)]?.takerFee ?? 0);
  return { profitability: (sellPrice * conversion - buyPrice) / buyPrice - fees, conversion };
}

function legFilled(state: ArbitrageState, leg: Leg): number {
  let filled = 0;
  for (const order of state.orders) if (order.role === leg) filled += order.filledBase;
  return filled;
}

function place(state: ArbitrageState, leg: Leg, amount: number, now: number, actions: ExecutorAction[]): ArbitrageState {
  const action = {
    type: 'place_order' as const,
    ref: `${leg}-${state.seq}`,
    market: marketsOf(state.config)[leg],
    side: leg === 'buy' ? ('BUY' as const) : ('SELL' as const),
    orderType: 'MARKET' as const,
    amount,
    positionAction: 'OPEN' as const,
  };
  actions.push(action);
  return { ...state, seq: state.seq + 1, orders: [...state.orders, trackOrder(action, leg, now)] };
}

function terminate(state: ArbitrageState, closeType: CloseType, now: number): ArbitrageState {
  return { ...state, status: 'TERMINATED', closeType, closeTimestamp: now };
}

/** Both legs sent: re-send a leg that ended short (refused, cancelled) until both filled, or give up FAILED. */
function settle(state: ArbitrageState, view: MarketView, actions: ExecutorAction[]): ArbitrageState {
  let next = state;
  for (const leg of ['buy', 'sell'] as const) {
    if (next.orders.some((order) => order.role === leg && isLive(order))) continue;
    const missing = next.config.order_amount - legFilled(next, leg);
    if (missing <= next.config.order_amount * EPSILON) continue;
    if (next.retries >= ARBITRAGE_MAX_RETRIES) {
      actions.push({ type: 'log', level: 'ERROR', message: `the ${leg} leg failed ${next.retries} times: giving up` });
      return terminate(next, 'FAILED', view.now);
    }
    next = place({ ...next, retries: next.retries + 1 }, leg, missing, view.now, actions);
  }
  if (next.orders.some(isLive)) return next;
  return terminate(next, 'COMPLETED', view.now);
}

function start(config: ArbitrageConfig, view: MarketView): Step<ArbitrageState> {
  const { buy, sell } = marketsOf(config);
  const state: ArbitrageState = {
    config,
    buyKey: marketKey(buy),
    sellKey: marketKey(sell),
    status: 'RUNNING',
    closeType: null,
    closeTimestamp: null,
    seq: 0,
    orders: [],
    retries: 0,
    conversion: 1,
    lastProfitability: null,
  };
  // Hummingbot's check: the base to sell on the selling venue, the quote to buy on the buying one.
  const buyBalances = view.balances?.[buy.connector];
  const sellBalances = view.balances?.[sell.connector];
  const buyQuote = view.quotes[state.buyKey];
  const buyPrice = buyQuote ? (buyVwap(buyQuote, config.order_amount) ?? buyQuote.bestAsk) : 0;
  const short =
    (sellBalances && (sellBalances[baseAsset(sell.tradingPair)] ?? 0) < config.order_amount) ||
    (buyBalances && (buyBalances[quoteAsset(buy.tradingPair)] ?? 0) < config.order_amount * buyPrice);
  if (short) {
    return {
      state: terminate(state, 'INSUFFICIENT_BALANCE', view.now),
      actions: [{ type: 'log', level: 'ERROR', message: `not enough ${baseAsset(sell.tradingPair)} on ${sell.connector} or ${quoteAsset(buy.tradingPair)} on ${buy.connector}` }],
    };
  }
  return step(state, view, []);
}

function step(state: ArbitrageState, view: MarketView, events: readonly ExecutorEvent[]): Step<ArbitrageState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const actions: ExecutorAction[] = [];
  let next = state;
  const orders = applyOrderEvents(state.orders, events, view.now);
  if (orders !== state.orders) next = { ...next, orders };
  // A stop before the legs are sent ends it; once sent, both legs are finished first (half an arbitrage is exposure).
  if (next.status === 'RUNNING' && events.some((event) => event.type === 'stop')) return { state: terminate(next, 'EARLY_STOP', view.now), actions };
  if (next.status === 'SHUTTING_DOWN') return { state: settle(next, view, actions), actions };
  const found = profitability(next.config, view);
  if (!found) return { state: next, actions };
  next = { ...next, lastProfitability: found.profitability };
  if (found.profitability <= next.config.min_profitability) return { state: next, actions };
  next = place(next, 'buy', next.config.order_amount, view.now, actions);
  next = place(next, 'sell', next.config.order_amount, view.now, actions);
  return { state: { ...next, status: 'SHUTTING_DOWN', conversion: found.conversion }, actions };
}

function report(state: ArbitrageState): ExecutorReport {
  let buyQuote = 0;
  let sellQuote = 0;
  let fees = 0;
  for (const order of state.orders) {
    fees += order.feeQuote;
    if (order.role === 'buy') buyQuote += order.filledQuote;
    else sellQuote += order.filledQuote;
  }
  const completed = state.closeType === 'COMPLETED';
  const netPnlQuote = completed ? sellQuote * state.conversion - buyQuote - fees : 0;
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: null,
    netPnlQuote,
    netPnlPct: completed && buyQuote > 0 ? netPnlQuote / buyQuote : 0,
    cumFeesQuote: fees,
    filledAmountQuote: buyQuote + sellQuote * state.conversion,
    isActive: state.status !== 'TERMINATED',
    isTrading: state.status === 'SHUTTING_DOWN',
    customInfo: {
      buying_market: state.config.buying_market,
      selling_market: state.config.selling_market,
      order_amount: state.config.order_amount,
      min_profitability: state.config.min_profitability,
      last_profitability: state.lastProfitability,
      buy_filled_base: legFilled(state, 'buy'),
      sell_filled_base: legFilled(state, 'sell'),
      current_retries: state.retries,
      max_retries: ARBITRAGE_MAX_RETRIES,
      order_ids: state.orders.map((order) => order.ref),
    },
  };
}

export const arbitrageExecutor: ExecutorCore<ArbitrageConfig, ArbitrageState> = {
  type: 'arbitrage_executor',
  configSchema: ArbitrageConfigSchema,
  markets: (config) => Object.values(marketsOf(config)),
  start,
  step,
  report: (state) => report(state),
};
