import { describe, expect, it } from 'vitest';
import { orderExecutor } from '../../lib/executors/order/core';
import { done, Driver, fill, fillsOf, stop, viewAt } from './harness';

const KEY = 'binance:BTC-USDT';
const at = (mid: number, now = 1_000, spread = 2) => viewAt(now, { [KEY]: mid }, { spread });
const config = (extra: Record<string, unknown>) => ({ type: 'order_executor', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 1, amount: 0.01, ...extra });
const placed = (driver: Driver<unknown, unknown>) => driver.last.actions.filter((action) => action.type === 'place_order');

describe('order executor config', () => {
  it('takes side as a value or a name and requires a price for LIMIT and LIMIT_MAKER, chaser_config for LIMIT_CHASER', () => {
    expect(orderExecutor.configSchema.parse(config({ execution_strategy: 'MARKET' })).side).toBe('BUY');
    expect(orderExecutor.configSchema.parse(config({ side: 'SELL', execution_strategy: 'MARKET' })).side).toBe('SELL');
    const limit = orderExecutor.configSchema.safeParse(config({ execution_strategy: 'LIMIT' }));
    expect(limit.success).toBe(false);
    expect(limit.error?.issues[0].path).toEqual(['price']);
    const chaser = orderExecutor.configSchema.safeParse(config({ execution_strategy: 'LIMIT_CHASER' }));
    expect(chaser.error?.issues[0].path).toEqual(['chaser_config']);
    expect(orderExecutor.configSchema.safeParse(config({ execution_strategy: 'MARKET', amount: 0 })).success).toBe(false);
  });
});

describe('order executor', () => {
  it('sends one MARKET order and, once filled, holds the fill (POSITION_HOLD) with its fees', () => {
    const driver = new Driver(orderExecutor, config({ execution_strategy: 'MARKET' }), at(100_000));
    expect(placed(driver)).toEqual([expect.objectContaining({ orderType: 'MARKET', side: 'BUY', amount: 0.01, positionAction: 'NIL' })]);
    expect(placed(driver)[0]).not.toHaveProperty('price');
    driver.step(at(100_000), fillsOf('order-1', 100_001, 0.01, 1.0001));
    const report = orderExecutor.report(driver.state, at(100_000));
    expect(report).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD', netPnlQuote: 0, cumFeesQuote: 1.0001, filledAmountQuote: 1000.01 });
    expect(report.customInfo).toMatchObject({ executed_amount_base: 0.01, average_executed_price: 100_001 });
  });

  it('places LIMIT at the given price and LIMIT_MAKER never across the book', () => {
    expect(placed(new Driver(orderExecutor, config({ execution_strategy: 'LIMIT', price: 99_000 }), at(100_000)))[0]).toMatchObject({ orderType: 'LIMIT', price: 99_000 });
    expect(placed(new Driver(orderExecutor, config({ execution_strategy: 'LIMIT_MAKER', price: 101_000 }), at(100_000)))[0]).toMatchObject({ orderType: 'LIMIT_MAKER', price: 99_999 });
    expect(placed(new Driver(orderExecutor, config({ side: 2, execution_strategy: 'LIMIT_MAKER', price: 99_000 }), at(100_000)))[0]).toMatchObject({ price: 100_001 });
  });

  it('re-prices a chaser that the market ran away from: cancel, then a new order for what is left', () => {
    const driver = new Driver(orderExecutor, config({ execution_strategy: 'LIMIT_CHASER', chaser_config: { distance: 0.001, refresh_threshold: 0.002 } }), at(100_000, 1_000, 0));
    expect(placed(driver)[0]).toMatchObject({ orderType: 'LIMIT_MAKER', price: 99_900 });
    expect(driver.step(at(100_100, 2_000, 0)).actions).toEqual([]);
    driver.step(at(101_000, 3_000, 0), [fill('order-1', 99_900, 0.004)]);
    expect(driver.last.actions).toContainEqual({ type: 'cancel_order', ref: 'order-1' });
    driver.step(at(101_000, 4_000, 0), [done('order-1', 'CANCELLED')]);
    expect(placed(driver)).toEqual([expect.objectContaining({ ref: 'order-2', price: 100_899, amount: expect.closeTo(0.006, 12) })]);
  });

  it('ends INSUFFICIENT_BALANCE without an order when the quote does not cover it', () => {
    const driver = new Driver(orderExecutor, config({ execution_strategy: 'MARKET' }), viewAt(1_000, { [KEY]: 100_000 }, { balances: { binance: { USDT: 50 } } }));
    expect(placed(driver)).toEqual([]);
    expect(orderExecutor.report(driver.state, at(100_000))).toMatchObject({ status: 'TERMINATED', closeType: 'INSUFFICIENT_BALANCE' });
  });

  it('on stop cancels its order, then holds a partial fill or ends EARLY_STOP', () => {
    const partial = new Driver(orderExecutor, config({ execution_strategy: 'LIMIT', price: 99_000 }), at(100_000));
    partial.step(at(100_000), [fill('order-1', 99_000, 0.003), stop(false)]);
    expect(partial.last.actions).toContainEqual({ type: 'cancel_order', ref: 'order-1' });
    expect(orderExecutor.report(partial.state, at(100_000)).status).toBe('SHUTTING_DOWN');
    partial.step(at(100_000), [done('order-1', 'CANCELLED')]);
    expect(orderExecutor.report(partial.state, at(100_000))).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD', filledAmountQuote: 297 });

    const untouched = new Driver(orderExecutor, config({ execution_strategy: 'LIMIT', price: 99_000 }), at(100_000));
    untouched.step(at(100_000), [stop(true)]);
    untouched.step(at(100_000), [done('order-1', 'CANCELLED')]);
    expect(orderExecutor.report(untouched.state, at(100_000)).closeType).toBe('EARLY_STOP');
  });

  it('re-places a refused order and gives up FAILED after its retries', () => {
    const driver = new Driver(orderExecutor, config({ execution_strategy: 'LIMIT', price: 99_000 }), at(100_000));
    for (let attempt = 1; attempt <= 11; attempt++) driver.step(at(100_000), [done(`order-${attempt}`, 'FAILED', 'rejected')]);
    expect(orderExecutor.report(driver.state, at(100_000))).toMatchObject({ status: 'TERMINATED', closeType: 'FAILED' });
  });
});
