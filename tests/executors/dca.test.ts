import { describe, expect, it } from 'vitest';
import { dcaExecutor, DCA_MAX_RETRIES } from '../../lib/executors/dca/core';
import { configIssues, done, Driver, fill, fillsOf, NO_FEES, stop, viewAt } from './harness';

const MARKET = 'binance:BTC-USDT';
const T0 = 1_700_000_000_000;
const at = (seconds: number, mid: number, options = {}) => viewAt(T0 + seconds * 1000, { [MARKET]: mid }, options);

const CONFIG = {
  type: 'dca_executor',
  connector_name: 'binance',
  trading_pair: 'BTC-USDT',
  side: 1,
  amounts_quote: [100, 100, 100],
  prices: [100, 95, 90],
  take_profit: 0.03,
  stop_loss: 0.05,
};

const placed = (actions: readonly { type: string }[]) => actions.filter((action) => action.type === 'place_order');

describe('DCA executor config', () => {
  it('takes the side as value or name, MAKER by default', () => {
    expect(dcaExecutor.configSchema.parse(CONFIG)).toEqual(dcaExecutor.configSchema.parse({ ...CONFIG, side: 'BUY', mode: 'MAKER' }));
    expect(dcaExecutor.configSchema.parse(CONFIG)).toMatchObject({ mode: 'MAKER', leverage: 1 });
  });

  it.each([
    [{ prices: [100, 95] }, 'prices: must have as many entries as amounts_quote (3), not 2'],
    [{ amounts_quote: [100, 0, 100] }, 'amounts_quote.1: must be greater than 0'],
    [{ prices: [100, -1, 90] }, 'prices.1: must be greater than 0'],
    [{ amounts_quote: [], prices: [] }, 'amounts_quote: must list at least one level'],
    [{ mode: 'FAST' }, 'mode: must be one of MAKER, TAKER'],
    [{ take_profit: 1 }, 'take_profit: must be between 0 and 1'],
    [{ trailing_stop: { activation_price: -0.1, trailing_delta: 0.01 } }, 'trailing_stop.activation_price: must be between 0 and 1'],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(dcaExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('DCA executor levels', () => {
  it('sends MAKER levels strictly in order, one LIMIT per tick at each price', () => {
    const driver = new Driver(dcaExecutor, CONFIG, at(0, 101));
    expect(placed(driver.last.actions)).toEqual([
      { type: 'place_order', ref: 'level0-0', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', orderType: 'LIMIT', amount: 1, price: 100, positionAction: 'OPEN' },
    ]);
    expect(placed(driver.step(at(1, 101)).actions)).toEqual([expect.objectContaining({ ref: 'level1-1', price: 95, amount: 100 / 95 })]);
    expect(placed(driver.step(at(2, 101)).actions)).toEqual([expect.objectContaining({ ref: 'level2-2', price: 90 })]);
    expect(placed(driver.step(at(3, 101)).actions)).toEqual([]);
  });

  it('waits for MAKER levels within the activation bounds', () => {
    const driver = new Driver(dcaExecutor, { ...CONFIG, activation_bounds: [0.02] }, at(0, 103));
    expect(placed(driver.last.actions)).toEqual([]);
    expect(placed(driver.step(at(1, 101)).actions)).toEqual([expect.objectContaining({ ref: 'level0-0' })]);
    expect(placed(driver.step(at(2, 97)).actions)).toEqual([]);
    expect(placed(driver.step(at(3, 96.8)).actions)).toEqual([expect.objectContaining({ ref: 'level1-1' })]);
  });

  it('sends TAKER levels as MARKET orders when mid reaches them (default bounds 0.01 % below, 0.5 % above)', () => {
    const driver = new Driver(dcaExecutor, { ...CONFIG, mode: 'TAKER' }, at(0, 100.6));
    expect(placed(driver.last.actions)).toEqual([]);
    expect(placed(driver.step(at(1, 100.4)).actions)).toEqual([expect.objectContaining({ ref: 'level0-0', orderType: 'MARKET', amount: 1 })]);
    driver.step(at(2, 99), fillsOf('level0-0', 100.4, 1));
    expect(placed(driver.last.actions)).toEqual([]);
    expect(placed(driver.step(at(3, 95.3)).actions)).toEqual([expect.objectContaining({ ref: 'level1-1', orderType: 'MARKET' })]);
  });

  it('re-sends a refused level, and ends FAILED after 15 failures', () => {
    const driver = new Driver(dcaExecutor, CONFIG, at(0, 101));
    expect(placed(driver.step(at(1, 101), [done('level0-0', 'FAILED', 'rejected')]).actions)).toEqual([expect.objectContaining({ ref: 'level0-1', price: 100 })]);
    for (let i = 1; i < DCA_MAX_RETRIES; i++) driver.step(at(1 + i, 101), [done(`level0-${i}`, 'FAILED')]);
    expect(driver.state).toMatchObject({ status: 'TERMINATED', closeType: 'FAILED', retries: DCA_MAX_RETRIES });
  });

  it('ends FAILED at start when a level is below the minimum notional, INSUFFICIENT_BALANCE when the quote does not cover the levels', () => {
    expect(new Driver(dcaExecutor, CONFIG, at(0, 101, { rules: { ...NO_FEES, minNotional: 150 } })).state.closeType).toBe('FAILED');
    expect(new Driver(dcaExecutor, CONFIG, at(0, 101, { balances: { binance: { USDT: 299 } } })).state.closeType).toBe('INSUFFICIENT_BALANCE');
  });
});

describe('DCA executor barriers', () => {
  it('takes profit over the average entry with a market close, PnL by hand', () => {
    const driver = new Driver(dcaExecutor, CONFIG, at(0, 101));
    driver.step(at(1, 101), fillsOf('level0-0', 100, 1, 0.1));
    expect(placed(driver.step(at(2, 103)).actions)).toEqual([expect.objectContaining({ ref: 'level2-2' })]);
    // (103.2 − 100 − 0.1) / 100 = 3.1 % > 3 %.
    const hit = driver.step(at(3, 103.2));
    expect(hit.actions.filter((action) => action.type !== 'log')).toEqual([
      { type: 'cancel_order', ref: 'level1-1' },
      { type: 'cancel_order', ref: 'level2-2' },
      { type: 'place_order', ref: 'close-3', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'SELL', orderType: 'MARKET', amount: 1, positionAction: 'CLOSE' },
    ]);
    driver.step(at(4, 103.2), [...fillsOf('close-3', 103.2, 1, 0.1032), done('level1-1', 'CANCELLED'), done('level2-2', 'CANCELLED')]);
    const report = driver.report(at(5, 103.2));
    expect(report).toMatchObject({ status: 'TERMINATED', closeType: 'TAKE_PROFIT' });
    expect(report.netPnlQuote).toBeCloseTo(2.9968, 9);
    expect(report.netPnlPct).toBeCloseTo(0.029968, 9);
    expect(report.filledAmountQuote).toBeCloseTo(203.2, 9);
  });

  it('stops a MAKER DCA out only once every level is filled', () => {
    const driver = new Driver(dcaExecutor, CONFIG, at(0, 101));
    driver.step(at(1, 101), fillsOf('level0-0', 100, 1));
    driver.step(at(2, 96));
    expect(driver.step(at(3, 89)).state.status).toBe('RUNNING');
    driver.step(at(4, 89), [...fillsOf('level1-1', 95, 100 / 95), ...fillsOf('level2-2', 90, 100 / 90)]);
    // Average entry 300 / 3.1637 = 94.82; at 90: −5.09 %.
    expect(driver.state).toMatchObject({ status: 'SHUTTING_DOWN', closeType: 'STOP_LOSS' });
    expect(placed(driver.last.actions)).toEqual([expect.objectContaining({ ref: 'close-3', amount: 1 + 100 / 95 + 100 / 90 })]);
  });

  it('stops a TAKER DCA out on the loss in quote against the whole budget', () => {
    const driver = new Driver(dcaExecutor, { ...CONFIG, mode: 'TAKER', amounts_quote: [100, 100], prices: [100, 80] }, at(0, 100));
    driver.step(at(1, 100), fillsOf('level0-0', 100, 1));
    expect(driver.step(at(2, 90.1)).state.status).toBe('RUNNING');
    expect(driver.step(at(3, 89.9)).state.closeType).toBe('STOP_LOSS');
  });

  it('closes at the time limit', () => {
    const driver = new Driver(dcaExecutor, { ...CONFIG, time_limit: 60 }, at(0, 101));
    driver.step(at(1, 101), fillsOf('level0-0', 100, 1));
    expect(driver.step(at(60, 101)).state.closeType).toBe('TIME_LIMIT');
  });
});

describe('DCA executor stop', () => {
  it('keeps the filled levels as held orders with keep_position (Hummingbot loses them)', () => {
    const driver = new Driver(dcaExecutor, CONFIG, at(0, 101));
    driver.step(at(1, 101), fillsOf('level0-0', 100, 1));
    driver.step(at(2, 96), [fill('level1-1', 95, 0.5)]);
    driver.step(at(2, 96), [stop(true)]);
    expect(placed(driver.last.actions)).toEqual([]);
    driver.step(at(3, 96), [done('level1-1', 'CANCELLED'), done('level2-2', 'CANCELLED')]);
    expect(driver.state).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD' });
    expect(driver.state.heldOrders.map((order) => [order.ref, order.executed_amount_base])).toEqual([
      ['level0-0', 1],
      ['level1-1', 0.5],
    ]);
  });

  it('decides the same refs from the same inputs', () => {
    const run = () => {
      const driver = new Driver(dcaExecutor, CONFIG, at(0, 101));
      return [driver.last.actions, driver.step(at(1, 101), fillsOf('level0-0', 100, 1)).actions, driver.step(at(2, 104)).actions];
    };
    expect(run()).toEqual(run());
  });
});
