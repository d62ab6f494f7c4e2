// The contract every executor type implements: a pure core, (state, market view, events) → (state, actions).
// No clock, no I/O, no randomness inside: the live runtime (a Durable Object fed by the exchange session)
// and the backtest engine (a simulated venue over candles) both drive the very same cores.
//
// Cores decide in float64, as Hummingbot's backtester does, so a year of candles replays in seconds. What
// touches money exactly is outside them: the runtime rounds each order's amount and price to the market's
// increments and sends them as decimal strings, and records every fill as the exchange reports it.
import type { z } from 'zod';

/** Hummingbot's executor types (`type` in an executor config). */
export type ExecutorType =
  | 'position_executor'
  | 'order_executor'
  | 'grid_executor'
  | 'dca_executor'
  | 'twap_executor'
  | 'arbitrage_executor'
  | 'xemm_executor'
  | 'lp_executor';

/** Hummingbot's enums by name; configs also accept their numeric values (`side: 1`), answers render names. */
export type TradeSide = 'BUY' | 'SELL';
export type OrderType = 'MARKET' | 'LIMIT' | 'LIMIT_MAKER';
export type PositionAction = 'OPEN' | 'CLOSE' | 'NIL';
export type RunnableStatus = 'NOT_STARTED' | 'RUNNING' | 'SHUTTING_DOWN' | 'TERMINATED';
export type CloseType =
  | 'TIME_LIMIT'
  | 'STOP_LOSS'
  | 'TAKE_PROFIT'
  | 'EXPIRED'
  | 'EARLY_STOP'
  | 'TRAILING_STOP'
  | 'INSUFFICIENT_BALANCE'
  | 'FAILED'
  | 'COMPLETED'
  | 'POSITION_HOLD';

/** One market an executor trades on: a Hummingbot connector and pair (`binance`, `BTC-USDT`). */
export interface Market {
  connector: string;
  tradingPair: string;
}

/** The key of a market in a {@link MarketView}'s records: `connector:BASE-QUOTE`. */
export function marketKey(market: Market): string {
  return `${market.connector}:${market.tradingPair}`;
}

/** The top of one market's book at a tick (live: the exchange's book; backtest: the candle). */
export interface Quote {
  bestBid: number;
  bestAsk: number;
  mid: number;
  /** Price levels as [price, base amount], best first, when the runtime has them (VWAP for arbitrage and XEMM). */
  bids?: ReadonlyArray<readonly [number, number]>;
  asks?: ReadonlyArray<readonly [number, number]>;
}

/** A market's trading rules and fees, in base, quote and fractions. */
export interface MarketRules {
  minOrderSize: number;
  minNotional: number;
  sizeIncrement: number;
  priceIncrement: number;
  makerFee: number;
  takerFee: number;
}

/** What a core sees at a tick. Every record is keyed by {@link marketKey}; a core reads only the markets it declared. */
export interface MarketView {
  /** Milliseconds since the epoch: the live clock, or the candle's time in a backtest. */
  now: number;
  quotes: Readonly<Record<string, Quote>>;
  rules: Readonly<Record<string, MarketRules>>;
  /** Free balances by asset, per connector (`binance` → `{USDT: 1000}`), read at start for the balance check. */
  balances?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** What happened to the executor since its last step, in the order it happened. */
export type ExecutorEvent =
  /** The venue accepted the order sent for `ref`. */
  | { type: 'order_accepted'; ref: string; exchangeOrderId?: string }
  /** One fill (partial or whole) of the order sent for `ref`; `fee` is in `feeAsset`, `feeQuote` its value in quote. */
  | { type: 'order_filled'; ref: string; tradeId: string; price: number; amount: number; fee: number; feeAsset: string; feeQuote: number }
  /** The order sent for `ref` is final. `FAILED` covers a refusal by the venue (`reason` says why). */
  | { type: 'order_done'; ref: string; status: 'FILLED' | 'CANCELLED' | 'FAILED'; reason?: string }
  /** A stop asked through the API, or by the controller that owns the executor. */
  | { type: 'stop'; keepPosition: boolean }
  /** The CLMM position asked for by `lp_open` is on chain with these token amounts; `txFeeQuote` is its gas in quote. */
  | { type: 'lp_opened'; ref: string; positionAddress: string; baseAmount: number; quoteAmount: number; txFeeQuote: number }
  /** The open position's amounts and uncollected fees now (the runtime reads them when it polls the pool). */
  | { type: 'lp_position'; ref: string; baseAmount: number; quoteAmount: number; baseFees: number; quoteFees: number }
  /** The position asked for by `lp_close` is removed: what came back, fees collected included. */
  | { type: 'lp_closed'; ref: string; baseAmount: number; quoteAmount: number; baseFees: number; quoteFees: number; txFeeQuote: number }
  /** The swap asked for by `swap` executed. */
  | { type: 'swap_done'; ref: string; baseAmount: number; quoteAmount: number; txFeeQuote: number }
  /** An `lp_open`, `lp_close` or `swap` failed (reverted, refused, not sent). */
  | { type: 'dex_failed'; ref: string; reason?: string };

/**
 * What a core asks its runtime to do. Every order gets a `ref` unique within its executor (the core's
 * action number); the runtime derives the client order id from (executor id, ref), so an action sent
 * again after a crash or a restart is the same order, never a second one.
 */
export type ExecutorAction =
  | {
      type: 'place_order';
      ref: string;
      market: Market;
      side: TradeSide;
      orderType: OrderType;
      /** Base amount; the runtime rounds it down to the market's size increment. */
      amount: number;
      /** Limit price; absent for MARKET. The runtime rounds it to the price increment, never across the book for LIMIT_MAKER. */
      price?: number;
      positionAction: PositionAction;
    }
  | { type: 'cancel_order'; ref: string }
  /** Add a concentrated-liquidity position (Gateway CLMM `open-position`) on `network` through `connector` (`uniswap/clmm`). */
  | { type: 'lp_open'; ref: string; connector: string; network: string; poolAddress: string; lowerPrice: number; upperPrice: number; baseAmount: number; quoteAmount: number }
  /** Remove the position `lp_open` `openRef` created, collecting its fees (Gateway CLMM `close-position`). */
  | { type: 'lp_close'; ref: string; connector: string; network: string; openRef: string; positionAddress: string }
  /** A DEX swap of `amount` base (Gateway `execute-swap`): SELL base for quote, BUY base with quote. */
  | { type: 'swap'; ref: string; connector: string; network: string; tradingPair: string; side: TradeSide; amount: number }
  | { type: 'log'; level: 'INFO' | 'WARNING' | 'ERROR'; message: string };

/** A core's next state and what to do now. */
export interface Step<State> {
  state: State;
  actions: ExecutorAction[];
}

/** The figures Hummingbot's ExecutorInfo carries, from the core's state (§2 of the strategy reference). */
export interface ExecutorReport {
  status: RunnableStatus;
  closeType: CloseType | null;
  /** Milliseconds since the epoch, once terminated. */
  closeTimestamp: number | null;
  side: TradeSide | null;
  netPnlQuote: number;
  /** A fraction: 0.025 is 2.5 %. */
  netPnlPct: number;
  cumFeesQuote: number;
  filledAmountQuote: number;
  isActive: boolean;
  isTrading: boolean;
  /** The type's own fields (Hummingbot's `custom_info`), JSON-serialisable. */
  customInfo: Record<string, unknown>;
}

/** One executor type: its config schema and its pure decision functions. A type is one folder plus a registry line. */
export interface ExecutorCore<Config, State> {
  type: ExecutorType;
  /** Validates a config as Hummingbot's clients send it (enum values or names); its JSON Schema feeds `/executors/types/{type}/config`. */
  configSchema: z.ZodType<Config>;
  /** The markets whose quotes and rules the core reads. */
  markets(config: Config): Market[];
  /** The first step: balance and rule checks (may terminate at once, e.g. INSUFFICIENT_BALANCE) and the first actions. */
  start(config: Config, view: MarketView): Step<State>;
  /** One tick: the events since the last step, then the market as it is now. */
  step(state: State, view: MarketView, events: readonly ExecutorEvent[]): Step<State>;
  report(state: State, view: MarketView): ExecutorReport;
}
