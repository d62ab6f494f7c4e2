import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { orders } from '../../lib/db/schema';
import { IdempotencyKeyReusedError, runOnce } from '../../lib/idempotency';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { approveRouter, dev, nonceOf } from '../connectors/chain';
import { addDevWallet, withSnapshot } from '../support/chain';
import { exchangeAsDev } from '../support/exchange';
import { api } from '../support/http';
import { accountWithKeys, lastPrice, placeOrder } from '../trading/support';
import { createWebhook, settled, signedAlert, type Answer } from '../webhooks/support';

// Dev account 3's orders are this file's alone.
const trader = DEV_ACCOUNTS[3];
const CONCURRENT = 10;

/** Each request's status and JSON body, sent all at once. */
async function concurrently(send: () => Promise<Response>): Promise<{ status: number; body: unknown }[]> {
  return Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      const response = await send();
      return { status: response.status, body: await response.json() };
    }),
  );
}

/** All answers equal to the first (status and body). */
function expectIdentical(answers: { status: number; body: unknown }[], status: number) {
  expect(answers[0].status, JSON.stringify(answers[0].body)).toBe(status);
  expect(answers).toEqual(Array.from({ length: CONCURRENT }, () => answers[0]));
}

beforeAll(async () => {
  await addDevWallet();
});

describe('runOnce: one idempotency mechanism for every money-moving route', () => {
  const scope = { chain: 'ethereum', network: 'localnet', address: `0xtest-${crypto.randomUUID()}` };
  const request = (key: string, fingerprint = 'same request') => ({ key, fingerprint });

  it('runs the work once for concurrent identical requests: the others wait for its answer', async () => {
    let runs = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const work = async () => {
      runs += 1;
      await finished;
      return { answer: runs };
    };
    const key = crypto.randomUUID();
    const answers = Array.from({ length: CONCURRENT }, () => runOnce(env, scope, request(key), work));
    // Another request under the key while the first runs: refused at once, not made to wait.
    await expect(runOnce(env, scope, request(key, 'another request'), work)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    finish();
    expect(await Promise.all(answers)).toEqual(Array.from({ length: CONCURRENT }, () => ({ answer: 1 })));
    expect(runs).toBe(1);
  });

  it('releases the key of a request that failed: the same request runs again', async () => {
    const key = crypto.randomUUID();
    await expect(runOnce(env, scope, request(key), () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await runOnce(env, scope, request(key), async () => 'ran again')).toBe('ran again');
  });
});

describe(`${CONCURRENT} concurrent identical requests with one Idempotency-Key`, () => {
  it('chains (/chains/ethereum/wrap): one transaction, identical answers', async () => {
    await withSnapshot(async () => {
      const before = await nonceOf(dev);
      const headers = { 'idempotency-key': `wrap-${crypto.randomUUID()}` };
      expectIdentical(await concurrently(() => api('/chains/ethereum/wrap', { body: { network: 'localnet', address: dev, amount: '0.01' }, headers })), 200);
      expect(await nonceOf(dev)).toBe(before + 1);
    });
  });

  it('connectors (/connectors/uniswap/amm/execute-swap) with an exact allowance: one swap, identical answers, none refused for the allowance the first used', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH', '0.1');
      const before = await nonceOf(dev);
      const body = { network: 'localnet', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.1, side: 'SELL', walletAddress: dev };
      const headers = { 'idempotency-key': `amm-${crypto.randomUUID()}` };
      expectIdentical(await concurrently(() => api('/connectors/uniswap/amm/execute-swap', { body, headers })), 200);
      expect(await nonceOf(dev)).toBe(before + 1);
    });
  });

  it('trading (/trading/swap/execute) with an exact allowance: one swap, identical answers', async () => {
    await withSnapshot(async () => {
      await approveRouter('WETH', '0.05');
      const before = await nonceOf(dev);
      const body = { chainNetwork: 'ethereum-localnet', connector: 'uniswap/amm', baseToken: 'WETH', quoteToken: 'USDC', amount: 0.05, side: 'SELL', walletAddress: dev };
      const headers = { 'idempotency-key': `swap-${crypto.randomUUID()}` };
      expectIdentical(await concurrently(() => api('/trading/swap/execute', { body, headers })), 200);
      expect(await nonceOf(dev)).toBe(before + 1);
    });
  });

  it('trading (/trading/orders): one order on the exchange, one row, identical answers', async () => {
    const account = await accountWithKeys(trader);
    const order = { account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: Math.round((await lastPrice('BTCUSDT')) * 0.5) };
    const headers = { 'idempotency-key': `order-${crypto.randomUUID()}` };
    const answers = await concurrently(() => placeOrder(order, headers));
    expectIdentical(answers, 201);
    const { order_id: orderId } = answers[0].body as { order_id: string };
    const open = await exchangeAsDev<{ clientOrderId: string }[]>(trader, 'GET', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' });
    expect(open.map((placed) => placed.clientOrderId)).toEqual([orderId]);
    expect(await getDb(env).select().from(orders).where(eq(orders.accountName, account))).toHaveLength(1);
    await exchangeAsDev(trader, 'DELETE', 'api.binance.com/api/v3/openOrders', { symbol: 'BTCUSDT' });
  });

  it("webhooks (/hooks/{id}): one delivery accepted and traded once, the others answered as its duplicates (the webhook's documented answer to a repeat)", async () => {
    const account = await accountWithKeys(trader);
    const price = String(Math.round((await lastPrice('ETHUSDT')) * 0.5));
    const hook = await createWebhook({ action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'ETH-USDT', side: 'BUY', amount: '0.01', order_type: 'LIMIT', price }, alertFields: ['amount'] });
    const headers = { 'idempotency-key': `alert-${crypto.randomUUID()}` };
    const answers = await concurrently(() => signedAlert(hook, { amount: '0.01' }, { headers }));
    expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers[0].body)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    const parsed = answers.map((answer) => answer.body as Answer);
    expect(new Set(parsed.map((answer) => answer.delivery.id))).toEqual(new Set([headers['idempotency-key']]));
    expect(parsed.filter((answer) => answer.status === 'duplicate')).toHaveLength(CONCURRENT - 1);

    const [delivery] = (await settled(hook.id)).filter((recorded) => recorded.id === headers['idempotency-key']);
    expect(delivery).toMatchObject({ status: 'executed', duplicates: CONCURRENT - 1 });
    const open = await exchangeAsDev<{ clientOrderId: string }[]>(trader, 'GET', 'api.binance.com/api/v3/openOrders', { symbol: 'ETHUSDT' });
    expect(open).toHaveLength(1);
    await exchangeAsDev(trader, 'DELETE', 'api.binance.com/api/v3/openOrders', { symbol: 'ETHUSDT' });
  });
});
