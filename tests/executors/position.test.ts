import { describe, expect, it } from 'vitest';
import { positionExecutor, POSITION_MAX_RETRIES } from '../../lib/executors/position/core';
import { configIssues, done, Driver, fill, fillsOf, stop, viewAt } from './harness';

const MARKET = 'binance:BTC-USDT';
const T0 = 1_700_000_000_000;
const at = (seconds: number, mid: number, options = {}) => viewAt(T0 + seconds * 1000, { [MARKET]: mid }, options);

const CONFIG = {
  type: 'position_executor',
  connector_name: 'binance',
  trading_pair: 'BTC-USDT',
  side: 1,
  entry_price: 100,
  amount: 1,
  triple_barrier_config: { stop_loss: 0.03, take_profit: 0.05, time_limit: 3600, open_order_type: 2 },
};

/** A BUY of 1 at 100 placed and filled with 0.1 USDT of fee. */
function opened(config: Record<string, unknown> = {}) {
  const driver = new Driver(positionExecutor, { ...CONFIG, ...config }, at(0, 100));
  driver.step(at(1, 100), fillsOf('open-0', 100, 1, 0.1));
  return driver;
}

describe('position executor config', () => {
  it('takes enums as Hummingbot values and as names, and fills in the defaults', () => {
    const byValue = positionExecutor.configSchema.parse({ ...CONFIG, triple_barrier_config: { ...CONFIG.triple_barrier_config, take_profit_order_type: 3 } });
    const byName = positionExecutor.configSchema.parse({ ...CONFIG, side: 'BUY', triple_barrier_config: { ...CONFIG.triple_barrier_config, open_order_type: 'LIMIT', take_profit_order_type: 'LIMIT_MAKER' } });
    expect(byName).toEqual(byValue);
    expect(byValue).toMatchObject({ side: 'BUY', leverage: 1, controller_id: 'main', triple_barrier_config: { open_order_type: 'LIMIT', take_profit_order_type: 'LIMIT_MAKER', stop_loss_order_type: 'MARKET' } });
    expect(positionExecutor.configSchema.parse({ ...CONFIG, amount: '0.5', triple_barrier_config: undefined })).toMatchObject({ amount: 0.5, triple_barrier_config: { open_order_type: 'LIMIT' } });
  });

  it.each([
    [{ amount: 0 }, 'amount: must be greater than 0'],
    [{ amount: true }, 'amount: '],
    [{ entry_price: -1 }, 'entry_price: must be greater than 0'],
    [{ side: 'LONG' }, 'side: must be one of BUY (1), SELL (2)'],
    [{ side: 3 }, 'side: must be one of BUY (1), SELL (2)'],
    [{ triple_barrier_config: { stop_loss: 1.5 } }, 'triple_barrier_config.stop_loss: must be between 0 and 1'],
    [{ triple_barrier_config: { take_profit: 0 } }, 'triple_barrier_config.take_profit: must be between 0 and 1'],
    [{ triple_barrier_config: { trailing_stop: { activation_price: 0.02, trailing_delta: 2 } } }, 'triple_barrier_config.trailing_stop.trailing_delta: must be between 0 and 1'],
    [{ triple_barrier_config: { stop_loss_order_type: 2 } }, 'triple_barrier_config.stop_loss_order_type: must be MARKET'],
    [{ triple_barrier_config: { time_limit: -5 } }, 'triple_barrier_config.time_limit: must be greater than 0'],
    [{ activation_bounds: [1.2] }, 'activation_bounds.0: must be less than 1'],
    [{ trading_pair: 'BTCUSDT' }, "trading_pair: must be 'BASE-QUOTE'"],
    [{ leverage: 0 }, 'leverage: must be 1 or more'],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(positionExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('position executor entry', () => {
  it.each([
    ['LIMIT at the entry price', { open_order_type: 'LIMIT' }, 100, { orderType: 'LIMIT', price: 100 }],
    ['MARKET without a price', { open_order_type: 'MARKET' }, 100, { orderType: 'MARKET', price: undefined }],
    ['LIMIT_MAKER kept below the bid', { open_order_type: 'LIMIT_MAKER' }, 99, { orderType: 'LIMIT_MAKER', price: 98.95 }],
  ])('%s', (_, barriers, mid, expected) => {
    const { last } = new Driver(positionExecutor, { ...CONFIG, triple_barrier_config: barriers }, at(0, mid, { spread: 0.1 }));
    expect(last.actions).toEqual([{ type: 'place_order', ref: 'open-0', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', amount: 1, positionAction: 'OPEN', ...expected }]);
  });

  it('takes the best ask as a SELL entry when no entry price is given', () => {
    const { last } = new Driver(positionExecutor, { ...CONFIG, side: 'SELL', entry_price: undefined }, at(0, 100, { spread: 0.2 }));
    expect(last.actions[0]).toMatchObject({ side: 'SELL', price: 100.1 });
  });

  it('waits within the activation bounds, and withdraws an untouched open order that leaves them', () => {
    const driver = new Driver(positionExecutor, { ...CONFIG, entry_price: 95, activation_bounds: [0.02] }, at(0, 100));
    expect(driver.last.actions).toEqual([]);
    expect(driver.step(at(1, 96.5)).actions).toMatchObject([{ type: 'place_order', ref: 'open-0', price: 95 }]);
    expect(driver.step(at(2, 98)).actions).toEqual([{ type: 'cancel_order', ref: 'open-0' }]);
    expect(driver.step(at(3, 98), [done('open-0', 'CANCELLED')]).actions).toEqual([]);
    expect(driver.step(at(4, 96)).actions).toMatchObject([{ type: 'place_order', ref: 'open-1', price: 95 }]);
  });

  it('opens a MARKET entry only while mid is within [−b0, +b1] of the entry', () => {
    const config = { ...CONFIG, activation_bounds: [0.01, 0.02], triple_barrier_config: { open_order_type: 'MARKET' } };
    expect(new Driver(positionExecutor, config, at(0, 98.9)).last.actions).toEqual([]);
    expect(new Driver(positionExecutor, config, at(0, 102.1)).last.actions).toEqual([]);
    expect(new Driver(positionExecutor, config, at(0, 101.9)).last.actions).toMatchObject([{ orderType: 'MARKET' }]);
  });

  it('ends INSUFFICIENT_BALANCE without an order when the quote does not cover the entry', () => {
    const { last } = new Driver(positionExecutor, CONFIG, at(0, 100, { balances: { binance: { USDT: 99.99, BTC: 5 } } }));
    expect(last.actions.filter((action) => action.type !== 'log')).toEqual([]);
    expect(last.state).toMatchObject({ status: 'TERMINATED', closeType: 'INSUFFICIENT_BALANCE' });
    expect(new Driver(positionExecutor, { ...CONFIG, side: 2 }, at(0, 100, { balances: { binance: { BTC: 0.5 } } })).state.closeType).toBe('INSUFFICIENT_BALANCE');
    expect(new Driver(positionExecutor, { ...CONFIG, connector_name: 'binance_perpetual', leverage: 10 }, viewAt(T0, { 'binance_perpetual:BTC-USDT': 100 }, { balances: { binance_perpetual: { USDT: 10 } } })).state.status).toBe('RUNNING');
  });

  it('ends EXPIRED when its time limit passed before it started', () => {
    const { state } = new Driver(positionExecutor, { ...CONFIG, timestamp: T0 / 1000 - 3600 }, at(0, 100));
    expect(state).toMatchObject({ status: 'TERMINATED', closeType: 'EXPIRED', orders: [] });
  });
});

describe('position executor barriers', () => {
  // Each row: the price that hits the barrier, the close type, the close fill, then net PnL, PnL % and volume by hand.
  it.each([
    // stop-loss: (97 − 100) − 0.1 open fee = −3.1 → −3.1 % ≤ −3 %; close fee 0.097.
    ['stop-loss', {}, [97], 'STOP_LOSS', 97, -3.197, -0.03197, 197],
    // take-profit: 105.2 − 100 − 0.1 = 5.1 → 5.1 % ≥ 5 %; close fee 0.1052.
    ['take-profit', {}, [105.2], 'TAKE_PROFIT', 105.2, 4.9948, 0.049948, 205.2],
    // trailing: armed at 2.9 % (trigger 1.9 %), ratchets to 3.9 % − 1 % = 2.9 % at 104, hit at 102.9 (2.8 %); close fee 0.1029.
    ['trailing stop', { trailing_stop: { activation_price: 0.02, trailing_delta: 0.01 }, take_profit: 0.2 }, [103, 104, 102.9], 'TRAILING_STOP', 102.9, 2.6971, 0.026971, 202.9],
  ])('%s', (_, barriers, path, closeType, closePrice, netPnlQuote, netPnlPct, volume) => {
    const driver = opened({ triple_barrier_config: { ...CONFIG.triple_barrier_config, ...barriers } });
    for (const [i, price] of path.slice(0, -1).entries()) expect(driver.step(at(2 + i, price)).actions).toEqual([]);
    const hit = driver.step(at(10, path[path.length - 1]));
    expect(hit.actions.filter((action) => action.type !== 'log')).toEqual([
      { type: 'place_order', ref: 'close-1', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'SELL', orderType: 'MARKET', amount: 1, positionAction: 'CLOSE' },
    ]);
    expect(hit.state).toMatchObject({ status: 'SHUTTING_DOWN', closeType });
    driver.step(at(11, closePrice), fillsOf('close-1', closePrice, 1, closePrice / 1000));
    const report = driver.report(at(12, 50));
    expect(report).toMatchObject({ status: 'TERMINATED', closeType, closeTimestamp: T0 + 11_000, side: 'BUY', isActive: false });
    expect(report.netPnlQuote).toBeCloseTo(netPnlQuote, 9);
    expect(report.netPnlPct).toBeCloseTo(netPnlPct, 9);
    expect(report.filledAmountQuote).toBeCloseTo(volume, 9);
    expect(report.cumFeesQuote).toBeCloseTo(0.1 + closePrice / 1000, 9);
  });

  it('closes a SELL position by buying back, its PnL the fall in price', () => {
    const driver = new Driver(positionExecutor, { ...CONFIG, side: 'SELL' }, at(0, 100));
    driver.step(at(1, 100), fillsOf('open-0', 100, 1));
    expect(driver.step(at(2, 94.9)).actions.filter((action) => action.type !== 'log')).toMatchObject([{ side: 'BUY', amount: 1, orderType: 'MARKET' }]);
    driver.step(at(3, 95), fillsOf('close-1', 95, 1));
    expect(driver.report(at(4, 95))).toMatchObject({ closeType: 'TAKE_PROFIT', netPnlQuote: 5, netPnlPct: 0.05 });
  });

  it('closes at the time limit, after the price barriers when a tick reaches both', () => {
    const timed = opened();
    expect(timed.step(at(3599, 101)).actions).toEqual([]);
    expect(timed.step(at(3600, 101)).state.closeType).toBe('TIME_LIMIT');
    expect(opened().step(at(3600, 106)).state.closeType).toBe('TAKE_PROFIT');
  });

  it('takes the stop-loss over the trailing stop when one tick breaches both', () => {
    const driver = opened({ triple_barrier_config: { ...CONFIG.triple_barrier_config, trailing_stop: { activation_price: 0.02, trailing_delta: 0.01 } } });
    driver.step(at(2, 103));
    expect(driver.state.trailingTrigger).toBeCloseTo(0.019, 12);
    expect(driver.step(at(3, 96)).state.closeType).toBe('STOP_LOSS');
  });

  it('ends an unfilled executor TIME_LIMIT with no PnL once its open order is cancelled', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 101));
    expect(driver.step(at(3600, 101)).actions.filter((action) => action.type !== 'log')).toEqual([{ type: 'cancel_order', ref: 'open-0' }]);
    expect(driver.step(at(3601, 101), [done('open-0', 'CANCELLED')]).state).toMatchObject({ status: 'TERMINATED', closeType: 'TIME_LIMIT' });
    expect(driver.report(at(3602, 101))).toMatchObject({ netPnlQuote: -0, netPnlPct: 0, filledAmountQuote: 0 });
  });

  it('checks no price barrier before the open order is filled', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 100));
    driver.step(at(1, 100), [fill('open-0', 100, 0.5)]);
    expect(driver.step(at(2, 90)).actions).toEqual([]);
  });

  it('rests a LIMIT take-profit at entry·(1 + tp) and ends TAKE_PROFIT when it fills', () => {
    const driver = opened({ triple_barrier_config: { ...CONFIG.triple_barrier_config, take_profit_order_type: 'LIMIT' } });
    expect(driver.last.actions).toMatchObject([{ type: 'place_order', ref: 'take_profit-1', side: 'SELL', orderType: 'LIMIT', price: 105, amount: 1, positionAction: 'CLOSE' }]);
    expect(driver.step(at(2, 104)).actions).toEqual([]);
    driver.step(at(3, 105), fillsOf('take_profit-1', 105, 1, 0.105));
    expect(driver.report(at(4, 105))).toMatchObject({ status: 'TERMINATED', closeType: 'TAKE_PROFIT', netPnlQuote: 5 - 0.205, filledAmountQuote: 205 });
  });

  it('cancels the resting take-profit and closes what it did not fill when the stop-loss hits', () => {
    const driver = opened({ triple_barrier_config: { ...CONFIG.triple_barrier_config, take_profit_order_type: 'LIMIT' } });
    driver.step(at(2, 104), [fill('take_profit-1', 105, 0.25)]);
    // 0.25 sold at 105 and 0.75 marked at 90: 26.25 + 67.5 − 100 − 0.1 = −6.35 %.
    const hit = driver.step(at(3, 90));
    expect(hit.actions.filter((action) => action.type !== 'log')).toMatchObject([
      { type: 'cancel_order', ref: 'take_profit-1' },
      { type: 'place_order', ref: 'close-2', amount: 0.75, orderType: 'MARKET' },
    ]);
  });
});

describe('position executor fills and retries', () => {
  it('re-places a partly filled, cancelled open order for the rest and closes the whole', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 100));
    driver.step(at(1, 100), [fill('open-0', 100, 0.4), done('open-0', 'CANCELLED')]);
    expect(driver.last.actions).toMatchObject([{ type: 'place_order', ref: 'open-1', amount: 0.6, price: 100 }]);
    driver.step(at(2, 100), fillsOf('open-1', 99, 0.6));
    expect(driver.report(at(2, 100)).customInfo.current_position_average_price).toBeCloseTo(99.4, 12);
    expect(driver.step(at(3, 96)).actions.filter((action) => action.type !== 'log')).toMatchObject([{ ref: 'close-2', amount: 1 }]);
  });

  it('closes only the base it holds when the fee was paid in base', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 100));
    driver.step(at(1, 100), [fill('open-0', 100, 1, 0.1, 'BTC', 0.001), done('open-0', 'FILLED')]);
    expect(driver.step(at(2, 96)).actions.filter((action) => action.type !== 'log')).toMatchObject([{ ref: 'close-1', amount: 0.999 }]);
  });

  it('counts a fill delivered twice once', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 100));
    const once = fill('open-0', 100, 0.5);
    driver.step(at(1, 100), [once, once]);
    driver.step(at(2, 100), [once]);
    expect(driver.state.openBase).toBe(0.5);
  });

  it('re-places a failed open order under a new ref, and ends FAILED past the retries', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 100));
    for (let i = 0; i < POSITION_MAX_RETRIES; i++) {
      const { actions } = driver.step(at(i + 1, 100), [done(`open-${i}`, 'FAILED', 'rejected')]);
      expect(actions.find((action) => action.type === 'place_order')).toMatchObject({ ref: `open-${i + 1}` });
    }
    const last = driver.step(at(99, 100), [done(`open-${POSITION_MAX_RETRIES}`, 'FAILED')]);
    expect(last.actions.filter((action) => action.type === 'place_order')).toEqual([]);
    expect(last.state).toMatchObject({ status: 'TERMINATED', closeType: 'FAILED', retries: POSITION_MAX_RETRIES + 1 });
  });

  it('re-sends a failed close until the position is flat', () => {
    const driver = opened();
    driver.step(at(2, 96));
    expect(driver.step(at(3, 96), [done('close-1', 'FAILED')]).actions).toMatchObject([{ type: 'log' }, { type: 'place_order', ref: 'close-2', amount: 1 }]);
    driver.step(at(4, 96), [fill('close-2', 96, 0.7), done('close-2', 'CANCELLED')]);
    expect(driver.last.actions).toMatchObject([{ type: 'place_order', ref: 'close-3' }]);
    expect((driver.last.actions[0] as { amount: number }).amount).toBeCloseTo(0.3, 12);
    driver.step(at(5, 96), fillsOf('close-3', 96, 0.3));
    expect(driver.state).toMatchObject({ status: 'TERMINATED', closeType: 'STOP_LOSS', retries: 1 });
  });

  it('decides the same refs and orders from the same inputs', () => {
    const run = () => {
      const driver = opened({ triple_barrier_config: { ...CONFIG.triple_barrier_config, take_profit_order_type: 'LIMIT' } });
      return [driver.last.actions, driver.step(at(5, 96)).actions];
    };
    expect(run()).toEqual(run());
  });
});

describe('position executor stop', () => {
  it('keeps a filled position as POSITION_HOLD with its orders held, sending no close', () => {
    const driver = opened();
    const stopped = driver.step(at(2, 101), [stop(true)]);
    expect(stopped.actions.filter((action) => action.type === 'place_order')).toEqual([]);
    expect(stopped.state).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD' });
    expect(driver.report(at(2, 101)).customInfo.held_position_orders).toEqual([
      expect.objectContaining({ ref: 'open-0', trade_type: 'BUY', executed_amount_base: 1, executed_amount_quote: 100, cumulative_fee_paid_quote: 0.1, order_type: 'LIMIT' }),
    ]);
    expect(driver.report(at(2, 101))).toMatchObject({ netPnlQuote: -0.1, filledAmountQuote: 100 });
  });

  it('holds a partial fill once the cancel of the rest is final (late fills included)', () => {
    const driver = new Driver(positionExecutor, CONFIG, at(0, 100));
    driver.step(at(1, 100), [fill('open-0', 100, 0.3)]);
    expect(driver.step(at(2, 100), [stop(true)]).actions.filter((action) => action.type !== 'log')).toEqual([{ type: 'cancel_order', ref: 'open-0' }]);
    driver.step(at(3, 100), [fill('open-0', 100, 0.1), done('open-0', 'CANCELLED')]);
    expect(driver.state.closeType).toBe('POSITION_HOLD');
    expect(driver.state.heldOrders[0]?.executed_amount_base).toBeCloseTo(0.4, 12);
  });

  it('degrades a hold with nothing filled to EARLY_STOP, and a plain stop closes with a market order', () => {
    const empty = new Driver(positionExecutor, CONFIG, at(0, 100));
    empty.step(at(1, 100), [stop(true)]);
    empty.step(at(2, 100), [done('open-0', 'CANCELLED')]);
    expect(empty.state).toMatchObject({ status: 'TERMINATED', closeType: 'EARLY_STOP', heldOrders: [] });

    const flat = opened();
    expect(flat.step(at(2, 101), [stop(false)]).actions.filter((action) => action.type !== 'log')).toMatchObject([{ ref: 'close-1', side: 'SELL', orderType: 'MARKET' }]);
    expect(flat.state.closeType).toBe('EARLY_STOP');
  });

  it('ignores steps once terminated', () => {
    const driver = opened();
    driver.step(at(2, 101), [stop(true)]);
    const after = driver.step(at(3, 50));
    expect(after.actions).toEqual([]);
    expect(after.state.closeType).toBe('POSITION_HOLD');
  });
});
