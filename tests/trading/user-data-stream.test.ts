import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS, type DevAccount } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev, exchangeControl, exchangeRequestsOf } from '../support/exchange';
import { accountWithKeys, finalOrder, lastPrice, placeOrder, tradesOf } from './support';

const [maker, taker] = DEV_ACCOUNTS;
const AMOUNT = '0.1';


/** A resting BNB-USDT buy placed through Colibri for a new account of `dev`: its price and client order id. */
async function restingBuy(dev: DevAccount): Promise<{ account: string; orderId: string; price: number }> {
  const account = await accountWithKeys(dev);
  const price = Math.round((await lastPrice('BNBUSDT')) * 0.9);
  const placed = await placeOrder({ account_name: account, connector_name: 'binance', trading_pair: 'BNB-USDT', trade_type: 'BUY', amount: AMOUNT, order_type: 'LIMIT', price });
  expect(placed.status).toBe(201);
  return { account, orderId: (await placed.json<{ order_id: string }>()).order_id, price };
}

/** Another dev account sells into the resting order straight at the exchange (one request, not through Colibri). */
const crossAsOtherAccount = (dev: DevAccount, price: number) =>
  exchangeAsDev(dev, 'POST', 'api.binance.com/api/v3/order', { symbol: 'BNBUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: AMOUNT, price: String(price) });

/** Of `requests`, those that ask about orders or trades (polling), not the stream's own listenKey calls. */
const polled = (requests: string[]) => requests.filter((request) => !/userDataStream|listenKey/.test(request));

describe("following orders on the exchange's user data stream", () => {
  // Only users' orders on the books: the crossing order meets the resting one, not the market maker's.
  beforeEach(async () => {
    await exchangeControl('market-maker/pause');
  });
  afterEach(async () => {
    await exchangeControl('user-data/restore');
    await exchangeControl('market-maker/resume');
  });

  it('records a resting order FILLED with its trade and fee from the stream, without polling the exchange', async () => {
    const { account, orderId, price } = await restingBuy(maker);

    const before = (await exchangeRequestsOf(maker)).length;
    await crossAsOtherAccount(taker, price);
    const row = await finalOrder(account, orderId);
    // Nothing asked the exchange about the maker's orders while the fill reached Postgres. (Counted per
    // API key: market feeds and other accounts' sessions make requests of their own at any moment.)
    expect(polled((await exchangeRequestsOf(maker)).slice(before))).toEqual([]);
    expect(row).toMatchObject({ status: 'FILLED' });
    expect([Number(row!.filledAmount), Number(row!.averageFillPrice)]).toEqual([Number(AMOUNT), price]);

    const [fill] = await exchangeAsDev<{ id: number; qty: string; price: string; commission: string; commissionAsset: string }[]>(maker, 'GET', 'api.binance.com/api/v3/myTrades', {
      symbol: 'BNBUSDT',
      orderId: row!.exchangeOrderId!,
    });
    const trades = await tradesOf(account);
    expect(trades).toEqual([
      expect.objectContaining({ order_id: orderId, trade_id: String(fill.id), amount: Number(fill.qty), price: Number(fill.price), fee_paid: Number(fill.commission), fee_currency: fill.commissionAsset }),
    ]);
  });

  it('records a perpetual order FILLED from the USD-M stream (ORDER_TRADE_UPDATE), without polling the exchange', async () => {
    const account = await accountWithKeys(maker, 'binance_perpetual');
    const price = Math.round((await lastPrice('ETHUSDT', true)) * 0.9);
    const placed = await placeOrder({ account_name: account, connector_name: 'binance_perpetual', trading_pair: 'ETH-USDT', trade_type: 'BUY', amount: '0.01', order_type: 'LIMIT', price });
    expect(placed.status).toBe(201);
    const { order_id: orderId } = await placed.json<{ order_id: string }>();

    const before = (await exchangeRequestsOf(maker)).length;
    await exchangeAsDev(taker, 'POST', 'fapi.binance.com/fapi/v1/order', { symbol: 'ETHUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: String(price) });
    const row = await finalOrder(account, orderId);
    expect(polled((await exchangeRequestsOf(maker)).slice(before))).toEqual([]);
    expect(row).toMatchObject({ status: 'FILLED' });
    expect([Number(row!.filledAmount), Number(row!.averageFillPrice)]).toEqual([0.01, price]);

    const [fill] = await exchangeAsDev<{ id: number; commission: string; commissionAsset: string }[]>(maker, 'GET', 'fapi.binance.com/fapi/v1/userTrades', { symbol: 'ETHUSDT', orderId: row!.exchangeOrderId! });
    const trades = await tradesOf(account);
    expect(trades).toEqual([expect.objectContaining({ order_id: orderId, trade_id: String(fill.id), fee_paid: Number(fill.commission), fee_currency: fill.commissionAsset })]);
    // Both positions closed again (against the market maker), so the dev accounts' USD-M books stay flat for other files.
    await exchangeControl('market-maker/resume');
    await exchangeAsDev(maker, 'POST', 'fapi.binance.com/fapi/v1/order', { symbol: 'ETHUSDT', side: 'SELL', type: 'MARKET', quantity: '0.01', reduceOnly: 'true' });
    await exchangeAsDev(taker, 'POST', 'fapi.binance.com/fapi/v1/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', reduceOnly: 'true' });
  });

  it('falls back to polling when the stream drops, and when it cannot be opened at all', async () => {
    // Streaming, then the stream goes down: the session reconciles over REST and polls.
    const dropped = await restingBuy(maker);
    expect((await exchangeControl('user-data/outage')).status).toBe(200);
    await crossAsOtherAccount(taker, dropped.price);
    expect(await finalOrder(dropped.account, dropped.orderId, { runAlarm: true })).toMatchObject({ status: 'FILLED' });

    // A new session while the stream is down: polling from the start.
    const unstreamed = await restingBuy(taker);
    const before = (await exchangeRequestsOf(taker)).length;
    await crossAsOtherAccount(maker, unstreamed.price);
    expect(await finalOrder(unstreamed.account, unstreamed.orderId, { runAlarm: true })).toMatchObject({ status: 'FILLED' });
    // The fill was found by asking the exchange.
    expect(polled((await exchangeRequestsOf(taker)).slice(before))).not.toEqual([]);
  });
});
