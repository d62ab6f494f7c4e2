import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../lib/db/client';
import { webhookDeliveries } from '../../lib/db/schema';
import type { ResolvedTrade, TradeSignal } from '../../schemas/webhooks';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import webhooks from '../../workers/webhooks';
import { exchangeAsDev } from '../support/exchange';
import { accountWithKeys, lastPrice } from '../trading/support';
import { createWebhook, deliveries, settled, signedAlert, type Answer } from './support';

// Dev account 1's ETHUSDT orders are this file's alone, so the exchange's orders since the start are exactly ours.
const dev = DEV_ACCOUNTS[1];
const ALERTS = 160;
const DUPLICATES = 40;
const REDELIVERED = 40;

/** `tasks` run `concurrency` at a time. */
async function inLanes<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}

/** Runs the webhooks worker's queue handler on `messages`, as the queue does on a (re)delivery; its acks and retries. */
async function consume(queue: string, messages: { id: string; body: TradeSignal; attempts?: number }[], workerEnv = env) {
  const batch = createMessageBatch<TradeSignal>(queue, messages.map((message) => ({ id: message.id, timestamp: new Date(), attempts: message.attempts ?? 1, body: message.body })));
  const ctx = createExecutionContext();
  await webhooks.queue(batch, workerEnv);
  return getQueueResult(batch, ctx);
}

describe('exactly once', () => {
  it('200 deliveries with 20% duplicates and 40 queue redeliveries place exactly 160 orders on the exchange', { timeout: 180_000 }, async () => {
    const account = await accountWithKeys(dev);
    const price = String(Math.round((await lastPrice('ETHUSDT')) * 0.5));
    const hook = await createWebhook({
      action: { type: 'order', account_name: account, connector_name: 'binance', trading_pair: 'ETH-USDT', side: 'BUY', amount: '0.01', order_type: 'LIMIT', price },
      alertFields: ['amount'],
    });
    const since = Date.now();
    // 160 distinct alerts and 40 repeats of some of them, interleaved, 10 in flight, from 50 alert-service addresses.
    const sends = [...Array.from({ length: ALERTS }, (_, i) => i), ...Array.from({ length: DUPLICATES }, (_, i) => i * 4)];
    const answers = await inLanes(
      sends.map((alertIndex, i) => async () => {
        const response = await signedAlert(hook, { amount: '0.01' }, { headers: { 'idempotency-key': `alert-${alertIndex}` }, ip: `203.0.113.${i % 50}` });
        return { status: response.status, answer: await response.json<Answer>() };
      }),
      10,
    );
    expect(answers.filter((entry) => entry.status === 202)).toHaveLength(ALERTS);
    expect(answers.filter((entry) => entry.status === 200 && entry.answer.status === 'duplicate')).toHaveLength(DUPLICATES);

    const recorded = await settled(hook.id, 120_000);
    const executed = recorded.filter((delivery) => delivery.status === 'executed');
    expect(executed).toHaveLength(ALERTS);
    expect(executed.reduce((sum, delivery) => sum + delivery.duplicates, 0)).toBe(DUPLICATES);
    // Each repeat is listed as a delivery of its own, `duplicate`, that traded nothing.
    const repeats = recorded.filter((delivery) => delivery.status === 'duplicate');
    expect(repeats).toHaveLength(DUPLICATES);
    expect(repeats.every((delivery) => delivery.trade === null && /^alert-\d+ \(repeat \d+\)$/.test(delivery.id))).toBe(true);
    expect(recorded).toHaveLength(ALERTS + DUPLICATES);

    // The queue delivers 40 messages again (as after a lost ack): their trades come back, none is placed twice.
    const rows = await getDb(env).select().from(webhookDeliveries).where(and(eq(webhookDeliveries.webhookId, hook.id), eq(webhookDeliveries.status, 'executed')));
    const redelivered = rows.slice(0, REDELIVERED).map((row) => ({ id: crypto.randomUUID(), attempts: 2, body: { webhookId: hook.id, deliveryId: row.id, trade: row.tradeRequest! } }));
    const result = await consume('trade-signals', redelivered);
    expect(result.explicitAcks).toHaveLength(REDELIVERED);
    expect(result.retryMessages).toEqual([]);

    const orderIds = new Set((await deliveries(hook.id)).filter((delivery) => delivery.trade).map((delivery) => delivery.trade!.result!.order_id as string));
    expect(orderIds.size).toBe(ALERTS);
    const onExchange = await exchangeAsDev<{ clientOrderId: string }[]>(dev, 'GET', 'api.binance.com/api/v3/allOrders', { symbol: 'ETHUSDT', startTime: since, limit: 1000 });
    expect(onExchange).toHaveLength(ALERTS);
    expect(new Set(onExchange.map((order) => order.clientOrderId))).toEqual(orderIds);
    await exchangeAsDev(dev, 'DELETE', 'api.binance.com/api/v3/openOrders', { symbol: 'ETHUSDT' });
  });
});

describe('the trade-signals consumer', () => {
  const trade: ResolvedTrade = { type: 'order', request: { account_name: 'nobody_here', connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: '0.001', order_type: 'MARKET' } };

  async function acceptedDelivery(): Promise<{ webhookId: string; deliveryId: string }> {
    const hook = await createWebhook({ action: { type: 'order', account_name: 'nobody_here', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001' } });
    const deliveryId = crypto.randomUUID();
    await getDb(env).insert(webhookDeliveries).values({ webhookId: hook.id, id: deliveryId, status: 'accepted', tradeRequest: trade });
    return { webhookId: hook.id, deliveryId };
  }

  const row = async ({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) =>
    (await getDb(env).select().from(webhookDeliveries).where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.id, deliveryId))))[0];

  it('retries a transient failure (the delivery keeps the last error), then the dead-letter queue marks it failed', async () => {
    const delivery = await acceptedDelivery();
    // The trading worker unavailable (503), as during a deploy or an exchange outage.
    const unavailable = { ...env, TRADING: { fetch: async () => Response.json({ statusCode: 503, message: 'The exchange is unreachable' }, { status: 503 }) } as unknown as Fetcher };
    const message = { id: crypto.randomUUID(), body: { ...delivery, trade } };
    const first = await consume('trade-signals', [message], unavailable);
    expect(first.retryMessages).toMatchObject([{ msgId: message.id }]);
    const third = await consume('trade-signals', [{ ...message, attempts: 3 }], unavailable);
    expect(third.retryMessages).toMatchObject([{ msgId: message.id }]);
    expect(await row(delivery)).toMatchObject({ status: 'accepted', attempts: 2, reason: '503: The exchange is unreachable' });

    const dead = await consume('trade-signals-dlq', [message]);
    expect(dead.ackAll).toBe(true);
    expect(await row(delivery)).toMatchObject({ status: 'failed', reason: 'Gave up after retries: 503: The exchange is unreachable' });
  });

  it('queues again, from its Cron Trigger, a delivery recorded but never queued (the worker died between the two), and only that one', async () => {
    const stranded = await acceptedDelivery();
    await getDb(env)
      .update(webhookDeliveries)
      .set({ receivedAt: sql`now() - interval '10 minutes'` })
      .where(and(eq(webhookDeliveries.webhookId, stranded.webhookId), eq(webhookDeliveries.id, stranded.deliveryId)));
    const justRecorded = await acceptedDelivery();

    const ctx = createExecutionContext();
    await webhooks.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);

    // Its trade ran through the real queue (refused here: the account does not exist), once.
    await vi.waitFor(async () => expect(await row(stranded)).toMatchObject({ status: 'failed', attempts: 1, reason: expect.stringMatching(/^404: .*nobody_here/) }), { timeout: 20_000, interval: 100 });
    // A delivery recorded a moment ago is the queue's to deliver, not the sweep's.
    expect(await row(justRecorded)).toMatchObject({ status: 'accepted', attempts: 0 });
  });

  it('fails a delivery at once when the trading worker refuses its trade (4xx), through the real queue', async () => {
    const hook = await createWebhook({ action: { type: 'order', account_name: 'nobody_here', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 'BUY', amount: '0.001' } });
    expect((await signedAlert(hook, {})).status).toBe(202);
    const [delivery] = await settled(hook.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, reason: expect.stringMatching(/^404: .*nobody_here/) });
  });
});
