import { getDb } from '../../lib/db/client';
import { describeError, log } from '../../lib/log';
import { tradeKeyOf } from '../../lib/webhooks/delivery-id';
import type { TradeSignal } from '../../schemas/webhooks';
import type { WebhooksEnv } from './env';
import { recordGivenUp, recordOutcome } from './store';

/** Longest wait between two attempts of a trade that failed transiently. */
const MAX_RETRY_DELAY_SECONDS = 60;

type TradeOutcome =
  | { status: 'executed'; result: Record<string, unknown> }
  | { status: 'failed'; reason: string; result?: Record<string, unknown> }
  | { status: 'retrying'; reason: string };

/** What the trading or connectors worker answered, as a delivery outcome: 4xx is final, 429 and 5xx are worth retrying. */
async function outcomeOf(response: Response): Promise<TradeOutcome> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const reason = `${response.status}: ${typeof body.message === 'string' ? body.message : response.statusText}`;
  if (response.ok) {
    // A swap the chain reverted is answered 200 with status -1: it traded nothing, and will not on retry.
    if (body.status === -1) return { status: 'failed', reason: 'The swap reverted on chain', result: body };
    return { status: 'executed', result: body };
  }
  if (response.status === 429 || response.status >= 500) return { status: 'retrying', reason };
  return { status: 'failed', reason };
}

/** Sends the delivery's trade once: its Idempotency-Key is derived from the delivery, so a redelivered message gets the first trade back. */
async function trade(env: WebhooksEnv, signal: TradeSignal): Promise<TradeOutcome> {
  const [worker, path] = signal.trade.type === 'order' ? [env.TRADING, '/trading/orders'] : [env.CONNECTORS, '/trading/swap/execute'];
  const headers = { 'content-type': 'application/json', 'idempotency-key': await tradeKeyOf(signal.webhookId, signal.deliveryId) };
  try {
    return await outcomeOf(await worker.fetch(`https://router.internal${path}`, { method: 'POST', headers, body: JSON.stringify(signal.trade.request) }));
  } catch (err) {
    return { status: 'retrying', reason: `${signal.trade.type === 'order' ? 'trading' : 'connectors'} worker unreachable: ${describeError(err).error}` };
  }
}

async function consume(env: WebhooksEnv, message: Message<TradeSignal>): Promise<void> {
  const { webhookId, deliveryId } = message.body;
  const outcome = await trade(env, message.body);
  try {
    await recordOutcome(getDb(env), webhookId, deliveryId, outcome);
  } catch (err) {
    // The trade is keyed by the delivery: running it again to record it costs nothing on the exchange.
    log('error', 'delivery outcome not recorded; will retry', { webhookId, deliveryId, ...describeError(err) });
    message.retry({ delaySeconds: 2 });
    return;
  }
  if (outcome.status === 'retrying') {
    const delaySeconds = Math.min(MAX_RETRY_DELAY_SECONDS, 2 ** message.attempts);
    log('warn', 'trade failed transiently; will retry', { webhookId, deliveryId, attempts: message.attempts, delaySeconds, reason: outcome.reason });
    message.retry({ delaySeconds });
  } else {
    message.ack();
  }
}

/** `trade-signals`: each accepted delivery's trade, run concurrently within the batch. */
export async function consumeTradeSignals(batch: MessageBatch<TradeSignal>, env: WebhooksEnv): Promise<void> {
  await Promise.all(batch.messages.map((message) => consume(env, message)));
}

/** `trade-signals-dlq`: deliveries whose trade kept failing transiently until the queue gave up. */
export async function consumeDeadLetters(batch: MessageBatch<TradeSignal>, env: WebhooksEnv): Promise<void> {
  const db = getDb(env);
  await Promise.all(batch.messages.map((message) => recordGivenUp(db, message.body.webhookId, message.body.deliveryId)));
  batch.ackAll();
  log('warn', 'trade signals given up', { queue: batch.queue, count: batch.messages.length });
}

/** The worker's queue handler: the dead-letter queue is the one named `*-dlq`. */
export function consumeQueue(batch: MessageBatch<TradeSignal>, env: WebhooksEnv): Promise<void> {
  return batch.queue.endsWith('-dlq') ? consumeDeadLetters(batch, env) : consumeTradeSignals(batch, env);
}
