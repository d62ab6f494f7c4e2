import type { ExecutorRecord } from './engine';
import type { PositionHold } from './holds';
import type { StepSeries } from './step-series';

// Hummingbot's `summarize_results` (§5.3 of the strategy reference), so the numbers compare with a
// Hummingbot backtest's, plus annualised Sharpe and Sortino ratios over daily returns.

const CLOSE_TYPE_NAMES: Record<number, string> = {
  1: 'TIME_LIMIT',
  2: 'STOP_LOSS',
  3: 'TAKE_PROFIT',
  4: 'EXPIRED',
  5: 'EARLY_STOP',
  6: 'TRAILING_STOP',
  7: 'INSUFFICIENT_BALANCE',
  8: 'FAILED',
  9: 'COMPLETED',
  10: 'POSITION_HOLD',
};
const POSITION_HOLD = 10;
const BUY = 1;
const SELL = 2;
const DAY_MS = 86_400_000;
/** Crypto trades every day of the year. */
const DAYS_A_YEAR = 365;

export interface BacktestMetrics {
  net_pnl: number;
  net_pnl_quote: number;
  total_executors: number;
  total_executors_with_position: number;
  total_volume: number;
  total_long: number;
  total_short: number;
  /** Executors by close type name; Hummingbot answers 0, not {}, for a run without executors. */
  close_types: Record<string, number> | 0;
  accuracy_long: number;
  accuracy_short: number;
  total_positions: number;
  accuracy: number;
  max_drawdown_usd: number;
  max_drawdown_pct: number;
  /** Hummingbot's: mean / sample σ of the cumulative PnL levels (as fractions of the budget), per bar; not annualised. */
  sharpe_ratio: number;
  profit_factor: number;
  win_signals: number;
  loss_signals: number;
  position_realized_pnl_quote: number;
  unrealized_pnl_quote: number;
  total_fees_quote: number;
  /** Colibri's: mean / sample σ of daily returns (Δ total PnL / budget) × √365. */
  sharpe_ratio_annualized: number;
  /** Colibri's: mean daily return / downside deviation (root mean square of the negative ones) × √365. */
  sortino_ratio_annualized: number;
}

export interface MetricsInput {
  executors: readonly ExecutorRecord[];
  holds: Iterable<PositionHold>;
  /** The pnl series (total_pnl is its column 4, after the bar index). */
  pnl: StepSeries;
  /** Open time of each backtested bar, ms. */
  barOpenTimes: ArrayLike<number>;
  totalAmountQuote: number;
  finalPrice: number;
}

const finiteOr0 = (value: number) => (Number.isFinite(value) ? value : 0);

export function summarizeResults(input: MetricsInput): BacktestMetrics {
  const { executors, totalAmountQuote } = input;
  let positionRealized = 0;
  let unrealized = 0;
  for (const hold of input.holds) {
    positionRealized += hold.realizedPnlQuote;
    unrealized += hold.unrealizedPnlQuote(input.finalPrice);
  }
  const { drawdown, sharpe } = levelStatistics(input.pnl, input.barOpenTimes.length, totalAmountQuote);
  const { sharpeAnnualized, sortinoAnnualized } = dailyRatios(input.pnl, input.barOpenTimes, totalAmountQuote);
  const extras = {
    position_realized_pnl_quote: positionRealized,
    unrealized_pnl_quote: unrealized,
    sharpe_ratio_annualized: sharpeAnnualized,
    sortino_ratio_annualized: sortinoAnnualized,
  };
  if (executors.length === 0) {
    return {
      net_pnl: 0,
      net_pnl_quote: 0,
      total_executors: 0,
      total_executors_with_position: 0,
      total_volume: 0,
      total_long: 0,
      total_short: 0,
      close_types: 0,
      accuracy_long: 0,
      accuracy_short: 0,
      total_positions: 0,
      accuracy: 0,
      max_drawdown_usd: 0,
      max_drawdown_pct: 0,
      sharpe_ratio: 0,
      profit_factor: 0,
      win_signals: 0,
      loss_signals: 0,
      total_fees_quote: 0,
      ...extras,
    };
  }
  let netPnlQuote = positionRealized;
  let withPosition = 0;
  let volume = 0;
  let long = 0;
  let short = 0;
  let longWins = 0;
  let shortWins = 0;
  let wins = 0;
  let losses = 0;
  let won = 0;
  let lost = 0;
  let fees = 0;
  const closeTypes: Record<string, number> = {};
  for (const executor of executors) {
    fees += executor.cum_fees_quote;
    const closeType = executor.close_type === null ? 'NONE' : CLOSE_TYPE_NAMES[executor.close_type];
    closeTypes[closeType] = (closeTypes[closeType] ?? 0) + 1;
    if (executor.close_type === POSITION_HOLD) continue;
    netPnlQuote += executor.net_pnl_quote;
    if (executor.net_pnl_quote === 0) continue;
    withPosition++;
    volume += executor.filled_amount_quote;
    const win = executor.net_pnl_quote > 0;
    if (win) {
      wins++;
      won += executor.net_pnl_quote;
    } else {
      losses++;
      lost -= executor.net_pnl_quote;
    }
    if (executor.side === BUY) {
      long++;
      if (win) longWins++;
    } else if (executor.side === SELL) {
      short++;
      if (win) shortWins++;
    }
  }
  return {
    net_pnl: netPnlQuote / totalAmountQuote,
    net_pnl_quote: netPnlQuote,
    total_executors: executors.length,
    total_executors_with_position: withPosition,
    total_volume: volume,
    total_long: long,
    total_short: short,
    close_types: Object.fromEntries(Object.entries(closeTypes).sort(([a], [b]) => (a < b ? -1 : 1))),
    accuracy_long: long > 0 ? longWins / long : 0,
    accuracy_short: short > 0 ? shortWins / short : 0,
    total_positions: withPosition,
    accuracy: withPosition > 0 ? wins / withPosition : 0,
    max_drawdown_usd: drawdown,
    max_drawdown_pct: drawdown / totalAmountQuote,
    sharpe_ratio: sharpe,
    profit_factor: lost > 0 ? won / lost : 1,
    win_signals: wins,
    loss_signals: losses,
    total_fees_quote: fees,
    ...extras,
  };
}

const TOTAL_PNL = 4;

/** Max drawdown (≤ 0) and Hummingbot's Sharpe over the total PnL level of every bar. */
function levelStatistics(pnl: StepSeries, bars: number, budget: number): { drawdown: number; sharpe: number } {
  let peak = Number.NEGATIVE_INFINITY;
  let drawdown = 0;
  let count = 0;
  let mean = 0;
  let squares = 0;
  // Welford's update, a run of `n` equal values at once.
  pnl.forEachRun(bars, (row, n) => {
    const level = row[TOTAL_PNL];
    peak = Math.max(peak, level);
    drawdown = Math.min(drawdown, level - peak);
    const value = level / budget;
    const total = count + n;
    const delta = value - mean;
    mean += (delta * n) / total;
    squares += delta * delta * ((count * n) / total);
    count = total;
  });
  const std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  return { drawdown, sharpe: std > 0 ? finiteOr0(mean / std) : 0 };
}

/** Sharpe and Sortino over the returns of each UTC day (the day's change in total PnL over the budget), annualised. */
function dailyRatios(pnl: StepSeries, openTimes: ArrayLike<number>, budget: number): { sharpeAnnualized: number; sortinoAnnualized: number } {
  if (openTimes.length === 0) return { sharpeAnnualized: 0, sortinoAnnualized: 0 };
  const returns: number[] = [];
  let row = -1;
  let level = 0;
  let dayStartLevel = 0;
  let day = Math.floor(openTimes[0] / DAY_MS);
  for (let i = 0; i < openTimes.length; i++) {
    const barDay = Math.floor(openTimes[i] / DAY_MS);
    if (barDay !== day) {
      returns.push((level - dayStartLevel) / budget);
      dayStartLevel = level;
      day = barDay;
    }
    while (row + 1 < pnl.rows.length && pnl.rows[row + 1][0] <= i) level = pnl.rows[++row][TOTAL_PNL];
  }
  returns.push((level - dayStartLevel) / budget);
  if (returns.length < 2) return { sharpeAnnualized: 0, sortinoAnnualized: 0 };
  const mean = returns.reduce((sum, value) => sum + value, 0) / returns.length;
  const variance = returns.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (returns.length - 1);
  const downside = Math.sqrt(returns.reduce((sum, value) => sum + Math.min(value, 0) ** 2, 0) / returns.length);
  const annualize = Math.sqrt(DAYS_A_YEAR);
  return {
    sharpeAnnualized: variance > 0 ? finiteOr0((mean / Math.sqrt(variance)) * annualize) : 0,
    sortinoAnnualized: downside > 0 ? finiteOr0((mean / downside) * annualize) : 0,
  };
}
