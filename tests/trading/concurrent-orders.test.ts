import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { orders } from '../../lib/db/schema';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev } from '../support/exchange';
import { api } from '../support/http';
import { accountWithKeys, lastPrice, placeOrder, type OrderRow, type Page } from './support';

// Dev account 2's spot orders are this file's alone, so the exchange's open orders are exactly ours.
const dev = DEV_ACCOUNTS[2];
const ORDERS = 50;

describe('50 orders placed concurrently on one account', () => {
  it('are 50 on the exchange and 50 rows, and stay 50 when all are retried with their idempotency keys', async () => {
    const account = await accountWithKeys(dev);
    const base = Math.round((await lastPrice('BTCUSDT')) * 0.5);
    const requests = Array.from({ length: ORDERS }, (_, i) => ({
      body: { account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: base - i },
      key: crypto.randomUUID(),
    }));
    const placeAll = () =>
      Promise.all(
        requests.map(async ({ body, key }) => {
          const response = await placeOrder(body, { 'idempotency-key': key });
          expect(response.status).toBe(201);
          return (await response.json<{ order_id: string }>()).order_id;
        }),
      );
    const ids = await placeAll();
    expect(new Set(ids).size).toBe(ORDERS);

    const exchangeOpen = async () => (await exchangeAsDev<{ clientOrderId: string }[]>(dev, 'GET', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' })).map((order) => order.clientOrderId).sort();
    const rows = async () => getDb(env).select().from(orders).where(eq(orders.accountName, account));
    expect(await exchangeOpen()).toEqual([...ids].sort());
    expect(await rows()).toHaveLength(ORDERS);

    expect(await placeAll()).toEqual(ids);
    expect(await exchangeOpen()).toEqual([...ids].sort());
    expect(await rows()).toHaveLength(ORDERS);

    // The active list pages by keyset: 20 + 20 + 10, every order once.
    const seen: string[] = [];
    let cursor: string | null = null;
    const pages: Page<OrderRow>['pagination'][] = [];
    do {
      const page: Page<OrderRow> = await (await api('/trading/orders/active', { body: { account_names: [account], limit: 20, cursor } })).json<Page<OrderRow>>();
      seen.push(...page.data.map((order) => order.order_id));
      pages.push(page.pagination);
      cursor = page.pagination.next_cursor;
    } while (cursor);
    expect(pages.map((page) => [page.has_more, page.total_count])).toEqual([
      [true, ORDERS],
      [true, ORDERS],
      [false, ORDERS],
    ]);
    expect(seen.sort()).toEqual([...ids].sort());

    await exchangeAsDev(dev, 'DELETE', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' });
  });
});
