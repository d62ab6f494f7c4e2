import { BollingerBands } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { bollingerV1, type BollingerV1Config } from '../../lib/controllers/bollinger_v1';
import type { ControlledExecutor, ControllerView } from '../../lib/controllers/core';
import { RollingWindow } from '../../lib/controllers/indicators/rolling-window';

const config = (overrides: Record<string, unknown> = {}): BollingerV1Config =>
  bollingerV1.configSchema.parse({ id: 'bb', controller_name: 'bollinger_v1', connector_name: 'binance', trading_pair: 'BTC-USDT', ...overrides }) as BollingerV1Config;

const bar = (minute: number, close: number) => ({ openTime: minute * 60_000, open: close, high: close, low: close, close, volume: 1 });

describe('bollinger_v1 config', () => {
  it("takes Hummingbot's defaults and falls back to the traded market for candles", () => {
    const parsed = config();
    expect(parsed).toMatchObject({
      controller_type: 'directional_trading',
      total_amount_quote: 100,
      max_executors_per_side: 2,
      cooldown_time: 300,
      leverage: 20,
      position_mode: 'HEDGE',
      stop_loss: 0.03,
      take_profit: 0.02,
      time_limit: 2700,
      take_profit_order_type: 'LIMIT',
      trailing_stop: null,
      interval: '3m',
      bb_length: 100,
      bb_std: 2,
      bb_long_threshold: 0,
      bb_short_threshold: 1,
      candles_connector: 'binance',
      candles_trading_pair: 'BTC-USDT',
    });
    expect(bollingerV1.candleFeeds(parsed)).toEqual([{ connector: 'binance', tradingPair: 'BTC-USDT', interval: '3m', maxRecords: 100 }]);
  });

  it('reads the trailing stop and order types as Hummingbot writes them in YAML', () => {
    const parsed = config({ trailing_stop: '0.015,0.003', take_profit_order_type: 'market', stop_loss: '', position_mode: 'oneway' });
    expect(parsed.trailing_stop).toEqual({ activation_price: 0.015, trailing_delta: 0.003 });
    expect(parsed.take_profit_order_type).toBe('MARKET');
    expect(parsed.stop_loss).toBeNull();
    expect(parsed.position_mode).toBe('ONEWAY');
  });

  it('refuses unknown keys and bad values, naming the field', () => {
    const result = bollingerV1.configSchema.safeParse({ controller_name: 'bollinger_v1', bb_lenght: 20, stop_loss: 1.5, interval: '7m' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.') || issue.message);
    expect(paths).toEqual(expect.arrayContaining(['stop_loss', 'interval']));
    expect(JSON.stringify(result.error?.issues)).toContain('bb_lenght');
  });
});

describe('bollinger_v1 features (pandas-ta bbands: SMA middle, population σ)', () => {
  it('matches values computed by hand', () => {
    const features = bollingerV1.features(config({ bb_length: 5, bb_std: 2 }));
    [1, 2, 3, 4].forEach((close, i) => features.update(0, bar(i * 3, close)));
    expect(features.read()['BBP_5_2.0_2.0']).toBeNaN();
    expect(features.read().signal).toBe(0);
    features.update(0, bar(12, 5));
    // closes 1..5: mean 3, σ = √2, bands 3 ± 2√2.
    let row = features.read();
    expect(row['BBM_5_2.0_2.0']).toBeCloseTo(3, 12);
    expect(row['BBU_5_2.0_2.0']).toBeCloseTo(3 + 2 * Math.SQRT2, 12);
    expect(row['BBL_5_2.0_2.0']).toBeCloseTo(3 - 2 * Math.SQRT2, 12);
    expect(row['BBB_5_2.0_2.0']).toBeCloseTo(((4 * Math.SQRT2) / 3) * 100, 10);
    expect(row['BBP_5_2.0_2.0']).toBeCloseTo((5 - (3 - 2 * Math.SQRT2)) / (4 * Math.SQRT2), 12);
    // The forming candle (same open time) replaces the last close: 2, 3, 4, 5, 0 → mean 2.8, σ² = 14.8 / 5.
    features.update(0, bar(15, 6));
    features.update(0, bar(15, 0));
    row = features.read();
    const sigma = Math.sqrt(14.8 / 5);
    expect(row['BBM_5_2.0_2.0']).toBeCloseTo(2.8, 12);
    expect(row['BBP_5_2.0_2.0']).toBeCloseTo((0 - (2.8 - 2 * sigma)) / (4 * sigma), 12);
    expect(row.signal).toBe(0);
  });

  it('signals long under the lower band (BBP < 0) and short over the upper (BBP > 1)', () => {
    const features = bollingerV1.features(config({ bb_length: 5, bb_std: 1 }));
    [2, 3, 4, 5].forEach((close, i) => features.update(0, bar(i * 3, close)));
    features.update(0, bar(12, -10));
    expect(features.read()['BBP_5_1.0_1.0']).toBeLessThan(0);
    expect(features.read().signal).toBe(1);
    features.update(0, bar(12, 50));
    expect(features.read().signal).toBe(-1);
    features.update(0, bar(12, 4));
    expect(features.read().signal).toBe(0);
  });

  it("agrees with trading-signals' BollingerBands over a long random walk, forming candles included", () => {
    const window = new RollingWindow(100);
    const reference = new BollingerBands(100, 2);
    let price = 60_000;
    let seed = 7;
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 16807) % 2147483647;
      price += (seed / 2147483647 - 0.5) * 40;
      const replace = i % 3 !== 0 && i > 0;
      if (replace) window.replaceLast(price);
      else window.push(price);
      const expected = reference.update(price, replace);
      if (expected && window.full) {
        const upper = window.mean() + 2 * window.populationStd();
        worst = Math.max(worst, Math.abs(upper - expected.upper) / expected.upper);
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });
});

describe('bollinger_v1 decision (directional base)', () => {
  const parsed = config({ max_executors_per_side: 2, cooldown_time: 300 });
  const quotes = { 'binance:BTC-USDT': { bestBid: 100, bestAsk: 100, mid: 100 } };
  const executor = (side: 'BUY' | 'SELL', timestamp: number, isActive = true): ControlledExecutor => ({
    id: `${side}-${timestamp}`,
    type: 'position_executor',
    timestamp,
    levelId: null,
    status: isActive ? 'RUNNING' : 'TERMINATED',
    closeType: null,
    closeTimestamp: null,
    side,
    netPnlQuote: 0,
    netPnlPct: 0,
    cumFeesQuote: 0,
    filledAmountQuote: 0,
    isActive,
    isTrading: isActive,
    customInfo: {},
  });
  const decide = (signal: number, view: Partial<ControllerView>) =>
    bollingerV1.decide(parsed, null, { signal }, { now: 1_000_000, quotes, executors: [], ...view }).actions;

  it('creates a position executor at mid on a signal, with a MARKET open and the config barriers', () => {
    expect(decide(1, {})).toEqual([
      {
        type: 'create_executor',
        config: {
          type: 'position_executor',
          timestamp: 1000,
          controller_id: 'bb',
          connector_name: 'binance',
          trading_pair: 'BTC-USDT',
          side: 'BUY',
          entry_price: 100,
          amount: 0.5,
          triple_barrier_config: {
            stop_loss: 0.03,
            take_profit: 0.02,
            time_limit: 2700,
            trailing_stop: null,
            open_order_type: 'MARKET',
            take_profit_order_type: 'LIMIT',
            stop_loss_order_type: 'MARKET',
            time_limit_order_type: 'MARKET',
          },
          leverage: 20,
        },
      },
    ]);
    expect(decide(0, {})).toEqual([]);
  });

  it('waits out the cooldown after the newest active executor on that side, and caps each side', () => {
    expect(decide(1, { executors: [executor('BUY', 1_000_000 - 300_000)] })).toEqual([]);
    expect(decide(1, { executors: [executor('BUY', 1_000_000 - 300_001)] })).toHaveLength(1);
    expect(decide(1, { executors: [executor('BUY', 1), executor('BUY', 2)] })).toEqual([]);
    expect(decide(1, { executors: [executor('BUY', 1), executor('BUY', 2, false)] })).toHaveLength(1);
    // Short signals count short executors only (Hummingbot counts every active one: its precedence slip).
    expect(decide(-1, { executors: [executor('BUY', 1), executor('BUY', 2)] })).toHaveLength(1);
  });
});
