import type { CloseType, ExecutorAction, ExecutorCore, ExecutorEvent, ExecutorReport, Market, MarketView, RunnableStatus, Step } from '../core';
import { marketKey } from '../core';
import { LpConfigSchema, type LpConfig } from './config';

// Hummingbot's LP executor (§2.8): open a CLMM position over [lower, upper] at start, follow whether the
// pool price is in range, close it when the price crosses a limit price (or on a stop), then swap the
// tokens back to the side it started from unless keep_position. The runtime carries each action out
// through Gateway's CLMM and swap services and reports back with the LP events.

export const LP_MAX_RETRIES = 10;

export type LpPhase = 'NOT_ACTIVE' | 'OPENING' | 'IN_RANGE' | 'OUT_OF_RANGE' | 'CLOSING' | 'SWAPPING' | 'COMPLETE' | 'FAILED';

interface Amounts {
  base: number;
  quote: number;
}

export interface LpState {
  config: LpConfig;
  market: Market;
  key: string;
  status: RunnableStatus;
  closeType: CloseType | null;
  closeTimestamp: number | null;
  phase: LpPhase;
  seq: number;
  /** The action in flight (open, close or swap) and the open that created the position. */
  pendingRef: string | null;
  openRef: string | null;
  positionAddress: string | null;
  /** What went in, valued at the mid when it was added. */
  added: Amounts;
  addedValueQuote: number;
  /** The position's tokens now (or what came back once closed), and its fees earned. */
  current: Amounts;
  fees: Amounts;
  /** What the swap back changed (base and quote, signed). */
  swapped: Amounts;
  txFeesQuote: number;
  retries: number;
}

function rangePhase(config: LpConfig, mid: number): LpPhase {
  return mid >= config.lower_price && mid <= config.upper_price ? 'IN_RANGE' : 'OUT_OF_RANGE';
}

class Decision {
  readonly actions: ExecutorAction[] = [];
  constructor(
    public state: LpState,
    readonly view: MarketView,
  ) {}

  nextRef(kind: string): string {
    const ref = `${kind}-${this.state.seq}`;
    this.state = { ...this.state, seq: this.state.seq + 1, pendingRef: ref };
    return ref;
  }

  open(): void {
    const { config } = this.state;
    const ref = this.nextRef('lp_open');
    this.actions.push({
      type: 'lp_open',
      ref,
      connector: config.lp_provider,
      network: config.connector_name,
      poolAddress: config.pool_address,
      lowerPrice: config.lower_price,
      upperPrice: config.upper_price,
      baseAmount: config.base_amount,
      quoteAmount: config.quote_amount,
    });
    this.state = { ...this.state, phase: 'OPENING', openRef: ref };
  }

  close(closeType: CloseType): void {
    const { config, openRef, positionAddress } = this.state;
    if (!openRef || !positionAddress) return this.finish(closeType === 'POSITION_HOLD' ? 'EARLY_STOP' : closeType);
    const ref = this.nextRef('lp_close');
    this.actions.push({ type: 'lp_close', ref, connector: config.lp_provider, network: config.connector_name, openRef, positionAddress });
    this.actions.push({ type: 'log', level: 'INFO', message: `closing the position: ${closeType}` });
    this.state = { ...this.state, phase: 'CLOSING', status: 'SHUTTING_DOWN', closeType };
  }

  /** Back to the side it started from: a quote-only (BUY) position sells the base it ended with, a base-only (SELL) one buys back base. */
  swapBack(): void {
    const { config, current, added } = this.state;
    const mid = this.view.quotes[this.state.key]?.mid ?? 0;
    const network = config.connector_name;
    const connector = config.swap_provider ?? config.lp_provider.replace(/\/clmm$/, '/router');
    if (config.side === 'BUY' && current.base > 0) {
      this.actions.push({ type: 'swap', ref: this.nextRef('swap'), connector, network, tradingPair: config.trading_pair, side: 'SELL', amount: current.base });
    } else if (config.side === 'SELL' && current.base < added.base && mid > 0) {
      this.actions.push({ type: 'swap', ref: this.nextRef('swap'), connector, network, tradingPair: config.trading_pair, side: 'BUY', amount: added.base - current.base });
    } else return this.finish(this.state.closeType ?? 'EARLY_STOP');
    this.state = { ...this.state, phase: 'SWAPPING' };
  }

  finish(closeType: CloseType): void {
    this.state = { ...this.state, status: 'TERMINATED', phase: 'COMPLETE', closeType, closeTimestamp: this.view.now, pendingRef: null };
  }

  fail(reason: string | undefined): void {
    const retries = this.state.retries + 1;
    this.state = { ...this.state, retries, pendingRef: null };
    this.actions.push({ type: 'log', level: 'WARNING', message: `${this.state.phase.toLowerCase()} failed${reason ? `: ${reason}` : ''}` });
    if (retries > LP_MAX_RETRIES) {
      this.state = { ...this.state, status: 'TERMINATED', phase: 'FAILED', closeType: 'FAILED', closeTimestamp: this.view.now };
      return;
    }
    // Try the same step again under a new ref.
    if (this.state.phase === 'OPENING') this.open();
    else if (this.state.phase === 'CLOSING') this.close(this.state.closeType ?? 'EARLY_STOP');
    else if (this.state.phase === 'SWAPPING') this.swapBack();
  }

  apply(event: ExecutorEvent): void {
    const { state } = this;
    if (event.type === 'stop') {
      if (state.status === 'RUNNING') this.close(event.keepPosition ? 'POSITION_HOLD' : 'EARLY_STOP');
      return;
    }
    if (!('ref' in event) || event.ref !== (event.type === 'lp_position' ? state.openRef : state.pendingRef)) return;
    const mid = this.view.quotes[state.key]?.mid ?? 0;
    switch (event.type) {
      case 'lp_opened': {
        const added = { base: event.baseAmount, quote: event.quoteAmount };
        this.state = {
          ...state,
          pendingRef: null,
          positionAddress: event.positionAddress,
          added,
          addedValueQuote: added.base * mid + added.quote,
          current: added,
          txFeesQuote: state.txFeesQuote + event.txFeeQuote,
          phase: rangePhase(state.config, mid),
        };
        return;
      }
      case 'lp_position':
        this.state = { ...state, current: { base: event.baseAmount, quote: event.quoteAmount }, fees: { base: event.baseFees, quote: event.quoteFees } };
        return;
      case 'lp_closed':
        this.state = {
          ...state,
          pendingRef: null,
          current: { base: event.baseAmount, quote: event.quoteAmount },
          fees: { base: event.baseFees, quote: event.quoteFees },
          txFeesQuote: state.txFeesQuote + event.txFeeQuote,
        };
        if (state.closeType === 'POSITION_HOLD' || state.config.keep_position) return this.finish(state.closeType ?? 'POSITION_HOLD');
        return this.swapBack();
      case 'swap_done':
        this.state = { ...state, swapped: { base: event.baseAmount, quote: event.quoteAmount }, txFeesQuote: state.txFeesQuote + event.txFeeQuote };
        return this.finish(state.closeType ?? 'EARLY_STOP');
      case 'dex_failed':
        return this.fail(event.reason);
    }
  }

  /** In range or not, and the limit prices: crossing one closes the position (POSITION_HOLD with keep_position). */
  control(mid: number): void {
    const { config, phase } = this.state;
    if (phase !== 'IN_RANGE' && phase !== 'OUT_OF_RANGE') return;
    const crossed = (config.upper_limit_price != null && mid >= config.upper_limit_price) || (config.lower_limit_price != null && mid <= config.lower_limit_price);
    if (crossed) return this.close(config.keep_position ? 'POSITION_HOLD' : 'EARLY_STOP');
    const next = rangePhase(config, mid);
    if (next !== phase) this.state = { ...this.state, phase: next };
  }
}

function start(config: LpConfig, view: MarketView): Step<LpState> {
  const market = { connector: config.lp_provider, tradingPair: config.trading_pair };
  const none = { base: 0, quote: 0 };
  const state: LpState = {
    config,
    market,
    key: marketKey(market),
    status: 'RUNNING',
    closeType: null,
    closeTimestamp: null,
    phase: 'NOT_ACTIVE',
    seq: 0,
    pendingRef: null,
    openRef: null,
    positionAddress: null,
    added: none,
    addedValueQuote: 0,
    current: none,
    fees: none,
    swapped: none,
    txFeesQuote: 0,
    retries: 0,
  };
  const decision = new Decision(state, view);
  decision.open();
  return { state: decision.state, actions: decision.actions };
}

function step(state: LpState, view: MarketView, events: readonly ExecutorEvent[]): Step<LpState> {
  if (state.status === 'TERMINATED') return { state, actions: [] };
  const decision = new Decision(state, view);
  for (const event of events) decision.apply(event);
  const mid = view.quotes[state.key]?.mid;
  if (decision.state.status === 'RUNNING' && mid !== undefined) decision.control(mid);
  return { state: decision.state, actions: decision.actions };
}

/** Hummingbot's LP PnL: what the position holds now (after the swap back) plus fees earned, less what went in and the gas. */
function report(state: LpState, view: MarketView): ExecutorReport {
  const mid = view.quotes[state.key]?.mid ?? 0;
  const opened = state.positionAddress !== null;
  const base = state.current.base + state.fees.base + state.swapped.base;
  const quote = state.current.quote + state.fees.quote + state.swapped.quote;
  const netPnlQuote = opened ? base * mid + quote - state.addedValueQuote - state.txFeesQuote : -state.txFeesQuote;
  return {
    status: state.status,
    closeType: state.closeType,
    closeTimestamp: state.closeTimestamp,
    side: state.config.side === 'RANGE' ? null : state.config.side,
    netPnlQuote,
    netPnlPct: state.addedValueQuote > 0 ? netPnlQuote / state.addedValueQuote : 0,
    cumFeesQuote: state.txFeesQuote,
    filledAmountQuote: state.addedValueQuote,
    isActive: state.status !== 'TERMINATED',
    isTrading: state.status === 'RUNNING' && opened,
    customInfo: {
      state: state.phase,
      side: state.config.side,
      position_address: state.positionAddress,
      pool_address: state.config.pool_address,
      lower_price: state.config.lower_price,
      upper_price: state.config.upper_price,
      current_price: mid,
      base_amount: state.current.base,
      quote_amount: state.current.quote,
      base_fee: state.fees.base,
      quote_fee: state.fees.quote,
      fees_earned_quote: state.fees.base * mid + state.fees.quote,
      initial_base_amount: state.added.base,
      initial_quote_amount: state.added.quote,
      filled_amount_base: base,
      tx_fee_quote: state.txFeesQuote,
      current_retries: state.retries,
    },
  };
}

export const lpExecutor: ExecutorCore<LpConfig, LpState> = {
  type: 'lp_executor',
  configSchema: LpConfigSchema,
  markets: (config) => [{ connector: config.lp_provider, tradingPair: config.trading_pair }],
  start,
  step,
  report,
};
