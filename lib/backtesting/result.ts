import type { Backtest, ExecutorRecord } from './engine';
import { PNL_COLUMNS, POSITION_HELD_COLUMNS } from './engine';
import { summarizeResults, type BacktestMetrics } from './metrics';
import type { StepSeries } from './step-series';

/** Hummingbot's backtest payload (§5.4 of the strategy reference), its long series downsampled. */
export interface BacktestResult {
  executors: ExecutorRecord[];
  /** The features at the sampled bars, `{column: {epoch-seconds: value}}`, NaN as 0 (as Hummingbot's). */
  processed_data: Record<string, Record<string, number>>;
  results: BacktestMetrics;
  position_holds: Array<ReturnType<import('./holds').PositionHold['toJSON']>>;
  position_held_timeseries: Array<Record<string, number>>;
  pnl_timeseries: Array<Record<string, number>>;
  /** Colibri's: how the series were sampled, and where the full ones are. */
  series: { bars: number; sampled_bars: number; resolution: string };
}

function sampledRows(series: StepSeries, columns: readonly string[], sampled: readonly number[], openTimes: ArrayLike<number>): Array<Record<string, number>> {
  const rows = series.at(sampled);
  return sampled.map((index, i) => {
    const row: Record<string, number> = { timestamp: openTimes[index] / 1000 };
    const values = rows[i];
    columns.forEach((column, c) => (row[column] = values ? values[c + 1] : 0));
    return row;
  });
}

/** The payload of a finished backtest. */
export function backtestResult(backtest: Backtest, inputs: { openTimes: ArrayLike<number>; sampledBars: readonly number[]; totalAmountQuote: number; finalPrice: number; resolution: string }): BacktestResult {
  const executors = [...backtest.executors, ...backtest.runningRecords()].sort((a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : 1));
  const processed: Record<string, Record<string, number>> = {};
  for (const row of backtest.processed) {
    const key = String(row.timestamp);
    for (const [column, value] of Object.entries(row)) (processed[column] ??= {})[key] = Number.isFinite(value) ? value : 0;
  }
  return {
    executors,
    processed_data: processed,
    results: summarizeResults({
      executors,
      holds: backtest.holds.values(),
      pnl: backtest.pnl,
      barOpenTimes: inputs.openTimes,
      totalAmountQuote: inputs.totalAmountQuote,
      finalPrice: inputs.finalPrice,
    }),
    position_holds: [...backtest.holds.values()].map((hold) => hold.toJSON()),
    position_held_timeseries: sampledRows(backtest.positionHeld, POSITION_HELD_COLUMNS, inputs.sampledBars, inputs.openTimes),
    pnl_timeseries: sampledRows(backtest.pnl, PNL_COLUMNS, inputs.sampledBars, inputs.openTimes),
    series: { bars: inputs.openTimes.length, sampled_bars: inputs.sampledBars.length, resolution: inputs.resolution },
  };
}
