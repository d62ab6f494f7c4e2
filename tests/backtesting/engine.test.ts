import { describe, expect, it } from 'vitest';
import type { BarColumns } from '../../lib/backtesting/engine';
import { parseControllerConfig, startBacktest } from '../../lib/backtesting/run';

// A hand-built 1m series for bollinger_v1 with bb_length 3 and bb_std 1 on 1m candles: flat closes
// give no signal (σ = 0), and one close far under two equal ones gives BBP = −0.207 < 0, a long. Each
// long then meets one barrier: a take-profit, a stop-loss, a bar touching both, a time limit.
const T0 = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;
type Row = [open: number, high: number, low: number, close: number];
const flat = (price: number): Row => [price, price, price, price];
const ROWS: Row[] = [
  flat(100), flat(100), flat(100),
  [100, 100, 90, 90], // 3: long at 90, take-profit limit at 91.8
  [90, 92, 89.5, 90], // 4: the high trades through 91.8: TAKE_PROFIT
  flat(90), flat(90),
  [90, 90, 80, 80], // 7: long at 80
  [80, 81, 77, 79], // 8: the low, 77, is beyond the 3 % stop: STOP_LOSS at 77
  flat(79), flat(79),
  [79, 79, 70, 70], // 11: long at 70, take-profit limit at 71.4
  [70, 72, 67, 71], // 12: touches both 67 (stop) and 72 (take-profit): the stop wins, at 67
  flat(71), flat(71),
  [71, 71, 60, 60], // 15: long at 60
  ...Array.from({ length: 10 }, (): Row => [60, 60.5, 59.5, 60]), // 16-25: inside both barriers; 600 s after bar 15's close: TIME_LIMIT
  flat(60),
];

function columns(rows: Row[]): BarColumns {
  const column = (pick: (row: Row, i: number) => number) => Float64Array.from(rows, pick);
  return {
    openTime: column((_, i) => T0 + i * MINUTE),
    open: column((row) => row[0]),
    high: column((row) => row[1]),
    low: column((row) => row[2]),
    close: column((row) => row[3]),
    volume: column(() => 1),
  };
}

const CONFIG = {
  id: 'hand-built',
  controller_name: 'bollinger_v1',
  connector_name: 'binance',
  trading_pair: 'BTC-USDT',
  interval: '1m',
  bb_length: 3,
  bb_std: 1,
  total_amount_quote: 100,
  max_executors_per_side: 1,
  cooldown_time: 60,
  stop_loss: 0.03,
  take_profit: 0.02,
  time_limit: 600,
};
const TRADE_COST = 0.001;

function run(config: Record<string, unknown> = CONFIG) {
  const { backtest, result } = startBacktest({ controller: parseControllerConfig(config), bars: columns(ROWS), firstBar: 0, resolution: '1m', tradeCost: TRADE_COST, slippage: 0 });
  while (!backtest.advance(7));
  return result();
}

/** A long of 100 quote at `entry` closed at `exit`: PnL less trade_cost on both sides. */
const longPnl = (entry: number, exit: number) => {
  const amount = 100 / entry;
  return amount * (exit - entry) - TRADE_COST * amount * (entry + exit);
};

describe('backtest engine over hand-built candles (bollinger_v1, position executors)', () => {
  const result = run();
  const executors = result.executors;

  it('opens a long at the close of each signal bar, entry at that close', () => {
    expect(executors.map((executor) => [executor.timestamp, executor.side, executor.custom_info.current_position_average_price])).toEqual([
      [(T0 + 4 * MINUTE) / 1000, 1, 90],
      [(T0 + 8 * MINUTE) / 1000, 1, 80],
      [(T0 + 12 * MINUTE) / 1000, 1, 70],
      [(T0 + 16 * MINUTE) / 1000, 1, 60],
    ]);
  });

  it('closes each at its barrier: take-profit at its limit price, stop-loss at the extreme, stop-loss first when a bar touches both, time limit at the close', () => {
    expect(executors.map((executor) => [executor.close_type, executor.close_timestamp, executor.custom_info.close_price])).toEqual([
      [3, (T0 + 5 * MINUTE) / 1000, 91.8],
      [2, (T0 + 8 * MINUTE) / 1000, 77],
      [2, (T0 + 12 * MINUTE) / 1000, 67],
      [1, (T0 + 26 * MINUTE) / 1000, 60],
    ]);
    expect(executors.every((executor) => executor.status === 4 && !executor.is_active)).toBe(true);
    const pnls = [longPnl(90, 91.8), longPnl(80, 77), longPnl(70, 67), longPnl(60, 60)];
    executors.forEach((executor, i) => {
      expect(executor.net_pnl_quote).toBeCloseTo(pnls[i], 10);
      expect(executor.net_pnl_pct).toBeCloseTo(pnls[i] / 100, 10);
    });
  });

  it("summarises as Hummingbot's summarize_results does", () => {
    const pnls = [longPnl(90, 91.8), longPnl(80, 77), longPnl(70, 67), longPnl(60, 60)];
    const net = pnls.reduce((sum, pnl) => sum + pnl, 0);
    const volume = 100 + (100 / 90) * 91.8 + 100 + (100 / 80) * 77 + 100 + (100 / 70) * 67 + 200;
    const { results } = result;
    expect(results).toMatchObject({
      total_executors: 4,
      total_executors_with_position: 4,
      total_positions: 4,
      total_long: 4,
      total_short: 0,
      win_signals: 1,
      loss_signals: 3,
      close_types: { STOP_LOSS: 2, TAKE_PROFIT: 1, TIME_LIMIT: 1 },
      accuracy: 0.25,
      accuracy_long: 0.25,
      accuracy_short: 0,
    });
    expect(results.net_pnl_quote).toBeCloseTo(net, 10);
    expect(results.net_pnl).toBeCloseTo(net / 100, 12);
    expect(results.total_volume).toBeCloseTo(volume, 9);
    expect(results.total_fees_quote).toBeCloseTo(TRADE_COST * volume, 10);
    expect(results.profit_factor).toBeCloseTo(pnls[0] / -(pnls[1] + pnls[2] + pnls[3]), 12);
    // The PnL peaks after the take-profit and bottoms after the time limit.
    expect(results.max_drawdown_usd).toBeCloseTo(pnls[1] + pnls[2] + pnls[3], 10);
    expect(results.max_drawdown_pct).toBeCloseTo((pnls[1] + pnls[2] + pnls[3]) / 100, 12);
  });

  it("keeps Hummingbot's payload shape, the PnL series sampled per bar", () => {
    expect(Object.keys(result)).toEqual(['executors', 'processed_data', 'results', 'position_holds', 'position_held_timeseries', 'pnl_timeseries', 'series']);
    expect(result.pnl_timeseries).toHaveLength(ROWS.length);
    expect(result.pnl_timeseries[4]).toEqual({
      timestamp: (T0 + 4 * MINUTE) / 1000,
      executor_realized_pnl: expect.closeTo(longPnl(90, 91.8), 10),
      position_realized_pnl: 0,
      position_unrealized_pnl: 0,
      total_pnl: expect.closeTo(longPnl(90, 91.8), 10),
      active_executors: 0,
      cumulative_volume: expect.closeTo(100 + (100 / 90) * 91.8, 10),
    });
    expect(result.processed_data.close[String((T0 + 3 * MINUTE) / 1000)]).toBe(90);
    expect(result.processed_data.signal[String((T0 + 3 * MINUTE) / 1000)]).toBe(1);
    expect(result.processed_data['BBP_3_1.0_1.0'][String(T0 / 1000)]).toBe(0);
    expect(result.position_holds).toEqual([]);
  });

  it('gives the same bytes for the same request', () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(result));
  });
});
