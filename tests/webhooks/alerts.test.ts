import { beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader } from '../../lib/webhooks/signature';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { addDevWallet, withSnapshot } from '../support/chain';
import { exchangeAsDev } from '../support/exchange';
import { api } from '../support/http';
import { approveRouter, balanceOf, dev as devWallet, human, token } from '../connectors/chain';
import { accountWithKeys, lastPrice } from '../trading/support';
import { alert, createWebhook, deliveries, settled, signedAlert, type Answer, type Created } from './support';

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

/** The dev account's BTCUSDT orders on the exchange since `since` (ms). */
const ordersSince = async (since: number) => exchangeAsDev<ExchangeOrder[]>(dev, 'GET', 'api.binance.com/api/v3/allOrders', { symbol: 'BTCUSDT', startTime: since, limit: 1000 });

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

describe('a TradingView alert', () => {
  it('with the secret in its body and placeholders filled in (buy, BTCUSDT, contracts) buys on the exchange', async () => {
    const hook = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', order_type: 'LIMIT', price: restingPrice },
      auth: 'body-secret',
      alertFields: ['side', 'amount', 'trading_pair'],
      limits: { tradingPairs: ['BTC-USDT', 'ETH-USDT'], maxAmount: '0.01' },
    });
    // As TradingView sends `{"secret": ..., "side": "{{strategy.order.action}}", "trading_pair": "{{ticker}}", "amount": "{{strategy.order.contracts}}"}`.
    const response = await alert(hook.url, `{"secret": "${hook.secret}", "side": "buy", "trading_pair": "BTCUSDT", "amount": "0.002"}`, { 'content-type': 'text/plain; charset=utf-8' });
    expect(response.status).toBe(202);
    const [delivery] = await settled(hook.id);
    expect(delivery).toMatchObject({ status: 'executed', trade: { request: { trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: '0.002' } } });
    const orderId = delivery.trade!.result!.order_id as string;
    expect(await exchangeOrder(orderId)).toMatchObject({ side: 'BUY', origQty: '0.00200000', status: 'NEW' });
    await exchangeAsDev(dev, 'DELETE', 'api.binance.com/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: orderId });
  });
});

describe('a swap webhook', () => {
  it('swaps on localnet through the connectors worker', async () => {
    await addDevWallet();
    await withSnapshot(async () => {
      await approveRouter('WETH');
      const hook = await createWebhook({
        action: { type: 'swap', chainNetwork: 'ethereum-localnet', connector: 'uniswap/amm', trading_pair: 'WETH-USDC', side: 'SELL', walletAddress: devWallet },
        auth: 'body-secret',
        alertFields: ['amount'],
      });
      const usdc = token('USDC');
      const before = await balanceOf(usdc.address, devWallet);
      expect((await alert(hook.url, JSON.stringify({ secret: hook.secret, amount: 0.05 }))).status).toBe(202);
      const [delivery] = await settled(hook.id, 30_000);
      expect(delivery).toMatchObject({ status: 'executed', trade: { request: { baseToken: 'WETH', quoteToken: 'USDC', amount: '0.05', side: 'SELL' }, result: { status: 1 } } });
      const received = human((await balanceOf(usdc.address, devWallet)) - before, usdc.decimals);
      expect(received).toBeGreaterThan(0);
      expect(received).toBeCloseTo((delivery.trade!.result!.data as { amountOut: number }).amountOut, 6);
    });
  });
});

describe('alerts that trade nothing', () => {
  let hook: Created;
  beforeAll(async () => {
    hook = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', order_type: 'LIMIT', price: restingPrice },
      auth: 'hmac',
      alertFields: ['side', 'amount'],
      limits: { maxAmount: '0.01' },
    });
  });

  it('a forged signature, a replayed old alert and a disabled webhook', async () => {
    const since = Date.now();
    const forged = await signedAlert({ ...hook, secret: 'whsec_not-the-secret' }, { side: 'buy', amount: '0.001' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ statusCode: 401, code: 'BAD_SIGNATURE', message: 'Signature does not match' });
    const replayed = await signedAlert(hook, { side: 'buy', amount: '0.001' }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ message: 'Signature timestamp outside the 300 s tolerance' });
    const unsigned = await alert(hook.url, JSON.stringify({ side: 'buy', amount: '0.001' }));
    expect(unsigned.status).toBe(401);
    // Failed authentication records nothing.
    expect(await deliveries(hook.id)).toEqual([]);

    const disabled = await createWebhook({ action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001', order_type: 'LIMIT', price: restingPrice }, enabled: false });
    const refused = await signedAlert(disabled, {});
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ statusCode: 409, code: 'WEBHOOK_DISABLED' });
    expect(await deliveries(disabled.id)).toMatchObject([{ status: 'rejected', reason: `Webhook ${disabled.id} is disabled` }]);

    // Nothing reached the exchange, even once the queue had time to run.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ordersSince(since)).toEqual([]);
  });

  it('answers each bad input with its status, naming the field, and records it as rejected', async () => {
    const cases: [string, () => Promise<Response>, number, RegExp][] = [
      ['not JSON', () => signedRaw(hook, 'buy 0.001 BTC'), 400, /body: must be JSON/],
      ['a field the alert may not set', () => signedAlert(hook, { side: 'buy', amount: '0.001', price: '1' }), 400, /price: may not be set by an alert/],
      ['an unknown field', () => signedAlert(hook, { side: 'buy', amount: '0.001', leverage: 100 }), 400, /leverage: may not be set by an alert/],
      ['a field the template needs, missing', () => signedAlert(hook, { amount: '0.001' }), 400, /side: required/],
      ['amount above maxAmount', () => signedAlert(hook, { side: 'buy', amount: '0.5' }), 400, /amount: 0.5 is above this webhook's maxAmount 0.01/],
      ['amount as true', () => signedAlert(hook, { side: 'buy', amount: true }), 400, /amount: must be a decimal number/],
      ['amount in hex', () => signedAlert(hook, { side: 'buy', amount: '0x10' }), 400, /amount: must be a decimal number/],
      ['an unknown side', () => signedAlert(hook, { side: 'hodl', amount: '0.001' }), 400, /side: must be one of buy, sell/],
      ['a JSON array', () => signedAlert(hook, [{ side: 'buy' }]), 400, /body: must be a JSON object/],
    ];
    for (const [name, send, status, message] of cases) {
      const response = await send();
      expect(response.status, name).toBe(status);
      const body = await response.json<{ message: string; validation?: { field: string }[] }>();
      expect(body.message, name).toMatch(message);
      expect(body.validation?.length, name).toBe(1);
    }
    const recorded = await deliveries(hook.id);
    expect(recorded.map((delivery) => delivery.status)).toEqual(cases.map(() => 'rejected'));
    expect(recorded.map((delivery) => delivery.reason).reverse().map((reason, i) => cases[i][3].test(reason ?? ''))).toEqual(cases.map(() => true));
  });

  it('answers 404 for an unknown webhook and 413 for a body over 64 KB', async () => {
    expect((await signedAlert({ ...hook, url: `/hooks/${crypto.randomUUID()}` }, { side: 'buy' })).status).toBe(404);
    const big = await signedAlert(hook, { side: 'buy', amount: '0.001', padding: 'x'.repeat(64 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 429 with Retry-After past maxTradesPerHour and within the cooldown, recording them rejected', async () => {
    const limited = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', order_type: 'LIMIT', price: restingPrice },
      alertFields: ['amount'],
      limits: { maxTradesPerHour: 2 },
    });
    const results = [];
    for (const amount of ['0.001', '0.0011', '0.0012']) results.push(await signedAlert(limited, { amount }));
    expect(results.map((response) => response.status)).toEqual([202, 202, 429]);
    expect(Number(results[2].headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(await results[2].json()).toMatchObject({ code: 'WEBHOOK_LIMIT', message: expect.stringMatching(/maxTradesPerHour \(2\) is reached/) });

    const cooling = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', order_type: 'LIMIT', price: restingPrice },
      alertFields: ['amount'],
      limits: { cooldownSeconds: 600 },
    });
    expect((await signedAlert(cooling, { amount: '0.001' })).status).toBe(202);
    const tooSoon = await signedAlert(cooling, { amount: '0.0011' });
    expect(tooSoon.status).toBe(429);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(590);

    for (const webhook of [limited, cooling]) {
      const list = await settled(webhook.id);
      expect(list.filter((delivery) => delivery.status === 'rejected')).toHaveLength(1);
      for (const delivery of list.filter((entry) => entry.status === 'executed')) {
        await exchangeAsDev(dev, 'DELETE', 'api.binance.com/api/v3/order', { symbol: 'BTCUSDT', origClientOrderId: delivery.trade!.result!.order_id as string });
      }
    }
  });

  it('answers 400 for a pair outside tradingPairs, and a body-secret alert with a wrong secret 401', async () => {
    const tv = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', side: 'BUY', amount: '0.001', order_type: 'LIMIT', price: restingPrice },
      auth: 'body-secret',
      alertFields: ['trading_pair'],
      limits: { tradingPairs: ['BTC-USDT'] },
    });
    const otherPair = await alert(tv.url, JSON.stringify({ secret: tv.secret, trading_pair: 'ETHUSDT' }));
    expect(otherPair.status).toBe(400);
    expect(await otherPair.json()).toMatchObject({ validation: [{ field: 'trading_pair', reason: "ETH-USDT is not one of this webhook's pairs (BTC-USDT)" }] });
    expect((await alert(tv.url, JSON.stringify({ secret: 'whsec_wrong', trading_pair: 'BTCUSDT' }))).status).toBe(401);
    expect((await alert(tv.url, JSON.stringify({ trading_pair: 'BTCUSDT' }))).status).toBe(401);
    expect(await deliveries(tv.id)).toMatchObject([{ status: 'rejected' }]);
  });
});

/** A raw (non-JSON) body signed with the webhook's secret. */
async function signedRaw(hook: Created, body: string) {
  return alert(hook.url, body, { 'x-colibri-signature': await signatureHeader(hook.secret, body), 'content-type': 'text/plain' });
}

describe('/webhooks', () => {
  it('creates, lists, reads, updates, rotates and deletes, never returning the secret after creation', async () => {
    const hook = await createWebhook({ action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001' } });
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(hook.url).toBe(`/hooks/${hook.id}`);
    const read = await (await api(`/webhooks/${hook.id}`)).json<Record<string, unknown>>();
    expect(read).toMatchObject({ id: hook.id, auth: 'hmac', enabled: true, alertFields: [], limits: {} });
    expect(JSON.stringify(read)).not.toContain(hook.secret);
    const list = await (await api('/webhooks')).text();
    expect(list).toContain(hook.id);
    expect(list).not.toContain('whsec_');

    const disabled = await api(`/webhooks/${hook.id}`, { method: 'PATCH', body: { enabled: false } });
    expect(await disabled.json()).toMatchObject({ enabled: false });
    await api(`/webhooks/${hook.id}`, { method: 'PATCH', body: { enabled: true } });

    const rotated = await (await api(`/webhooks/${hook.id}/rotate-secret`, { method: 'POST' })).json<Created>();
    expect(rotated.secret).not.toBe(hook.secret);
    expect((await signedAlert(hook, { id: 'old-secret' })).status).toBe(401);

    expect((await api(`/webhooks/${hook.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(`/webhooks/${hook.id}`)).status).toBe(404);
    expect((await signedAlert(rotated, {})).status).toBe(404);
  });

  it('refuses a template no alert can complete, alert fields its action does not have, and unauthenticated calls', async () => {
    const incomplete = await api('/webhooks', { body: { name: 'x', action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY' } } });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toMatchObject({ validation: [{ field: 'action.amount', reason: 'required unless alertFields lets the alert send it' }] });
    const swapPrice = await api('/webhooks', { body: { name: 'x', action: { type: 'swap', chainNetwork: 'ethereum-localnet', trading_pair: 'WETH-USDC', side: 'SELL', amount: '1' }, alertFields: ['price'] } });
    expect(await swapPrice.json()).toMatchObject({ statusCode: 400, validation: [{ field: 'alertFields', reason: 'price is not a field of a swap (side, amount, trading_pair)' }] });
    expect((await api('/webhooks', { auth: null })).status).toBe(401);
    expect((await api(`/webhooks/${crypto.randomUUID()}/deliveries`, { auth: null })).status).toBe(401);
  });

  it('are in /docs: /hooks/{id} public, with the alert fields and a worked example (curl + openssl, a TradingView alert)', async () => {
    const document = await (await api('/openapi.json', { auth: null })).json<{ paths: Record<string, Record<string, { security?: unknown[]; description?: string }>> }>();
    for (const path of ['/webhooks', '/webhooks/{id}', '/webhooks/{id}/rotate-secret', '/webhooks/{id}/deliveries']) expect(document.paths, path).toHaveProperty([path]);
    const deliver = document.paths['/hooks/{id}'].post;
    expect(deliver.security).toEqual([]);
    for (const text of ['X-Colibri-Signature', 'openssl dgst -sha256 -hmac', '{{strategy.order.action}}', '{{ticker}}', '{{strategy.order.contracts}}', '`trading_pair`', '`amount`', '`side`']) expect(deliver.description, text).toContain(text);
  });
});
