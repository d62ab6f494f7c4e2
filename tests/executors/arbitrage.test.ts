import { describe, expect, it } from 'vitest';
import { ARBITRAGE_MAX_RETRIES, arbitrageExecutor } from '../../lib/executors/arbitrage/core';
import { vwap } from '../../lib/executors/book';
import type { MarketView } from '../../lib/executors/core';
import { configIssues, done, Driver, fillsOf, NO_FEES, stop } from './harness';

const SPOT = 'binance:BTC-USDT';
const PERP = 'binance_perpetual:BTC-USDT';
const T0 = 1_700_000_000_000;
const TAKER = { ...NO_FEES, takerFee: 0.001 };

/** Spot at `buy` (its ask), the perpetual at `sell` (its bid). */
function view(seconds: number, buy: number, sell: number, balances?: MarketView['balances']): MarketView {
  return {
    now: T0 + seconds * 1000,
    quotes: { [SPOT]: { bestBid: buy - 0.1, bestAsk: buy, mid: buy - 0.05 }, [PERP]: { bestBid: sell, bestAsk: sell + 0.1, mid: sell + 0.05 } },
    rules: { [SPOT]: TAKER, [PERP]: TAKER },
    ...(balances ? { balances } : {}),
  };
}

const CONFIG = {
  type: 'arbitrage_executor',
  buying_market: { connector_name: 'binance', trading_pair: 'BTC-USDT' },
  selling_market: { connector_name: 'binance_perpetual', trading_pair: 'BTC-USDT' },
  order_amount: 0.1,
  min_profitability: 0.001,
};

describe('arbitrage executor config', () => {
  it('accepts interchangeable bases (WETH for ETH, USDC.E for USDC)', () => {
    const pair = (buy: string, sell: string) => ({ ...CONFIG, buying_market: { connector_name: 'binance', trading_pair: buy }, selling_market: { connector_name: 'uniswap/router', trading_pair: sell } });
    expect(configIssues(arbitrageExecutor, pair('ETH-USDT', 'WETH-USDC'))).toEqual([]);
    expect(configIssues(arbitrageExecutor, pair('USDC-USDT', 'USDC.E-USDT'))).toEqual([]);
  });

  it.each([
    [{ selling_market: { connector_name: 'binance_perpetual', trading_pair: 'ETH-USDT' } }, "selling_market.trading_pair: its base is not interchangeable with BTC-USDT's"],
    [{ selling_market: CONFIG.buying_market }, 'selling_market: must differ from buying_market'],
    [{ order_amount: 0 }, 'order_amount: must be greater than 0'],
    [{ min_profitability: 1.5 }, 'min_profitability: must be less than 1'],
    [{ buying_market: { connector_name: 'binance' } }, 'buying_market.trading_pair: '],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(arbitrageExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('arbitrage executor', () => {
  it('reads the average price of the amount through the book', () => {
    expect(vwap([[100, 0.05], [101, 0.05]], 100, 0.1)).toBeCloseTo(100.5, 12);
    expect(vwap([[100, 0.05]], 100, 0.1)).toBeNull();
    expect(vwap(undefined, 100, 0.1)).toBe(100);
  });

  it('waits while the spread does not beat both takers’ fees and min_profitability', () => {
    const driver = new Driver(arbitrageExecutor, CONFIG, view(0, 100, 100.2));
    expect(driver.last.actions).toEqual([]);
    // (100.29 − 100) / 100 − 0.2 % = 0.09 %: still short of 0.1 %.
    expect(driver.step(view(1, 100, 100.29)).actions).toEqual([]);
    expect(driver.report(view(1, 100, 100.29)).customInfo.last_profitability).toBeCloseTo(0.0009, 9);
  });

  it('sends both legs at once and ends COMPLETED with PnL over the quote spent (not the base, hummingbot#8408)', () => {
    const driver = new Driver(arbitrageExecutor, CONFIG, view(0, 100, 100.35));
    expect(driver.last.actions).toEqual([
      { type: 'place_order', ref: 'buy-0', market: { connector: 'binance', tradingPair: 'BTC-USDT' }, side: 'BUY', orderType: 'MARKET', amount: 0.1, positionAction: 'OPEN' },
      { type: 'place_order', ref: 'sell-1', market: { connector: 'binance_perpetual', tradingPair: 'BTC-USDT' }, side: 'SELL', orderType: 'MARKET', amount: 0.1, positionAction: 'OPEN' },
    ]);
    driver.step(view(1, 100, 100.35), fillsOf('buy-0', 100, 0.1, 0.01));
    expect(driver.state.status).toBe('SHUTTING_DOWN');
    driver.step(view(2, 100, 100.35), fillsOf('sell-1', 100.35, 0.1, 0.010035));
    const report = driver.report(view(3, 100, 100.35));
    expect(report).toMatchObject({ status: 'TERMINATED', closeType: 'COMPLETED' });
    // 10.035 − 10 − 0.020035 = 0.014965 on 10 spent.
    expect(report.netPnlQuote).toBeCloseTo(0.014965, 12);
    expect(report.netPnlPct).toBeCloseTo(0.0014965, 12);
    expect(report.filledAmountQuote).toBeCloseTo(20.035, 12);
  });

  it('re-sends a failed leg, and ends FAILED past its retries', () => {
    const driver = new Driver(arbitrageExecutor, CONFIG, view(0, 100, 100.35));
    expect(driver.step(view(1, 100, 100.35), [done('sell-1', 'FAILED')]).actions).toEqual([expect.objectContaining({ ref: 'sell-2', side: 'SELL', amount: 0.1 })]);
    for (let i = 2; i <= ARBITRAGE_MAX_RETRIES; i++) driver.step(view(i, 100, 100.35), [done(`sell-${i}`, 'FAILED')]);
    driver.step(view(9, 100, 100.35), [done(`sell-${ARBITRAGE_MAX_RETRIES + 1}`, 'FAILED')]);
    expect(driver.state.closeType).toBe('FAILED');
  });

  it('ends INSUFFICIENT_BALANCE without the base on the selling venue, EARLY_STOP on a stop before trading', () => {
    expect(new Driver(arbitrageExecutor, CONFIG, view(0, 100, 100.35, { binance: { USDT: 100 }, binance_perpetual: { BTC: 0.05 } })).state.closeType).toBe('INSUFFICIENT_BALANCE');
    const driver = new Driver(arbitrageExecutor, CONFIG, view(0, 100, 100));
    expect(driver.step(view(1, 100, 101), [stop()]).state).toMatchObject({ status: 'TERMINATED', closeType: 'EARLY_STOP', orders: [] });
  });
});
