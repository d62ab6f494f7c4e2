import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { exchangeAsDev } from '../support/exchange';
import { accountWithKeys, lastPrice } from '../trading/support';
import { createWebhook, settled, signedAlert, type Answer } from './support';

const dev = DEV_ACCOUNTS[1];
let account: string;
let restingPrice: string;

interface ExchangeOrder {
  clientOrderId: string;
  side: string;
  type: string;
  origQty: string;
  status: string;
}

const exchangeOrder = (clientOrderId: string) => exchangeAsDev<ExchangeOrder>(dev, 'GET', 'api.binance.com/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: clientOrderId });

beforeAll(async () => {
  account = await accountWithKeys(dev);
  // Buy limits at half the price rest on the book: they place an order without depending on liquidity.
  restingPrice = String(Math.round((await lastPrice('BTCUSDT')) * 0.5));
});

describe('a signed alert', () => {
  it('answers 202 at once and places the order on the exchange through the queue', async () => {
    const hook = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', order_type: 'LIMIT', price: restingPrice },
      auth: 'hmac',
      alertFields: ['side', 'amount'],
    });
    const response = await signedAlert(hook, { side: 'buy', amount: '0.001' });
    expect(response.status).toBe(202);
    const answer = await response.json<Answer>();
    expect(answer).toMatchObject({ status: 'accepted', delivery: { status: 'accepted', trade: { request: { trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: '0.001', order_type: 'LIMIT', price: restingPrice } } } });

    const [delivery] = await settled(hook.id);
    expect(delivery).toMatchObject({ id: answer.delivery.id, status: 'executed', attempts: 1, trade: { result: { status: 'submitted' } } });
    const orderId = delivery.trade!.result!.order_id as string;
    expect(await exchangeOrder(orderId)).toMatchObject({ clientOrderId: orderId, side: 'BUY', type: 'LIMIT', origQty: '0.00100000', status: 'NEW' });
    await exchangeAsDev(dev, 'DELETE', 'api.binance.com/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: orderId });
  });
});
