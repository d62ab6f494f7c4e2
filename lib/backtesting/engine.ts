import type { Bar, ControlledExecutor, ControllerAction, ControllerView, Features, ProcessedRow } from '../controllers/core';
import type { AnyControllerCore } from '../controllers/registry';
import type { ExecutorCore, ExecutorEvent, ExecutorReport, Market, MarketRules, MarketView, TradeSide } from '../executors/core';
import { marketKey } from '../executors/core';
import { candleOpen, INTERVAL_MS } from '../exchanges/reads/intervals';
import { BadRequestError } from '../errors';
import { PositionHold } from './holds';
import { StepSeries } from './step-series';
import { ExecutorVenue } from './venue';

// The backtest engine: the controller and executor cores of live trading, driven by a simulated venue
// over candles at the backtest's resolution. Each bar is two ticks for every running executor:
//   1. its adverse extreme (the low for a long, the high for a short): orders that price trades
//      through fill, then the executor steps, so a stop-loss is seen before a take-profit that the
//      same bar also reached;
//   2. the close: resting orders the rest of the bar traded through fill at their prices, the
//      executor steps, then the controller sees the bar's features and decides; a new executor starts
//      at once, its MARKET order filling at the close.
// Time at the first tick is the bar's open, at the second its close.

/** Candles as columns (Unix ms opens, floats): a year of 1m is 525,600 rows and 25 MB. */
export interface BarColumns {
  openTime: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export interface BacktestSetup {
  controller: AnyControllerCore;
  /** The controller config as its schema parsed it. */
  config: unknown;
  market: Market;
  bars: BarColumns;
  /** Bars before this index only warm the features up (Hummingbot loads `max_records` candles before the start). */
  firstBar: number;
  resolution: string;
  tradeCost: number;
  slippage: number;
  executorCore(type: string): ExecutorCore<unknown, unknown> | undefined;
  /** Bars whose processed data the result keeps (ascending indexes into the backtested range). */
  sampledBars: readonly number[];
}

/** Hummingbot's ExecutorInfo as the backtest answers it (enums as their values, FastAPI's encoding). */
export interface ExecutorRecord {
  id: string;
  timestamp: number;
  type: string;
  status: number;
  config: Record<string, unknown>;
  net_pnl_pct: number;
  net_pnl_quote: number;
  cum_fees_quote: number;
  filled_amount_quote: number;
  is_active: boolean;
  is_trading: boolean;
  custom_info: Record<string, unknown>;
  close_timestamp: number | null;
  close_type: number | null;
  controller_id: string;
  side: number | null;
}

const STATUS_VALUES = { NOT_STARTED: 1, RUNNING: 2, SHUTTING_DOWN: 3, TERMINATED: 4 } as const;
const CLOSE_TYPE_VALUES = {
  TIME_LIMIT: 1,
  STOP_LOSS: 2,
  TAKE_PROFIT: 3,
  EXPIRED: 4,
  EARLY_STOP: 5,
  TRAILING_STOP: 6,
  INSUFFICIENT_BALANCE: 7,
  FAILED: 8,
  COMPLETED: 9,
  POSITION_HOLD: 10,
} as const;
const SIDE_VALUES: Record<TradeSide, number> = { BUY: 1, SELL: 2 };
const ORDER_TYPE_VALUES: Record<string, number> = { MARKET: 1, LIMIT: 2, LIMIT_MAKER: 3 };

/** An executor config with its enum names as Hummingbot's values, as FastAPI encodes the backtest's executors. */
function withEnumValues(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withEnumValues(item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, withEnumValues(item, field)]));
  }
  if (typeof value !== 'string') return value;
  if (key === 'side') return SIDE_VALUES[value as TradeSide] ?? value;
  if (key.endsWith('order_type')) return ORDER_TYPE_VALUES[value] ?? value;
  return value;
}

/** How many steps an executor may take at one tick while the venue keeps answering (a fill, then the close it triggers...). */
const MAX_STEPS_PER_TICK = 8;
/** The terminated executors a controller sees besides its active ones (Hummingbot's cooldowns look back this far at most). */
const RECENT_TERMINATED = 100;
const NO_EVENTS: readonly ExecutorEvent[] = Object.freeze([]);

interface RunningExecutor {
  id: string;
  core: ExecutorCore<unknown, unknown>;
  config: Record<string, unknown>;
  state: unknown;
  timestamp: number;
  levelId: string | null;
  side: TradeSide | null;
  venue: ExecutorVenue;
  events: ExecutorEvent[];
  report: ExecutorReport;
}

export const PNL_COLUMNS = ['executor_realized_pnl', 'position_realized_pnl', 'position_unrealized_pnl', 'total_pnl', 'active_executors', 'cumulative_volume'] as const;
export const POSITION_HELD_COLUMNS = ['long_amount', 'short_amount', 'net_amount', 'unrealized_pnl', 'realized_pnl', 'n_holds'] as const;

/** One backtest, advanced in slices so a task can report progress and be cancelled between them. */
export class Backtest {
  private readonly features: Features<ProcessedRow>;
  /** Each feed's interval, by name. */
  private readonly feedIntervals: string[];
  private readonly feedBars: Array<Bar | undefined>;
  private controllerState: unknown;
  private readonly controllerId: string;
  private readonly key: string;
  private readonly rules: Readonly<Record<string, MarketRules>>;
  private readonly resolutionMs: number;
  private next: number;
  private executorCount = 0;
  private running: RunningExecutor[] = [];
  private readonly recentTerminated: ControlledExecutor[] = [];
  readonly executors: ExecutorRecord[] = [];
  readonly holds = new Map<string, PositionHold>();
  private executorRealizedPnl = 0;
  private cumulativeVolume = 0;
  readonly pnl = new StepSeries(PNL_COLUMNS);
  readonly positionHeld = new StepSeries(POSITION_HELD_COLUMNS);
  /** Processed data at the sampled bars: `timestamp`, the bar's OHLCV, then the controller's features. */
  readonly processed: Array<Record<string, number>> = [];
  private nextSample = 0;

  constructor(private readonly setup: BacktestSetup) {
    const { controller, config, market } = setup;
    this.features = controller.features(config);
    const resolutionMs = INTERVAL_MS[setup.resolution];
    this.resolutionMs = resolutionMs;
    this.feedIntervals = controller.candleFeeds(config).map((feed, index) => {
      const intervalMs = INTERVAL_MS[feed.interval];
      if (feed.connector !== market.connector || feed.tradingPair !== market.tradingPair) {
        throw new BadRequestError(`config: feed ${index} reads ${feed.connector} ${feed.tradingPair}; a backtest replays the traded market's candles only (${market.connector} ${market.tradingPair})`, 'BACKTEST_FEED_MARKET');
      }
      if (intervalMs === undefined || intervalMs < resolutionMs || intervalMs % resolutionMs !== 0 || feed.interval === '1M') {
        throw new BadRequestError(
          `backtesting_resolution: '${setup.resolution}' must divide the controller's candle interval '${feed.interval}' (its candles are built from the resolution's)`,
          'BACKTEST_RESOLUTION_INTERVAL',
        );
      }
      return feed.interval;
    });
    this.feedBars = this.feedIntervals.map(() => undefined);
    this.controllerState = controller.start(config);
    this.controllerId = controller.id(config);
    this.key = marketKey(market);
    this.rules = { [this.key]: { minOrderSize: 0, minNotional: 0, sizeIncrement: 0, priceIncrement: 0, makerFee: setup.tradeCost, takerFee: setup.tradeCost } };
    this.next = 0;
  }

  /** Bars of the backtested range done, and in all. */
  get progress(): { done: number; total: number } {
    const total = this.setup.bars.close.length - this.setup.firstBar;
    return { done: Math.max(0, this.next - this.setup.firstBar), total };
  }

  get done(): boolean {
    return this.next >= this.setup.bars.close.length;
  }

  /** Runs up to `bars` more bars; true once the last is done. */
  advance(bars: number): boolean {
    const { bars: columns, firstBar } = this.setup;
    const end = Math.min(columns.close.length, this.next + bars);
    for (let i = this.next; i < end; i++) {
      this.updateFeatures(i);
      if (i >= firstBar) this.runBar(i, i - firstBar);
    }
    this.next = end;
    return this.done;
  }

  private updateFeatures(i: number): void {
    const { openTime, open, high, low, close, volume } = this.setup.bars;
    for (let feed = 0; feed < this.feedIntervals.length; feed++) {
      const opensAt = candleOpen(this.feedIntervals[feed], openTime[i]);
      const forming = this.feedBars[feed];
      const bar: Bar =
        forming && forming.openTime === opensAt
          ? { openTime: opensAt, open: forming.open, high: Math.max(forming.high, high[i]), low: Math.min(forming.low, low[i]), close: close[i], volume: forming.volume + volume[i] }
          : { openTime: opensAt, open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i] };
      this.feedBars[feed] = bar;
      this.features.update(feed, bar);
    }
  }

  private view(now: number, price: number): MarketView {
    return { now, quotes: { [this.key]: { bestBid: price, bestAsk: price, mid: price } }, rules: this.rules };
  }

  private runBar(i: number, index: number): void {
    const { openTime, high, low, close } = this.setup.bars;
    const opensAt = openTime[i];
    const closesAt = opensAt + this.resolutionMs;
    if (this.running.length > 0) {
      let atLow: MarketView | undefined;
      let atHigh: MarketView | undefined;
      for (const executor of this.running) {
        const short = executor.side === 'SELL';
        const adverse = short ? high[i] : low[i];
        const view = short ? (atHigh ??= this.view(opensAt, adverse)) : (atLow ??= this.view(opensAt, adverse));
        executor.venue.match(adverse, adverse, executor.events);
        this.stepExecutor(executor, view, adverse, false);
      }
      const atClose = this.view(closesAt, close[i]);
      for (const executor of this.running) {
        executor.venue.match(low[i], high[i], executor.events);
        this.stepExecutor(executor, atClose, close[i], true);
      }
      this.collectTerminated();
    }
    const processed = this.features.read();
    this.decide(processed, closesAt, close[i]);
    this.record(i, index, processed, close[i]);
  }

  /**
   * Steps an executor at a tick until the venue has nothing more to tell it. Its report is read at
   * the bar's close only (`report`): one it terminated at the first tick is collected there.
   */
  private stepExecutor(executor: RunningExecutor, view: MarketView, price: number, report: boolean): void {
    for (let steps = 0; steps < MAX_STEPS_PER_TICK; steps++) {
      const events = executor.events.length > 0 ? executor.events : NO_EVENTS;
      if (events.length > 0) executor.events = [];
      const step = executor.core.step(executor.state, view, events);
      executor.state = step.state;
      if (step.actions.length > 0) executor.venue.execute(step.actions, price, executor.events);
      if (executor.events.length === 0) break;
    }
    if (report) executor.report = executor.core.report(executor.state, view);
  }

  private collectTerminated(): void {
    let terminated = false;
    for (const executor of this.running) if (executor.report.status === 'TERMINATED') terminated = true;
    if (!terminated) return;
    const still: RunningExecutor[] = [];
    for (const executor of this.running) {
      if (executor.report.status !== 'TERMINATED') {
        still.push(executor);
        continue;
      }
      const { report } = executor;
      if (report.closeType === 'POSITION_HOLD') this.holdOf(executor).add(report);
      else {
        this.executorRealizedPnl += report.netPnlQuote;
        this.cumulativeVolume += report.filledAmountQuote;
      }
      this.executors.push(this.executorRecord(executor));
      this.recentTerminated.push(this.controlled(executor));
      if (this.recentTerminated.length > RECENT_TERMINATED) this.recentTerminated.shift();
    }
    this.running = still;
  }

  private holdOf(executor: RunningExecutor): PositionHold {
    const connector = String(executor.config.connector_name ?? this.setup.market.connector);
    const pair = String(executor.config.trading_pair ?? this.setup.market.tradingPair);
    const key = `${connector}|${pair}`;
    let hold = this.holds.get(key);
    if (!hold) this.holds.set(key, (hold = new PositionHold(connector, pair)));
    return hold;
  }

  /** The executor's latest report as its controller sees it: the report object itself, its identity added (no copy a bar). */
  private controlled(executor: RunningExecutor): ControlledExecutor {
    return Object.assign(executor.report, { id: executor.id, type: executor.core.type, timestamp: executor.timestamp, levelId: executor.levelId });
  }

  private decide(processed: ProcessedRow, now: number, price: number): void {
    const view = this.view(now, price);
    const controllerView = this.controllerView(view);
    const step = this.setup.controller.decide(this.setup.config, this.controllerState, processed, controllerView);
    this.controllerState = step.state;
    for (const action of step.actions) this.act(action, view, price);
    if (step.actions.length > 0) this.collectTerminated();
  }

  /** The controller's view; its executors are listed only if it reads them (most bars of a directional controller do not). */
  private controllerView(view: MarketView): ControllerView {
    let executors: ControlledExecutor[] | undefined;
    const list = () => {
      executors = [...this.recentTerminated];
      for (const executor of this.running) executors.push(this.controlled(executor));
      return executors;
    };
    return {
      now: view.now,
      quotes: view.quotes,
      get executors() {
        return executors ?? list();
      },
    };
  }

  private act(action: ControllerAction, view: MarketView, price: number): void {
    if (action.type === 'stop_executor') {
      const executor = this.running.find((candidate) => candidate.id === action.executorId);
      if (!executor) return;
      executor.events.push({ type: 'stop', keepPosition: action.keepPosition });
      this.stepExecutor(executor, view, price, true);
      return;
    }
    const type = String(action.config.type);
    const core = this.setup.executorCore(type);
    if (!core) throw new BadRequestError(`config: the controller created a '${type}', which backtests do not run`, 'BACKTEST_EXECUTOR_TYPE');
    const id = `${this.controllerId}-${++this.executorCount}`;
    const raw: Record<string, unknown> = { ...action.config, id, controller_id: this.controllerId };
    const parsed = core.configSchema.safeParse(raw);
    if (!parsed.success) throw new BadRequestError(`config: the controller created an invalid ${type} config: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`, 'BACKTEST_EXECUTOR_CONFIG');
    const markets = core.markets(parsed.data);
    if (markets.some((market) => marketKey(market) !== this.key)) {
      throw new BadRequestError(`config: the controller created an executor on another market than ${this.key}; a backtest replays one market`, 'BACKTEST_EXECUTOR_MARKET');
    }
    const first = core.start(parsed.data, view);
    const report = core.report(first.state, view);
    const executor: RunningExecutor = {
      id,
      core,
      config: raw,
      state: first.state,
      timestamp: view.now,
      levelId: typeof raw.level_id === 'string' ? raw.level_id : null,
      side: report.side,
      venue: new ExecutorVenue({ tradeCost: this.setup.tradeCost, slippage: this.setup.slippage, quoteAsset: this.setup.market.tradingPair.split('-')[1] }),
      events: [],
      report,
    };
    executor.venue.execute(first.actions, price, executor.events);
    if (executor.events.length > 0) this.stepExecutor(executor, view, price, true);
    this.running.push(executor);
  }

  private executorRecord(executor: RunningExecutor): ExecutorRecord {
    const { report } = executor;
    return {
      id: executor.id,
      timestamp: executor.timestamp / 1000,
      type: executor.core.type,
      status: STATUS_VALUES[report.status],
      config: withEnumValues({ ...executor.config, timestamp: executor.timestamp / 1000 }) as Record<string, unknown>,
      net_pnl_pct: report.netPnlPct,
      net_pnl_quote: report.netPnlQuote,
      cum_fees_quote: report.cumFeesQuote,
      filled_amount_quote: report.filledAmountQuote,
      is_active: report.isActive,
      is_trading: report.isTrading,
      custom_info: withEnumValues(report.customInfo) as Record<string, unknown>,
      close_timestamp: report.closeTimestamp === null ? null : report.closeTimestamp / 1000,
      close_type: report.closeType === null ? null : CLOSE_TYPE_VALUES[report.closeType],
      controller_id: this.controllerId,
      side: report.side === null ? null : SIDE_VALUES[report.side],
    };
  }

  private record(i: number, index: number, processed: ProcessedRow, price: number): void {
    let holdRealized = 0;
    let holdUnrealized = 0;
    let long = 0;
    let short = 0;
    for (const hold of this.holds.values()) {
      holdRealized += hold.realizedPnlQuote;
      holdUnrealized += hold.unrealizedPnlQuote(price);
      long += hold.longBase;
      short += hold.shortBase;
    }
    this.pnl.record(index, [
      this.executorRealizedPnl,
      holdRealized,
      holdUnrealized,
      this.executorRealizedPnl + holdRealized + holdUnrealized,
      this.running.length,
      this.cumulativeVolume,
    ]);
    this.positionHeld.record(index, [long, short, long - short, holdUnrealized, holdRealized, this.holds.size]);
    const sampled = this.setup.sampledBars;
    if (this.nextSample < sampled.length && sampled[this.nextSample] === index) {
      this.nextSample++;
      const { openTime, open, high, low, close, volume } = this.setup.bars;
      this.processed.push({ timestamp: openTime[i] / 1000, open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i], ...processed });
    }
  }

  /** Executors still running at the end, reported as they stand (Hummingbot lists them too). */
  runningRecords(): ExecutorRecord[] {
    return this.running.map((executor) => this.executorRecord(executor));
  }
}
