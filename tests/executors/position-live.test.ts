import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { accountWithKeys } from '../trading/support';
import { executor, executorOrdersOf, feeInQuote, movePrice, startExecutor, stepUntil, terminated } from './support';

let account = '';

beforeAll(async () => {
  account = await accountWithKeys(DEV_ACCOUNTS[2]);
});
afterAll(async () => {
  await movePrice('BNBUSDT');
});

const position = (barriers: Record<string, unknown>) => ({
  type: 'position_executor',
  connector_name: 'binance',
  trading_pair: 'BNB-USDT',
  side: 1,
  amount: 1,
  triple_barrier_config: { open_order_type: 1, ...barriers },
});

/** Opens the position (a MARKET entry) and waits for its fill. */
async function opened(barriers: Record<string, unknown>): Promise<{ id: string; mid: number }> {
  const mid = await movePrice('BNBUSDT');
  const id = await startExecutor(position(barriers), account);
  const open = await stepUntil(id, (answer) => Number(answer.custom_info.current_position_average_price ?? 0) > 0 && answer.filled_amount_quote > 0);
  expect(open.status).toBe('RUNNING');
  return { id, mid };
}

/** The executor's figures against the two orders the exchange filled for it. */
async function expectClosedAsTheExchangeFilled(id: string) {
  const done = await executor(id);
  const orders = await executorOrdersOf(account, id);
  expect(orders.map((order) => order.status)).toEqual(['FILLED', 'FILLED']);
  const [open, close] = orders.sort((a, b) => a.order_id.localeCompare(b.order_id));
  expect(done.cum_fees_quote).toBeCloseTo(feeInQuote(open) + feeInQuote(close), 8);
  expect(done.filled_amount_quote).toBeCloseTo(open.filled_amount * open.average_fill_price! + close.filled_amount * close.average_fill_price!, 6);
  return done;
}

describe('position executor, live on the local exchange', () => {
  it('closes at the take-profit when the price rises past it', async () => {
    const { id, mid } = await opened({ take_profit: 0.01, stop_loss: 0.05 });
    await movePrice('BNBUSDT', mid * 1.03);
    expect(await stepUntil(id, terminated)).toMatchObject({ close_type: 'TAKE_PROFIT' });
    const done = await expectClosedAsTheExchangeFilled(id);
    expect(done.net_pnl_quote).toBeGreaterThan(0);
  });

  it('closes at the stop-loss when the price falls past it', async () => {
    const { id, mid } = await opened({ take_profit: 0.05, stop_loss: 0.01 });
    await movePrice('BNBUSDT', mid * 0.97);
    expect(await stepUntil(id, terminated)).toMatchObject({ close_type: 'STOP_LOSS' });
    const done = await expectClosedAsTheExchangeFilled(id);
    expect(done.net_pnl_quote).toBeLessThan(0);
  });

  it('closes at the trailing stop when the price gives back more than the delta after arming', async () => {
    const { id, mid } = await opened({ trailing_stop: { activation_price: 0.01, trailing_delta: 0.005 }, stop_loss: 0.2 });
    await movePrice('BNBUSDT', mid * 1.03);
    await stepUntil(id, (answer) => answer.net_pnl_pct > 0.02 || terminated(answer));
    await movePrice('BNBUSDT', mid * 1.015);
    expect(await stepUntil(id, terminated)).toMatchObject({ close_type: 'TRAILING_STOP' });
    const done = await expectClosedAsTheExchangeFilled(id);
    expect(done.net_pnl_quote).toBeGreaterThan(0);
  });

  it('closes at the time limit', async () => {
    const { id } = await opened({ time_limit: 2 });
    expect(await stepUntil(id, terminated)).toMatchObject({ close_type: 'TIME_LIMIT' });
    await expectClosedAsTheExchangeFilled(id);
  });
});
