import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { orders } from '../../lib/db/schema';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev, exchangeControl } from '../support/exchange';
import { api } from '../support/http';
import { accountWithKeys, finalOrder, lastPrice, orderOf, placeOrder, tradesOf, type OrderRow, type Page } from './support';

const [maker, taker] = DEV_ACCOUNTS;

interface ExchangeTrade {
  id: number;
  orderId: number;
  price: string;
  qty: string;
  commission: string;
  commissionAsset: string;
}


describe('POST /trading/orders on a spot exchange', () => {
  it('rests a limit order, lists it active, and records both sides of the cross with the exchange fills and fees', async () => {
    const makerAccount = await accountWithKeys(maker);
    const takerAccount = await accountWithKeys(taker);
    // Only users' orders on the books: the taker meets the maker's order, not the market maker's.
    await exchangeControl('market-maker/pause');
    try {
      const price = Math.round((await lastPrice('SOLUSDT')) * 0.9);
      const placed = await placeOrder({ account_name: makerAccount, connector_name: 'binance', trading_pair: 'SOL-USDT', trade_type: 'BUY', amount: '2.5', order_type: 'LIMIT', price });
      expect(placed.status).toBe(201);
      const order = await placed.json<{ order_id: string; status: string; amount: number; price: number }>();
      expect(order).toMatchObject({ account_name: makerAccount, connector_name: 'binance', trading_pair: 'SOL-USDT', trade_type: 'BUY', amount: 2.5, order_type: 'LIMIT', price, status: 'submitted' });
      expect(order.order_id).toMatch(/^x-CLBB[0-9A-Z]{26}$/);

      const active = await (await api('/trading/orders/active', { body: { account_names: [makerAccount] } })).json<Page<OrderRow>>();
      expect(active.data).toHaveLength(1);
      expect(active.data[0]).toMatchObject({ order_id: order.order_id, status: 'OPEN', filled_amount: 0 });
      // The exchange knows it by the client order id.
      const onExchange = await exchangeAsDev<{ clientOrderId: string; status: string }>(maker, 'GET', 'api.binance.com/api/v3/order', { symbol: 'SOLUSDT', origClientOrderId: order.order_id });
      expect(onExchange).toMatchObject({ clientOrderId: order.order_id, status: 'NEW' });

      const crossing = await placeOrder({ account_name: takerAccount, connector_name: 'binance', trading_pair: 'SOL-USDT', trade_type: 'SELL', amount: 2.5, order_type: 'LIMIT', price });
      expect(crossing.status).toBe(201);
      const takerOrder = await crossing.json<{ order_id: string }>();
      // The maker's fill arrives on its session's user data stream.
      expect(await finalOrder(makerAccount, order.order_id)).toMatchObject({ status: 'FILLED' });

      for (const [account, dev, orderId] of [
        [makerAccount, maker, order.order_id],
        [takerAccount, taker, takerOrder.order_id],
      ] as const) {
        const row = await orderOf(account, orderId);
        expect(row).toMatchObject({ status: 'FILLED', filled_amount: 2.5, average_fill_price: price });
        const exchangeTrades = await exchangeAsDev<ExchangeTrade[]>(dev, 'GET', 'api.binance.com/api/v3/myTrades', { symbol: 'SOLUSDT', orderId: row!.exchange_order_id! });
        expect(exchangeTrades).toHaveLength(1);
        const recorded = (await tradesOf(account)).filter((trade) => trade.order_id === orderId);
        expect(recorded).toEqual(
          exchangeTrades.map((trade) =>
            expect.objectContaining({ trade_id: String(trade.id), amount: Number(trade.qty), price: Number(trade.price), fee_paid: Number(trade.commission), fee_currency: trade.commissionAsset }),
          ),
        );
        expect(row!.fee_paid).toBe(Number(exchangeTrades[0].commission));
      }
      expect((await (await api('/trading/orders/active', { body: { account_names: [makerAccount, takerAccount] } })).json<Page<OrderRow>>()).data).toEqual([]);
    } finally {
      await exchangeControl('market-maker/resume');
    }
  });

  it('cancels an active order on the exchange and records it CANCELLED', async () => {
    const account = await accountWithKeys(maker);
    const price = Math.round((await lastPrice('BTCUSDT')) * 0.5);
    const { order_id: orderId } = await (await placeOrder({ account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, price })).json<{ order_id: string }>();
    const cancelled = await api(`/trading/${account}/binance/orders/${orderId}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({ message: `Order cancellation initiated for ${orderId}` });
    expect(await orderOf(account, orderId)).toMatchObject({ status: 'CANCELLED' });
    const onExchange = await exchangeAsDev<{ status: string }>(maker, 'GET', 'api.binance.com/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: orderId });
    expect(onExchange.status).toBe('CANCELED');
    const again = await api(`/trading/${account}/binance/orders/${orderId}/cancel`, { method: 'POST' });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'ORDER_NOT_ACTIVE' });
  });

  it("rejects a LIMIT_MAKER that would cross with the exchange's reason, and records it FAILED", async () => {
    const account = await accountWithKeys(maker);
    const price = Math.round((await lastPrice('ETHUSDT')) * 1.05);
    const rejected = await placeOrder({ account_name: account, connector_name: 'binance', trading_pair: 'ETH-USDT', trade_type: 'BUY', amount: 0.01, order_type: 'LIMIT_MAKER', price });
    expect(rejected.status).toBe(400);
    const body = await rejected.json<{ detail: string; code: string }>();
    expect(body.code).toBe('EXCHANGE_REQUEST_REJECTED');
    expect(body.detail).toContain('Order would immediately match and take.');
    const [row] = await getDb(env).select().from(orders).where(eq(orders.accountName, account));
    expect(row).toMatchObject({ status: 'FAILED', orderType: 'LIMIT_MAKER' });
    expect(row.errorMessage).toContain('Order would immediately match and take.');
  });

  it('checks an order before sending anything: account, credentials, pair, type, price, lot step and minimums (market orders at the last price)', async () => {
    const account = await accountWithKeys(maker);
    const order = { account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: 40000 };
    const expectError = async (body: Record<string, unknown>, status: number, code: string) => {
      const response = await placeOrder(body);
      expect(response.status).toBe(status);
      const error = await response.json<{ code: string; detail: string }>();
      expect(error.code).toBe(code);
      return error;
    };
    await expectError({ ...order, account_name: 'no_such_account' }, 404, 'ACCOUNT_NOT_FOUND');
    await expectError({ ...order, connector_name: 'binance_perpetual' }, 400, 'NO_CREDENTIALS');
    await expectError({ ...order, connector_name: 'nasdaq' }, 404, 'CONNECTOR_NOT_FOUND');
    const unknownPair = await expectError({ ...order, trading_pair: 'BTC-USDC' }, 400, 'UNKNOWN_TRADING_PAIR');
    expect(unknownPair.detail).toContain('BTC-USDT');
    await expectError({ ...order, order_type: 'STOP' }, 400, 'VALIDATION_ERROR');
    const noPrice = await expectError({ ...order, price: undefined }, 400, 'VALIDATION_ERROR');
    expect(noPrice).toMatchObject({ validation: [{ field: 'price' }] });
    await expectError({ ...order, order_type: 'LIMIT_MAKER', price: null }, 400, 'VALIDATION_ERROR');
    const belowSize = await expectError({ ...order, amount: 0.000001 }, 400, 'ORDER_BELOW_MIN_SIZE');
    expect(belowSize).toMatchObject({ minimum: 0.00001 });
    const belowNotional = await expectError({ ...order, amount: 0.0001, price: 1000 }, 400, 'ORDER_BELOW_MIN_NOTIONAL');
    expect(belowNotional).toMatchObject({ minimum: 5 });
    // A market order is priced at the last price: 0.01 SOL is far below 5 USDT.
    const marketBelowNotional = await expectError({ ...order, trading_pair: 'SOL-USDT', amount: 0.01, order_type: 'MARKET', price: undefined }, 400, 'ORDER_BELOW_MIN_NOTIONAL');
    expect(marketBelowNotional).toMatchObject({ minimum: 5 });
    for (const amount of [true, null, '0x10', '-1', 0, 'NaN', 'Infinity', '']) await expectError({ ...order, amount }, 400, 'VALIDATION_ERROR');
    const badKey = await placeOrder(order, { 'idempotency-key': 'has space' });
    expect(badKey.status).toBe(400);
    expect(await getDb(env).select().from(orders).where(eq(orders.accountName, account))).toHaveLength(0);

    // The amount is rounded down to the lot step (0.00001 BTC).
    const placed = await placeOrder({ ...order, amount: '0.0012345' });
    expect(await placed.json()).toMatchObject({ amount: 0.00123, price: 40000 });
  });
});
