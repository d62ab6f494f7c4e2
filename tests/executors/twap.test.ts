import { describe, expect, it } from 'vitest';
import { twapExecutor } from '../../lib/executors/twap/core';
import { configIssues, done, Driver, fill, fillsOf, stop, viewAt } from './harness';

const MARKET = 'binance:BTC-USDT';
const T0 = 1_700_000_000_000;
const at = (seconds: number, mid: number, options = {}) => viewAt(T0 + seconds * 1000, { [MARKET]: mid }, options);

// 100 USDT over 40 s every 10 s: 5 slices, at 0, 10, 20, 30 and 40 s.
const CONFIG = { type: 'twap_executor', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 1, total_amount_quote: 100, total_duration: 40, order_interval: 10 };

const placed = (actions: readonly { type: string }[]) => actions.filter((action) => action.type === 'place_order');

describe('TWAP executor config', () => {
  it('takes the side as value or name, TAKER by default', () => {
    expect(twapExecutor.configSchema.parse(CONFIG)).toEqual(twapExecutor.configSchema.parse({ ...CONFIG, side: 'BUY', mode: 'TAKER' }));
  });

  it.each([
    [{ order_interval: 50 }, 'order_interval: must not exceed total_duration (40 s)'],
    [{ mode: 'MAKER' }, 'limit_order_buffer: is required in MAKER mode'],
    [{ total_amount_quote: -1 }, 'total_amount_quote: must be greater than 0'],
    [{ total_duration: 0 }, 'total_duration: must be greater than 0'],
    [{ order_interval: 2.5 }, 'order_interval: must be whole seconds'],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(twapExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('TWAP executor slices', () => {
  it('sends each slice when due, sized to spread what is left over the slices left, and ends COMPLETED', () => {
    const driver = new Driver(twapExecutor, CONFIG, at(0, 100));
    expect(placed(driver.last.actions)).toEqual([
      { type: 'place_order', ref: 'slice0-0', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', orderType: 'MARKET', amount: 0.2, positionAction: 'OPEN' },
    ]);
    expect(placed(driver.step(at(9, 100), fillsOf('slice0-0', 100, 0.2)).actions)).toEqual([]);
    // 80 left over 4 slices at mid 80: 0.25.
    expect(placed(driver.step(at(10, 80)).actions)).toEqual([expect.objectContaining({ ref: 'slice1-1', amount: 0.25 })]);
    driver.step(at(11, 80), fillsOf('slice1-1', 80, 0.25));
    for (const [i, second] of [20, 30, 40].entries()) {
      const [slice] = placed(driver.step(at(second, 100)).actions);
      expect(slice).toMatchObject({ ref: `slice${i + 2}-${i + 2}`, amount: 0.2 });
      driver.step(at(second + 1, 100), fillsOf(`slice${i + 2}-${i + 2}`, 100, 0.2));
    }
    expect(driver.state).toMatchObject({ status: 'TERMINATED', closeType: 'COMPLETED' });
  });

  it('rests MAKER slices at mid less the buffer and re-sends a stale one at the new mid', () => {
    const driver = new Driver(twapExecutor, { ...CONFIG, mode: 'MAKER', limit_order_buffer: 0.001, order_resubmission_time: 5 }, at(0, 100));
    expect(placed(driver.last.actions)).toEqual([expect.objectContaining({ ref: 'slice0-0', orderType: 'LIMIT', price: 99.9, amount: 0.2 })]);
    expect(driver.step(at(5, 101)).actions).toEqual([{ type: 'cancel_order', ref: 'slice0-0' }]);
    expect(placed(driver.step(at(6, 101), [done('slice0-0', 'CANCELLED')]).actions)).toEqual([expect.objectContaining({ ref: 'slice0-1', price: 101 * 0.999, amount: 20 / 101 })]);
  });

  it('sends a refused slice again', () => {
    const driver = new Driver(twapExecutor, CONFIG, at(0, 100));
    expect(placed(driver.step(at(1, 100), [done('slice0-0', 'FAILED')]).actions)).toEqual([expect.objectContaining({ ref: 'slice0-1' })]);
  });

  it('marks what it executed at mid, less fees (by hand)', () => {
    const driver = new Driver(twapExecutor, CONFIG, at(0, 100));
    driver.step(at(1, 100), fillsOf('slice0-0', 100, 0.2, 0.02));
    driver.step(at(10, 80));
    driver.step(at(11, 80), fillsOf('slice1-1', 80, 0.25, 0.02));
    // 0.45 bought for 40 (average 88.89); at 90 worth 40.5: +0.5 − 0.04 of fees.
    const report = driver.report(at(12, 90));
    expect(report.netPnlQuote).toBeCloseTo(0.46, 9);
    expect(report.netPnlPct).toBeCloseTo(0.46 / 40, 9);
    expect(report).toMatchObject({ filledAmountQuote: 40, cumFeesQuote: 0.04, isTrading: true });
  });

  it('ends INSUFFICIENT_BALANCE when the quote does not cover the total', () => {
    expect(new Driver(twapExecutor, CONFIG, at(0, 100, { balances: { binance: { USDT: 50 } } })).state.closeType).toBe('INSUFFICIENT_BALANCE');
  });

  it('keeps what filled on a stop with keep_position, without COMPLETED overwriting it', () => {
    const driver = new Driver(twapExecutor, { ...CONFIG, mode: 'MAKER', limit_order_buffer: 0.001 }, at(0, 100));
    driver.step(at(1, 100), [fill('slice0-0', 99.9, 0.1)]);
    expect(driver.step(at(2, 100), [stop(true)]).actions.filter((action) => action.type !== 'log')).toEqual([{ type: 'cancel_order', ref: 'slice0-0' }]);
    driver.step(at(3, 100), [done('slice0-0', 'CANCELLED')]);
    expect(driver.state).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD' });
    expect(driver.state.heldOrders).toEqual([expect.objectContaining({ ref: 'slice0-0', executed_amount_base: 0.1 })]);
  });
});
