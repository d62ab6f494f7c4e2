import { getDb } from '../../lib/db/client';
import { log } from '../../lib/log';
import type { WebhooksEnv } from './env';
import { findUnqueued } from './store';

/** A delivery untried for this long was never queued: a queued one is consumed within seconds. */
export const UNQUEUED_AFTER_SECONDS = 300;
/** Deliveries queued again per sweep (the queue's largest batch send). */
const SWEEP_LIMIT = 100;

/**
 * The Cron Trigger: queues again every delivery recorded but never tried, so a crash between
 * "recorded" and "queued" loses no trade. Queueing one twice is harmless: its trade is keyed by the delivery.
 */
export async function queueUnqueuedDeliveries(env: WebhooksEnv): Promise<number> {
  const stranded = await findUnqueued(getDb(env), UNQUEUED_AFTER_SECONDS, SWEEP_LIMIT);
  if (stranded.length === 0) return 0;
  await env.TRADE_SIGNALS.sendBatch(
    stranded.map((row) => ({ body: { webhookId: row.webhookId, deliveryId: row.id, trade: row.tradeRequest! }, contentType: 'json' as const })),
  );
  log('warn', 'deliveries never queued, queued now', { count: stranded.length, deliveries: stranded.map((row) => `${row.webhookId}/${row.id}`) });
  return stranded.length;
}
