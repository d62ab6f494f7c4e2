import { describe, expect, it } from 'vitest';
import { gridExecutor, gridLevels } from '../../lib/executors/grid/core';
import { configIssues, done, Driver, fill, fillsOf, NO_FEES, stop, viewAt } from './harness';

const MARKET = 'binance:BTC-USDT';
const T0 = 1_700_000_000_000;
const at = (seconds: number, mid: number) => viewAt(T0 + seconds * 1000, { [MARKET]: mid });

// 100 USDT over 90..100 with 20 USDT minimum orders: 4 levels of 25 USDT (90, 93.33, 96.67, 100).
const CONFIG = {
  type: 'grid_executor',
  connector_name: 'binance',
  trading_pair: 'BTC-USDT',
  start_price: 90,
  end_price: 100,
  limit_price: 85,
  side: 1,
  total_amount_quote: 100,
  min_order_amount_quote: 20,
  max_open_orders: 2,
  triple_barrier_config: { take_profit: 0.01, open_order_type: 3 },
};

const placed = (actions: readonly { type: string }[]) => actions.filter((action) => action.type === 'place_order');

describe('grid executor config', () => {
  it('takes enums as values and names, with Hummingbot defaults', () => {
    const byName = gridExecutor.configSchema.parse({ ...CONFIG, side: 'BUY', triple_barrier_config: { take_profit: 0.01, open_order_type: 'LIMIT_MAKER' } });
    expect(gridExecutor.configSchema.parse(CONFIG)).toEqual(byName);
    expect(byName).toMatchObject({ min_spread_between_orders: 0.0005, order_frequency: 0, safe_extra_spread: 0.0001, leverage: 20, keep_position: false, deduct_base_fees: false });
  });

  it.each([
    [{ start_price: 100 }, 'start_price: must be below end_price (100)'],
    [{ limit_price: 92 }, 'limit_price: must be below start_price (90) for a BUY grid'],
    [{ side: 'SELL', limit_price: 99 }, 'limit_price: must be above end_price (100) for a SELL grid'],
    [{ total_amount_quote: 0 }, 'total_amount_quote: must be greater than 0'],
    [{ max_open_orders: 0 }, 'max_open_orders: must be 1 or more'],
    [{ triple_barrier_config: undefined }, 'triple_barrier_config: '],
    [{ triple_barrier_config: { stop_loss: 2 } }, 'triple_barrier_config.stop_loss: must be between 0 and 1'],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(gridExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('grid executor levels', () => {
  it('spaces as many levels as budget and minimum notional (with 5 % margin) allow', () => {
    const levels = gridLevels(gridExecutor.configSchema.parse(CONFIG), 95, NO_FEES);
    expect(levels.map((level) => level.id)).toEqual(['L0', 'L1', 'L2', 'L3']);
    expect(levels.map((level) => level.price)).toEqual([90, 90 + 10 / 3, 90 + 20 / 3, 100]);
    for (const level of levels) expect(level.amountQuote).toBeCloseTo(25, 9);
  });

  it('puts one level at the midpoint when the budget covers one minimum order, and one of the minimum when it covers none', () => {
    expect(gridLevels(gridExecutor.configSchema.parse({ ...CONFIG, total_amount_quote: 30 }), 95, NO_FEES)).toMatchObject([{ price: 95, amountQuote: 30 }]);
    const [tiny] = gridLevels(gridExecutor.configSchema.parse({ ...CONFIG, total_amount_quote: 10 }), 95, NO_FEES);
    expect(tiny.amountQuote).toBeCloseTo(21, 9);
  });

  it('rounds the minimum base up to the size increment', () => {
    const levels = gridLevels(gridExecutor.configSchema.parse({ ...CONFIG, total_amount_quote: 30 }), 100, { ...NO_FEES, sizeIncrement: 0.1 });
    expect(levels[0].amountQuote).toBeCloseTo(30, 9);
  });
});

describe('grid executor trading', () => {
  it('opens the levels nearest to mid up to max_open_orders, never crossing the book', () => {
    const { last } = new Driver(gridExecutor, CONFIG, at(0, 94));
    expect(placed(last.actions)).toEqual([
      { type: 'place_order', ref: 'L1-0', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', orderType: 'LIMIT_MAKER', amount: 25 / 94, price: 90 + 10 / 3, positionAction: 'OPEN' },
      { type: 'place_order', ref: 'L2-1', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', orderType: 'LIMIT_MAKER', amount: 25 / 94, price: 94 * (1 - 0.0001), positionAction: 'OPEN' },
    ]);
  });

  it('takes profit a step above a filled level, then recycles the level', () => {
    const driver = new Driver(gridExecutor, CONFIG, at(0, 94));
    const entry = 90 + 10 / 3;
    const takeProfit = entry * 1.01;
    driver.step(at(1, 93), fillsOf('L1-0', entry, 0.25, 0.01));
    // The freed slot goes to the next level nearest to mid (L0), then the take-profit.
    expect(placed(driver.last.actions)).toEqual([
      expect.objectContaining({ ref: 'L0-2', side: 'BUY', price: 90 }),
      expect.objectContaining({ ref: 'L1-3', side: 'SELL', price: takeProfit, amount: 0.25, positionAction: 'CLOSE' }),
    ]);
    expect(driver.report(at(1, 93)).customInfo).toMatchObject({ levels_by_state: { CLOSE_ORDER_PLACED: 1, OPEN_ORDER_PLACED: 2 }, position_size_quote: 0.25 * entry });
    driver.step(at(2, 94.3), fillsOf('L1-3', takeProfit, 0.25, 0.02));
    const report = driver.report(at(2, 94.3));
    // Realised: 0.25 · (94.2667 − 93.3333) − 0.03 of fees.
    expect(report.customInfo.realized_pnl_quote).toBeCloseTo(0.25 * (takeProfit - entry) - 0.03, 9);
    expect(report.customInfo).toMatchObject({ filled_orders: 1, position_size_quote: 0 });
    expect(report.filledAmountQuote).toBeCloseTo(0.25 * (entry + takeProfit), 9);
    expect(report.netPnlQuote).toBeCloseTo(0.25 * (takeProfit - entry) - 0.03, 9);
    expect(driver.report(at(2, 94.3)).customInfo.levels_by_state).toMatchObject({ NOT_ACTIVE: 2, OPEN_ORDER_PLACED: 2 });
    expect(placed(driver.step(at(3, 94.3), [done('L0-2', 'CANCELLED')]).actions)).toEqual([expect.objectContaining({ ref: 'L1-4', side: 'BUY', positionAction: 'OPEN' })]);
  });

  it('frees a level whose untouched open order was cancelled, and opens it again', () => {
    const driver = new Driver(gridExecutor, CONFIG, at(0, 94));
    expect(placed(driver.step(at(1, 94), [done('L1-0', 'CANCELLED')]).actions)).toEqual([expect.objectContaining({ ref: 'L1-2', price: 90 + 10 / 3 })]);
    expect(driver.report(at(1, 94)).customInfo.canceled_orders).toBe(1);
  });

  it('sends one batch per order_frequency, max_orders_per_batch at a time', () => {
    const driver = new Driver(gridExecutor, { ...CONFIG, order_frequency: 10, max_orders_per_batch: 1 }, at(0, 94));
    expect(placed(driver.last.actions)).toHaveLength(1);
    expect(placed(driver.step(at(5, 94)).actions)).toHaveLength(0);
    expect(placed(driver.step(at(10, 94)).actions)).toEqual([expect.objectContaining({ ref: 'L2-1' })]);
  });

  it.each([
    ['the price leaving the range above', 101, false, 'TAKE_PROFIT'],
    ['the limit price', 84, false, 'STOP_LOSS'],
    ['the limit price, keeping the position', 84, true, 'POSITION_HOLD'],
  ])('stops at %s', (_, price, keepPosition, closeType) => {
    const driver = new Driver(gridExecutor, { ...CONFIG, keep_position: keepPosition }, at(0, 94));
    driver.step(at(1, 93), [fill('L1-0', 93, 0.25), done('L1-0', 'FILLED')]);
    const hit = driver.step(at(2, price));
    expect(hit.state).toMatchObject({ status: 'SHUTTING_DOWN', closeType });
    expect(hit.actions.filter((action) => action.type === 'cancel_order').map((action) => 'ref' in action && action.ref)).toEqual(['L2-1', 'L0-2', 'L1-3']);
    const settled = driver.step(at(3, price), [done('L2-1', 'CANCELLED'), done('L0-2', 'CANCELLED'), done('L1-3', 'CANCELLED')]);
    if (keepPosition) {
      expect(settled.state).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD' });
      expect(settled.state.heldOrders).toEqual([expect.objectContaining({ ref: 'L1-0', trade_type: 'BUY', executed_amount_base: 0.25 })]);
      return;
    }
    expect(placed(settled.actions)).toEqual([expect.objectContaining({ ref: 'close-4', side: 'SELL', orderType: 'MARKET', amount: 0.25 })]);
    driver.step(at(4, price), fillsOf('close-4', price, 0.25));
    expect(driver.report(at(4, price))).toMatchObject({ status: 'TERMINATED', closeType, netPnlQuote: 0.25 * (price - 93) });
  });

  it('stops on its stop-loss over the position it holds', () => {
    const driver = new Driver(gridExecutor, { ...CONFIG, triple_barrier_config: { take_profit: 0.01, stop_loss: 0.05 } }, at(0, 94));
    driver.step(at(1, 93), fillsOf('L1-0', 93, 0.25));
    expect(driver.step(at(2, 88)).state.closeType).toBe('STOP_LOSS');
  });

  it('keeps a stop with keep_position as POSITION_HOLD, and degrades it to EARLY_STOP when nothing filled', () => {
    const held = new Driver(gridExecutor, CONFIG, at(0, 94));
    held.step(at(1, 93), fillsOf('L1-0', 93, 0.25));
    held.step(at(2, 93), [stop(true)]);
    held.step(at(3, 93), [done('L2-1', 'CANCELLED'), done('L0-2', 'CANCELLED'), done('L1-3', 'CANCELLED')]);
    expect(held.state.closeType).toBe('POSITION_HOLD');
    const empty = new Driver(gridExecutor, CONFIG, at(0, 94));
    empty.step(at(1, 94), [stop(true)]);
    empty.step(at(2, 94), [done('L1-0', 'CANCELLED'), done('L2-1', 'CANCELLED')]);
    expect(empty.state).toMatchObject({ status: 'TERMINATED', closeType: 'EARLY_STOP' });
  });

  it('decides the same refs from the same inputs', () => {
    const run = () => {
      const driver = new Driver(gridExecutor, CONFIG, at(0, 94));
      return [driver.last.actions, driver.step(at(1, 93), fillsOf('L1-0', 93, 0.25)).actions];
    };
    expect(run()).toEqual(run());
  });
});
