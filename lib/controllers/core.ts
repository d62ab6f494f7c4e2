// The contract every controller implements: a pure core, like an executor's (lib/executors/core.ts).
// A controller reads candles through its features, sees its executors' reports, and answers which
// executors to create and which to stop. No clock, no I/O, no randomness inside: a live bot (a Durable
// Object on alarms) and the backtest engine (lib/backtesting/) run the very same cores.
import type { z } from 'zod';
import type { ExecutorReport, ExecutorType, Market, Quote } from '../executors/core';

/** Hummingbot's controller types (`controller_type` in a controller config). */
export type ControllerType = 'directional_trading' | 'market_making' | 'generic';

/** A candle feed a controller reads: Hummingbot's `CandlesConfig`. */
export interface CandleFeed {
  connector: string;
  tradingPair: string;
  /** Hummingbot interval, `3m`. */
  interval: string;
  /** How many candles the features need to be ready (the warm-up a runtime loads first). */
  maxRecords: number;
}

/** One candle of a feed, floats. `openTime` is Unix ms; the feed's last candle may still be forming. */
export interface Bar {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * A controller's indicators over its feeds, kept incrementally (O(1) a candle where the indicator
 * allows), so a year of 1m candles costs no more than the candles themselves. They are derived data:
 * a runtime rebuilds them after a restart by replaying each feed's last `maxRecords` candles.
 */
export interface Features<Processed> {
  /**
   * The feed's newest candle: a later `openTime` appends it; the same `openTime` replaces the last
   * one, as a forming candle changes until it closes (Hummingbot's candles feeds do the same).
   */
  update(feed: number, bar: Bar): void;
  /** Hummingbot's `processed_data` now: the signal and the newest row of features, NaN while warming up. */
  read(): Processed;
}

/** The feature values of one moment, by column (`signal`, `BBP_100_2.0_2.0`, ...). */
export type ProcessedRow = Readonly<Record<string, number>>;

/** An executor as its controller sees it: its report plus what the controller created it with. */
export interface ControlledExecutor extends ExecutorReport {
  id: string;
  type: ExecutorType;
  /** Milliseconds since the epoch: when it was created. */
  timestamp: number;
  levelId: string | null;
}

/** What a controller sees at a tick. */
export interface ControllerView {
  /** Milliseconds since the epoch: the live clock, or the candle's time in a backtest. */
  now: number;
  /** Keyed by `connector:BASE-QUOTE` (lib/executors/core.ts `marketKey`). */
  quotes: Readonly<Record<string, Quote>>;
  executors: readonly ControlledExecutor[];
}

/** What a controller asks its runtime to do. */
export type ControllerAction =
  /** An executor config as Hummingbot's clients send it (`type` included): the runtime validates it with the executor type's schema. */
  | { type: 'create_executor'; config: Readonly<Record<string, unknown>> }
  | { type: 'stop_executor'; executorId: string; keepPosition: boolean };

/** A controller's next state and what to do now. */
export interface ControllerStep<State> {
  state: State;
  actions: readonly ControllerAction[];
}

/** One controller: its config schema, its feeds and features, and its pure decision. A controller is one folder plus a registry line. */
export interface ControllerCore<Config, State, Processed extends ProcessedRow = ProcessedRow> {
  name: string;
  type: ControllerType;
  /** Validates a controller config as Hummingbot's clients send it (its YAML as JSON); unknown keys are refused, as `extra="forbid"` does. */
  configSchema: z.ZodType<Config>;
  /** The controller's id (`id` in its config). */
  id(config: Config): string;
  /** Its total budget in quote (`total_amount_quote`): PnL fractions are of it. */
  totalAmountQuote(config: Config): number;
  /** The markets it trades on. */
  markets(config: Config): Market[];
  /** The candle feeds its features read, in the order `Features.update` numbers them. */
  candleFeeds(config: Config): CandleFeed[];
  features(config: Config): Features<Processed>;
  start(config: Config): State;
  /** Hummingbot's `determine_executor_actions`, over the processed data of now. */
  decide(config: Config, state: State, processed: Processed, view: ControllerView): ControllerStep<State>;
}

/** No actions: shared, so a tick that does nothing allocates nothing. */
export const NO_ACTIONS: readonly ControllerAction[] = Object.freeze([]);
