import { runInDurableObject } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { api } from '../support/http';
import { accountWithKeys, type OrderRow, type Page } from '../trading/support';
import { executorOrdersOf, movePrice, runtimeOf, startExecutor, step } from './support';

let account = '';

beforeAll(async () => {
  account = await accountWithKeys(DEV_ACCOUNTS[1]);
});
afterAll(async () => {
  await movePrice('ETHUSDT');
});

const resting = (price: number) => ({ type: 'order_executor', connector_name: 'binance', trading_pair: 'ETH-USDT', side: 1, amount: 0.01, execution_strategy: 'LIMIT', price });

describe('executors send each order once', () => {
  it('a runtime that lost its record of sending (it died right after) sends the same client order id again: still one order', async () => {
    const price = Math.round((await movePrice('ETHUSDT')) * 0.8 * 100) / 100;
    const id = await startExecutor(resting(price), account);
    const [first] = await executorOrdersOf(account, id);
    expect(first).toMatchObject({ status: 'OPEN' });
    // The state as a crash between deciding and recording the send leaves it: the order not marked sent.
    await runInDurableObject(runtimeOf(id), async (_, state) => {
      const record = await state.storage.get<{ orders: { sent: boolean; accepted: boolean }[] }>('record');
      record!.orders[0].sent = false;
      record!.orders[0].accepted = false;
      await state.storage.put('record', record);
    });
    await runInDurableObject(runtimeOf(id), (instance) => {
      // Drops the in-memory copy, as a restarted object would not have it.
      (instance as unknown as { record?: unknown }).record = undefined;
    });
    await step(id);
    await step(id);
    const orders = await executorOrdersOf(account, id);
    expect(orders).toHaveLength(1);
    expect(orders[0].order_id).toBe(first.order_id);
    // And the exchange knows one open order under that id.
    const open = await (await api('/trading/orders/active', { body: { account_names: [account], connector_names: ['binance'] } })).json<Page<OrderRow>>();
    expect(open.data.filter((order) => order.order_id === first.order_id)).toHaveLength(1);
    expect((await api(`/executors/${id}/stop`, { body: {} })).status).toBe(200);
  });
});
