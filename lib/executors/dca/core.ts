import type { ExecutorCore, ExecutorEvent, ExecutorReport, MarketView, Quote, Step } from '../core';
import { marketKey } from '../core';
import { ClosingDecision, type ClosingState, hasBalance, NO_RULES } from '../closing';
import { marketOf } from '../config';
import { entryPrice, exitPrice, netPnlPct, netPnlQuote, NO_FILLS } from '../fills';
import { isLive, type TrackedOrder } from '../orders';
import { DcaConfigSchema, type DcaConfig } from './config';

// Hummingbot's DCA executor (§2.4): levels entered strictly one after another (MAKER: a resting LIMIT at
// each level's price; TAKER: a MARKET order when the price reaches it), then one position closed at its
// barriers. Unlike Hummingbot's, a stop with keep_position keeps the filled levels as held orders.

/** Hummingbot's DCA `max_retries`: this many failed orders end the executor FAILED. */
export const DCA_MAX_RETRIES = 15;
/** Hummingbot's activation bounds of a TAKER DCA without its own. */
export const TAKER_DEFAULT_BOUNDS = [0.0001, 0.005] as const;

export interface DcaState extends ClosingState<DcaConfig> {
  startedAt: number;
}

/** The levels sent and kept: a refused or cancelled untouched level is sent again. */
function levelsSent(state: DcaState): number {
  let count = 0;
  for (const order of state.orders) if (order.positionAction === 'OPEN' && (isLive(order) || order.filledBase > 0)) count++;
  return count;
}

function allLevelsFilled(state: DcaState): boolean {
  return levelsSent(state) === state.config.prices.length && !state.orders.some((order) => order.positionAction === 'OPEN' && isLive(order));
}

function boundsOf(config: DcaConfig): readonly number[] | null {
  return config.activation_bounds ?? (config.mode === 'TAKER' ? TAKER_DEFAULT_BOUNDS : null);
}

/** A level is due: MAKER within b0 of mid on its side (always without bounds); TAKER when mid is within (−b0, +b1) of its price. */
export function levelDue(config: DcaConfig, price: number, mid: number): boolean {
  const bounds = boundsOf(config);
  const buy = config.side === 'BUY';
  if (config.mode === 'MAKER') {
    if (!bounds) return true;
    return buy ? price > mid * (1 - bounds[0]) : price < mid * (1 + bounds[0]);
  }
  const [b0, b1 = b0] = bounds ?? TAKER_DEFAULT_BOUNDS;
  return buy ? mid > price * (1 - b0) && mid < price * (1 + b1) : mid > price * (1 - b1) && mid < price * (1 + b0);
}

class Decision extends ClosingDecision<DcaState> {
  constructor(state: DcaState, view: MarketView, quote: Quote | undefined) {
    super(state, view, quote, DCA_MAX_RETRIES - 1);
  }

  control(quote: Quote): void {
    const { config } = this.state;
    if (this.state.openNetBase > 0 && this.controlBarriers(quote)) return;
    if (config.time_limit != null && this.view.now >= this.state.startedAt + config.time_limit * 1000) return this.beginClose('TIME_LIMIT');
    this.controlOpen(quote);
  }

  /** The next level, once the previous one is sent, when it is due. */
  controlOpen(quote: Quote): void {
    const { config } = this.state;
    const next = levelsSent(this.state);
    if (next >= config.prices.length || this.retriesExhausted()) return;
    const price = config.prices[next];
    if (!levelDue(config, price, quote.mid)) return;
    const amount = config.amounts_quote[next] / price;
    const maker = config.mode === 'MAKER';
    this.place(`level${next}`, config.side, maker ? 'LIMIT' : 'MARKET', amount, maker ? price : undefined, 'OPEN');
  }

  /** Stop-loss (MAKER: once every level is filled; TAKER: on the loss in quote), trailing stop, take-profit. */
  controlBarriers(quote: Quote): boolean {
    const { config } = this.state;
    const mark = exitPrice(config.side, quote);
    const pnl = netPnlPct(this.state, config.side, mark);
    if (config.stop_loss != null) {
      const hit =
        config.mode === 'MAKER'
          ? allLevelsFilled(this.state) && pnl <= -config.stop_loss
          : netPnlQuote(this.state, config.side, mark) <= -config.amounts_quote.reduce((sum, amount) => sum + amount, 0) * config.stop_loss;
      if (hit) {
        this.beginClose('STOP_LOSS');
        return true;
      }
    }
    if (config.trailing_stop && this.trail(pnl, config.trailing_stop)) return true;
    if (config.take_profit != null && pnl > config.take_profit) {
      this.beginClose('TAKE_PROFIT');
      return true;
    }
    return false;
  }
}

function start(config: DcaConfig, view: MarketView): Step<DcaState> {
  const key = marketKey(marketOf(config));
  const quote = view.quotes[key];
  const startedAt = config.timestamp != null ? config.timestamp * 1000 : view.now;
  const state: DcaState = {
    config,
    key,
    status: 'RUNNING',
    closeType: null,
    closeTimestamp: null,
    startedAt,
    seq: 0,
    orders: [],
    ...NO_FILLS,
    trailingTrigger: null,
    retries: 0,
    heldOrders: [],
  };
  const decision = new Decision(state, view, quote);
  const rules = view.rules[key] ?? NO_RULES;
  const tooSmall = config.amounts_quote.findIndex((amount, i) => amount < rules.minNotional || amount / config.prices[i] < rules.minOrderSize);
  const totalQuote = config.amounts_quote.reduce((sum, amount) => sum + amount, 0);
  const totalBase = config.amounts_quote.reduce((sum, amount, i) => sum + amount / config.prices[i], 0);
  if (tooSmall >= 0) {
    decision.log('ERROR', `level ${tooSmall} (${config.amounts_quote[tooSmall]} quote) is below the market's minimum order`);
    decision.terminate('FAILED');
  } else if (!hasBalance(config, totalBase, totalQuote, view)) {
    decision.log('ERROR', `not enough balance on ${config.connector_name} for ${totalQuote} quote of levels`);
    decision.terminate('INSUFFICIENT_BALANCE');
  } else if (quote) decision.control(quote);
  return { state: decision.state, actions: decision.actions };
}

function step(state: DcaState, view: MarketView, events: readonly ExecutorEvent[]): Step<DcaState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const quote = view.quotes[state.key];
  const decision = new Decision(state, view, quote);
  if (events.length > 0) decision.applyOrderEvents(events);
  if (decision.state.status === 'RUNNING' && quote) decision.control(quote);
  else if (decision.state.status === 'SHUTTING_DOWN') decision.shutdown();
  return { state: decision.state, actions: decision.actions };
}

function report(state: DcaState, view: MarketView): ExecutorReport {
  const quote = view.quotes[state.key];
  const running = state.status !== 'TERMINATED';
  const entry = entryPrice(state, state.config.prices[0]);
  const mark = running && quote ? exitPrice(state.config.side, quote) : entry;
  const openOrders = state.orders.filter((order: TrackedOrder) => order.positionAction === 'OPEN');
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
      side: state.config.side,
      current_position_average_price: entry,
      filled_amount_base: state.openNetBase - state.closeBase,
      close_price: state.closeBase > 0 ? state.closeQuote / state.closeBase : mark,
      levels_filled: openOrders.filter((order) => order.filledBase > 0 && !isLive(order)).length,
      n_levels: state.config.prices.length,
      current_retries: state.retries,
      max_retries: DCA_MAX_RETRIES,
      order_ids: state.orders.map((order) => order.ref),
      held_position_orders: state.heldOrders,
    },
  };
}

export const dcaExecutor: ExecutorCore<DcaConfig, DcaState> = {
  type: 'dca_executor',
  configSchema: DcaConfigSchema,
  markets: (config) => [marketOf(config)],
  start,
  step,
  report,
};
