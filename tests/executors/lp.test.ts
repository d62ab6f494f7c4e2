import { describe, expect, it } from 'vitest';
import type { ExecutorEvent } from '../../lib/executors/core';
import { lpExecutor } from '../../lib/executors/lp/core';
import { configIssues, Driver, stop, viewAt } from './harness';

const POOL = 'uniswap/clmm:WETH-USDC';
const T0 = 1_700_000_000_000;
const at = (seconds: number, mid: number) => viewAt(T0 + seconds * 1000, { [POOL]: mid });

const CONFIG = {
  type: 'lp_executor',
  connector_name: 'ethereum-localnet',
  lp_provider: 'uniswap/clmm',
  pool_address: '0x0000000000000000000000000000000000000001',
  trading_pair: 'WETH-USDC',
  lower_price: 1900,
  upper_price: 2100,
  quote_amount: 1000,
  side: 1,
  upper_limit_price: 2200,
  lower_limit_price: 1800,
};

const opened: ExecutorEvent = { type: 'lp_opened', ref: 'lp_open-0', positionAddress: '42', baseAmount: 0, quoteAmount: 1000, txFeeQuote: 1 };

describe('LP executor config', () => {
  it.each([
    [{ lower_price: 2100 }, 'lower_price: must be below upper_price (2100)'],
    [{ quote_amount: 0 }, 'quote_amount: base_amount or quote_amount must be greater than 0'],
    [{ upper_limit_price: 2000 }, 'upper_limit_price: must be at or above upper_price (2100)'],
    [{ lp_provider: 'uniswap/amm' }, "lp_provider: must be 'dex/clmm'"],
    [{ side: 4 }, 'side: must be one of BUY (1), SELL (2), RANGE (3)'],
  ])('refuses %j naming the field', (change, issue) => {
    expect(configIssues(lpExecutor, { ...CONFIG, ...change }).join('\n')).toContain(issue);
  });
});

describe('LP executor', () => {
  it('opens the position at start and follows whether the price is in range', () => {
    const driver = new Driver(lpExecutor, CONFIG, at(0, 2000));
    expect(driver.last.actions).toEqual([
      { type: 'lp_open', ref: 'lp_open-0', connector: 'uniswap/clmm', network: 'ethereum-localnet', poolAddress: CONFIG.pool_address, lowerPrice: 1900, upperPrice: 2100, baseAmount: 0, quoteAmount: 1000 },
    ]);
    expect(driver.step(at(1, 2000), [opened]).state.phase).toBe('IN_RANGE');
    expect(driver.step(at(2, 2150)).state.phase).toBe('OUT_OF_RANGE');
  });

  it('closes at a limit price, swaps the base back to quote and reports PnL by hand', () => {
    const driver = new Driver(lpExecutor, CONFIG, at(0, 2000));
    driver.step(at(1, 2000), [opened]);
    expect(driver.step(at(2, 1790)).actions[0]).toEqual({ type: 'lp_close', ref: 'lp_close-1', connector: 'uniswap/clmm', network: 'ethereum-localnet', openRef: 'lp_open-0', positionAddress: '42' });
    const swap = driver.step(at(3, 1790), [{ type: 'lp_closed', ref: 'lp_close-1', baseAmount: 0.5, quoteAmount: 50, baseFees: 0, quoteFees: 2, txFeeQuote: 1 }]);
    expect(swap.actions).toEqual([{ type: 'swap', ref: 'swap-2', connector: 'uniswap/router', network: 'ethereum-localnet', tradingPair: 'WETH-USDC', side: 'SELL', amount: 0.5 }]);
    driver.step(at(4, 1790), [{ type: 'swap_done', ref: 'swap-2', baseAmount: -0.5, quoteAmount: 894, txFeeQuote: 1 }]);
    const report = driver.report(at(5, 1790));
    expect(report).toMatchObject({ status: 'TERMINATED', closeType: 'EARLY_STOP', cumFeesQuote: 3 });
    // 50 + 2 fees + 894 from the swap − 1000 in − 3 of gas.
    expect(report.netPnlQuote).toBeCloseTo(-57, 9);
  });

  it('keeps the tokens with keep_position (POSITION_HOLD, no swap), and retries a failed open', () => {
    const kept = new Driver(lpExecutor, { ...CONFIG, keep_position: true }, at(0, 2000));
    kept.step(at(1, 2000), [opened]);
    kept.step(at(2, 2250));
    expect(kept.step(at(3, 2250), [{ type: 'lp_closed', ref: 'lp_close-1', baseAmount: 0, quoteAmount: 1003, baseFees: 0, quoteFees: 0, txFeeQuote: 1 }]).actions).toEqual([]);
    expect(kept.state).toMatchObject({ status: 'TERMINATED', closeType: 'POSITION_HOLD' });

    const retried = new Driver(lpExecutor, CONFIG, at(0, 2000));
    expect(retried.step(at(1, 2000), [{ type: 'dex_failed', ref: 'lp_open-0', reason: 'reverted' }]).actions).toEqual([expect.anything(), expect.objectContaining({ type: 'lp_open', ref: 'lp_open-1' })]);
  });

  it('ends EARLY_STOP on a stop before the position is open', () => {
    const driver = new Driver(lpExecutor, CONFIG, at(0, 2000));
    expect(driver.step(at(1, 2000), [stop(true)]).state).toMatchObject({ status: 'TERMINATED', closeType: 'EARLY_STOP' });
  });
});
