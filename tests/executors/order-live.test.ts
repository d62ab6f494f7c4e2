import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { executors } from '../../lib/db/schema';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { api } from '../support/http';
import { accountWithKeys } from '../trading/support';
import { createExecutor, executor, executorOrdersOf, feeInQuote, movePrice, startExecutor, step, stepUntil, terminated } from './support';

let account = '';
let small = '';

beforeAll(async () => {
  account = await accountWithKeys(DEV_ACCOUNTS[2]);
  small = await accountWithKeys(DEV_ACCOUNTS[3]);
});
afterAll(async () => {
  await movePrice('SOLUSDT');
});

const order = (extra: Record<string, unknown>) => ({ type: 'order_executor', connector_name: 'binance', trading_pair: 'SOL-USDT', side: 1, amount: 0.5, ...extra });

describe('order executor, live on the local exchange', () => {
  it('MARKET: one order, filled; the executor holds it with the fill and fee the exchange reported', async () => {
    const id = await startExecutor(order({ execution_strategy: 'MARKET' }), account);
    const done = await stepUntil(id, terminated);
    expect(done).toMatchObject({ status: 'TERMINATED', close_type: 'POSITION_HOLD', side: 'BUY', net_pnl_quote: 0 });
    const [sent, ...others] = await executorOrdersOf(account, id);
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ status: 'FILLED', filled_amount: 0.5, order_id: expect.stringMatching(/^x-CLE[0-9A-Z]{16}1$/) });
    expect(sent.order_id.length).toBeLessThanOrEqual(36);
    expect(done.custom_info.executed_amount_base).toBe(sent.filled_amount);
    expect(done.filled_amount_quote).toBeCloseTo(sent.filled_amount * sent.average_fill_price!, 8);
    expect(done.cum_fees_quote).toBeCloseTo(feeInQuote(sent), 8);
    expect(done.cum_fees_quote).toBeGreaterThan(0);
  });

  it('LIMIT: rests below the market until the price comes down to it, then holds the fill', async () => {
    const price = Math.round((await movePrice('SOLUSDT')) * 0.97 * 100) / 100;
    const id = await startExecutor(order({ execution_strategy: 'LIMIT', price }), account);
    await step(id);
    expect((await executorOrdersOf(account, id))[0]).toMatchObject({ status: 'OPEN', price });
    expect(await executor(id)).toMatchObject({ status: 'RUNNING' });
    await movePrice('SOLUSDT', price * 0.99);
    const done = await stepUntil(id, terminated);
    const [sent] = await executorOrdersOf(account, id);
    expect(done).toMatchObject({ close_type: 'POSITION_HOLD' });
    expect(sent).toMatchObject({ status: 'FILLED', filled_amount: 0.5 });
    expect(done.cum_fees_quote).toBeCloseTo(feeInQuote(sent), 8);

    const held = await (await api(`/executors/positions/binance/SOL-USDT?account_name=${account}`)).json<{ buy_amount_base: number; executor_ids: string[]; position_side: string }>();
    expect(held).toMatchObject({ position_side: 'LONG', executor_ids: expect.arrayContaining([id]) });
    await movePrice('SOLUSDT');
  });

  it('LIMIT_MAKER: a SELL never across the book, filled once the price rises to it', async () => {
    const price = Math.round((await movePrice('SOLUSDT')) * 1.03 * 100) / 100;
    const id = await startExecutor(order({ side: 2, execution_strategy: 'LIMIT_MAKER', price }), account);
    await step(id);
    expect((await executorOrdersOf(account, id))[0]).toMatchObject({ status: 'OPEN', price });
    await movePrice('SOLUSDT', price * 1.01);
    const done = await stepUntil(id, terminated);
    const [sent] = await executorOrdersOf(account, id);
    expect(done).toMatchObject({ close_type: 'POSITION_HOLD', side: 'SELL' });
    expect(sent).toMatchObject({ status: 'FILLED', filled_amount: 0.5 });
    expect(done.cum_fees_quote).toBeCloseTo(feeInQuote(sent), 8);
    await movePrice('SOLUSDT');
  });

  it('stop: cancels the resting order and ends EARLY_STOP; a second stop is 400, an unknown id 404', async () => {
    const price = Math.round((await movePrice('SOLUSDT')) * 0.9 * 100) / 100;
    const id = await startExecutor(order({ execution_strategy: 'LIMIT', price }), account);
    await step(id);
    expect((await api(`/executors/${id}/stop`, { body: { keep_position: false } })).status).toBe(200);
    const done = await stepUntil(id, terminated);
    expect(done).toMatchObject({ close_type: 'EARLY_STOP' });
    expect((await executorOrdersOf(account, id))[0]).toMatchObject({ status: 'CANCELLED' });
    expect((await api(`/executors/${id}/stop`, { body: { keep_position: false } })).status).toBe(400);
    expect((await api('/executors/nobody-here/stop', { body: {} })).status).toBe(404);
    expect((await api('/executors/nobody-here')).status).toBe(404);
    const logs = await (await api(`/executors/${id}/logs`)).json<{ executor_id: string; logs: unknown[]; total_count: number }>();
    expect(logs).toMatchObject({ executor_id: id, logs: expect.any(Array) });
  });

  it('too little balance: TERMINATED INSUFFICIENT_BALANCE, no order sent', async () => {
    const response = await createExecutor(order({ trading_pair: 'BTC-USDT', amount: 0.1, execution_strategy: 'MARKET' }), small);
    expect(response.status).toBe(201);
    const { executor_id, status } = await response.json<{ executor_id: string; status: string }>();
    expect(status).toBe('TERMINATED');
    expect(await executor(executor_id)).toMatchObject({ close_type: 'INSUFFICIENT_BALANCE' });
    expect(await executorOrdersOf(small, executor_id)).toEqual([]);
  });

  it.each([
    ['a missing type', { ...order({ execution_strategy: 'MARKET' }), type: undefined }, 400, 'executor_config.type'],
    ['an unknown type', order({ type: 'moon_executor', execution_strategy: 'MARKET' }), 400, 'executor_config.type'],
    ['an LP executor, which the live runtime cannot run yet', order({ type: 'lp_executor', execution_strategy: 'MARKET' }), 400, 'lp_executor cannot run live yet'],
    ['an amount ≤ 0', order({ amount: 0, execution_strategy: 'MARKET' }), 400, 'executor_config.amount'],
    ['a price ≤ 0', order({ execution_strategy: 'LIMIT', price: -1 }), 400, 'executor_config.price'],
    ['an unknown connector', order({ connector_name: 'nowhere', execution_strategy: 'MARKET' }), 400, 'executor_config.connector_name'],
    ['an unknown pair', order({ trading_pair: 'NOPE-USDT', execution_strategy: 'MARKET' }), 400, 'executor_config.trading_pair'],
    ['an amount below the minimum notional', order({ amount: 0.001, execution_strategy: 'MARKET' }), 400, 'executor_config.amount'],
  ])('refuses %s, naming the field, creating nothing', async (_, config, status, field) => {
    const before = await getDb(env).select({ id: executors.id }).from(executors).where(eq(executors.accountName, account));
    const response = await createExecutor(config, account);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(field);
    expect(await getDb(env).select({ id: executors.id }).from(executors).where(eq(executors.accountName, account))).toHaveLength(before.length);
  });

  it('refuses an unknown account (404) and a connector without credentials (400)', async () => {
    expect((await createExecutor(order({ execution_strategy: 'MARKET' }), 'no_such_account')).status).toBe(404);
    const perpetual = await createExecutor(order({ connector_name: 'binance_perpetual', execution_strategy: 'MARKET' }), account);
    expect(perpetual.status).toBe(400);
    expect(await perpetual.text()).toContain('binance_perpetual');
  });
});
