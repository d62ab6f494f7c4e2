import { describe, expect, it } from 'vitest';
import type { MarketView } from '../../lib/executors/core';
import { xemmExecutor } from '../../lib/executors/xemm/core';
import { configIssues, done, Driver, fill, fillsOf, NO_FEES, stop } from './harness';

const SPOT = 'binance:BTC-USDT';
const PERP = 'binance_perpetual:BTC-USDT';
const T0 = 1_700_000_000_000;

/** Both markets at `mid` with a 0.2 spread; takers pay 0.1 %, makers nothing. */
function view(seconds: number, spotMid: number, perpMid: number): MarketView {
  const quote = (mid: number) => ({ bestBid: mid - 0.1, bestAsk: mid + 0.1, mid });
  const rules = { ...NO_FEES, takerFee: 0.001 };
  return { now: T0 + seconds * 1000, quotes: { [SPOT]: quote(spotMid), [PERP]: quote(perpMid) }, rules: { [SPOT]: rules, [PERP]: rules } };
}

const CONFIG = {
  type: 'xemm_executor',
  buying_market: { connector_name: 'binance', trading_pair: 'BTC-USDT' },
  selling_market: { connector_name: 'binance_perpetual', trading_pair: 'BTC-USDT' },
  maker_side: 1,
  order_amount: 0.1,
  min_profitability: 0.001,
  target_profitability: 0.002,
  max_profitability: 0.01,
};

const placed = (actions: readonly { type: string }[]) => actions.filter((action) => action.type === 'place_order');

describe('XEMM executor config', () => {
  it('takes maker_side as value or name', () => {
    expect(xemmExecutor.configSchema.parse(CONFIG)).toEqual(xemmExecutor.configSchema.parse({ ...CONFIG, maker_side: 'BUY' }));
  });

  it.each([
    [{ min_profitability: 0.002 }, 'target_profitability: must be above min_profitability (0.002)'],
    [{ max_profitability: 0.002 }, 'max_profitability: must be above target_profitability (0.002)'],
    [{ order_amount: -1 }, 'order_amount: must be greater than 0'],
    [{ maker_side: 'RANGE' }, 'maker_side: must be one of BUY (1), SELL (2)'],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(xemmExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('XEMM executor', () => {
  it('quotes the maker at the taker VWAP less target and both fees, and re-quotes once out of [min, max]', () => {
    const driver = new Driver(xemmExecutor, CONFIG, view(0, 99, 100.1));
    // The perpetual's bid is 100: 100 / (1 + 0.2 % + 0.1 %).
    expect(placed(driver.last.actions)).toEqual([
      { type: 'place_order', ref: 'maker-0', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', orderType: 'LIMIT', amount: 0.1, price: 100 / 1.003, positionAction: 'OPEN' },
    ]);
    expect(driver.step(view(1, 99, 100.2)).actions).toEqual([]);
    // Bid 99.75: (99.75 − 99.70) / 99.70 − 0.1 % < 0.1 %.
    expect(driver.step(view(2, 99, 99.85)).actions).toEqual([{ type: 'cancel_order', ref: 'maker-0' }]);
    expect(placed(driver.step(view(3, 99, 99.85), [done('maker-0', 'CANCELLED')]).actions)).toEqual([expect.objectContaining({ ref: 'maker-1', price: 99.75 / 1.003 })]);
  });

  it('hedges each maker fill at once and ends COMPLETED with PnL by hand', () => {
    const driver = new Driver(xemmExecutor, CONFIG, view(0, 99, 100.1));
    const hedge = driver.step(view(1, 99, 100.1), [fill('maker-0', 99.7, 0.04)]);
    expect(placed(hedge.actions)).toEqual([expect.objectContaining({ ref: 'taker-1', market: { connector: 'binance_perpetual', tradingPair: 'BTC-USDT' }, side: 'SELL', orderType: 'MARKET', amount: 0.04 })]);
    driver.step(view(2, 99, 100.1), fillsOf('taker-1', 100, 0.04, 0.004));
    driver.step(view(3, 99, 100.1), [fill('maker-0', 99.7, 0.06), done('maker-0', 'FILLED')]);
    expect(placed(driver.last.actions)).toEqual([expect.objectContaining({ ref: 'taker-2', amount: expect.closeTo(0.06, 12) })]);
    driver.step(view(4, 99, 100.1), fillsOf('taker-2', 100, 0.06, 0.006));
    const report = driver.report(view(5, 99, 100.1));
    expect(report).toMatchObject({ status: 'TERMINATED', closeType: 'COMPLETED' });
    // Sold 10 on the perpetual, bought 9.97 on spot, 0.01 of fees.
    expect(report.netPnlQuote).toBeCloseTo(0.02, 12);
    expect(report.netPnlPct).toBeCloseTo(0.02 / 9.97, 12);
  });

  it('counts a maker SELL’s profit with the right sign (hummingbot#8408)', () => {
    const driver = new Driver(xemmExecutor, { ...CONFIG, maker_side: 'SELL' }, view(0, 100, 101));
    expect(placed(driver.last.actions)).toEqual([expect.objectContaining({ ref: 'maker-0', market: { connector: 'binance_perpetual', tradingPair: 'BTC-USDT' }, side: 'SELL', price: 100.1 / (1 - 0.003) })]);
    driver.step(view(1, 100, 101), fillsOf('maker-0', 100.4, 0.1));
    driver.step(view(2, 100, 101), fillsOf('taker-1', 100.1, 0.1, 0.01));
    expect(driver.report(view(3, 100, 101)).netPnlQuote).toBeCloseTo(0.03 - 0.01, 12);
  });

  it('stops EARLY_STOP: the maker cancelled, what it filled hedged', () => {
    const driver = new Driver(xemmExecutor, CONFIG, view(0, 99, 100.1));
    driver.step(view(1, 99, 100.1), [fill('maker-0', 99.7, 0.03), stop()]);
    expect(driver.last.actions.map((action) => action.type === 'place_order' || action.type === 'cancel_order' ? `${action.type} ${action.ref}` : action.type)).toEqual(['cancel_order maker-0', 'place_order taker-1']);
    driver.step(view(2, 99, 100.1), [done('maker-0', 'CANCELLED'), ...fillsOf('taker-1', 100, 0.03)]);
    expect(driver.state).toMatchObject({ status: 'TERMINATED', closeType: 'EARLY_STOP' });
  });
});
