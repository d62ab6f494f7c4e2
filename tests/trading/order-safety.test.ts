import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { orders } from '../../lib/db/schema';
import { newClientOrderId } from '../../lib/exchanges/orders/client-order-id';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev } from '../support/exchange';
import { accountWithKeys, followOrders, lastPrice, orderOf, placeOrder } from './support';

const dev = DEV_ACCOUNTS[0];

describe('orders are never lost and never doubled', () => {
  it('answers a retry with the same Idempotency-Key with the first order, and a different request under it with 409', async () => {
    const account = await accountWithKeys(dev);
    const order = { account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: Math.round((await lastPrice('BTCUSDT')) * 0.5) };
    const key = crypto.randomUUID();
    const first = await placeOrder(order, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const { order_id: orderId } = await first.json<{ order_id: string }>();
    const retry = await placeOrder(order, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toMatchObject({ order_id: orderId, status: 'submitted' });
    const other = await placeOrder({ ...order, amount: 0.002 }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await getDb(env).select().from(orders).where(eq(orders.accountName, account))).toHaveLength(1);
  });

  it('recovers an order the exchange accepted before its answer was recorded, and fails one the exchange never received', async () => {
    const account = await accountWithKeys(dev);
    const price = Math.round((await lastPrice('BTCUSDT')) * 0.5);
    // A resting order: the session follows the account from now on.
    await placeOrder({ account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, price });

    // What a placement interrupted between "sent" and "recorded" leaves behind: SUBMITTED rows without an
    // exchange order id. The exchange accepted the first (sent here directly, as the session did)...
    const accepted = newClientOrderId('BUY');
    const neverSent = newClientOrderId('BUY');
    const onExchange = await exchangeAsDev<{ orderId: number }>(dev, 'POST', 'api.binance.com/api/v3/order', {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.001',
      price: String(price),
      newClientOrderId: accepted,
    });
    // ...and never received the second.
    const interrupted = (clientOrderId: string) => ({ clientOrderId, accountName: account, connectorName: 'binance', tradingPair: 'BTC-USDT', tradeType: 'BUY' as const, orderType: 'LIMIT' as const, amount: '0.001', price: String(price) });
    await getDb(env).insert(orders).values([interrupted(accepted), interrupted(neverSent)]);

    expect(await followOrders(account)).toBe(true);
    expect(await orderOf(account, accepted)).toMatchObject({ status: 'OPEN', exchange_order_id: String(onExchange.orderId) });
    expect(await orderOf(account, neverSent)).toMatchObject({ status: 'FAILED', exchange_order_id: null, error_message: expect.stringContaining('never received') });
  });
});
