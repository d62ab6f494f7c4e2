import { and, desc, eq, sql } from 'drizzle-orm';
import { createSecretBox } from '../../lib/crypto';
import type { Db } from '../../lib/db/client';
import { webhookDeliveries, webhooks } from '../../lib/db/schema';
import type { RouterEnv } from '../../lib/env';
import type { DeliveryStatus, ResolvedTrade } from '../../schemas/webhooks';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const SECRET_PURPOSE = 'webhook-secrets';

/** A new webhook secret: 32 random bytes, hex, with a prefix that says what it is. */
export function newSecret(): string {
  return `whsec_${[...crypto.getRandomValues(new Uint8Array(32))].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The secret sealed for its webhook (bound to the id: a sealed secret copied onto another webhook does not open). */
export const sealSecret = (env: Pick<RouterEnv, 'MASTER_KEY'>, id: string, secret: string) => createSecretBox(env.MASTER_KEY, SECRET_PURPOSE).seal(secret, id);
export const openSecret = (env: Pick<RouterEnv, 'MASTER_KEY'>, row: WebhookRow) => createSecretBox(env.MASTER_KEY, SECRET_PURPOSE).open(row.sealedSecret, row.id);

export async function findWebhook(db: Db, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return row;
}

export function presentWebhook(row: WebhookRow) {
  return {
    id: row.id,
    name: row.name,
    url: `/hooks/${row.id}`,
    action: row.action as Record<string, unknown>,
    auth: row.auth,
    alertFields: row.alertFields,
    limits: row.limits as Record<string, unknown>,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    webhookId: row.webhookId,
    receivedAt: row.receivedAt.toISOString(),
    status: row.status,
    reason: row.reason,
    trade: row.tradeRequest ? { request: row.tradeRequest.request as Record<string, unknown>, result: row.tradeResult ?? null } : null,
    attempts: row.attempts,
    duplicates: row.duplicates,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export type RecordedDelivery = { outcome: 'recorded'; row: DeliveryRow; retryAfterSeconds?: number } | { outcome: 'duplicate'; row: DeliveryRow };

const deliveryKey = (webhookId: string, deliveryId: string) => and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.id, deliveryId));

/**
 * The first delivery under this id, its repeat counted and recorded as a `duplicate` delivery of its
 * own (id `<delivery id> (repeat N)`: delivery ids have no spaces, so it never takes a real one's), in
 * one transaction of one round trip. The webhook's row is locked first, as `recordResolved` locks it:
 * in the other order, a repeat arriving while the first is recorded deadlocks with it.
 */
async function countDuplicate(db: Db, webhookId: string, deliveryId: string): Promise<DeliveryRow> {
  const [, result] = await db.batch([
    db.execute(sql`select 1 from webhooks where id = ${webhookId} for update`),
    db.execute(sql`
    with first as (
      update webhook_deliveries set duplicates = duplicates + 1
      where webhook_id = ${webhookId} and id = ${deliveryId}
      returning *
    ), repeat as (
      insert into webhook_deliveries (webhook_id, id, status, reason)
      select webhook_id, id || ' (repeat ' || duplicates || ')', 'duplicate', 'Repeat of delivery ' || id || ': answered with it, traded nothing'
      from first
    )
    select * from first`),
  ]);
  return toRow((result.rows as Record<string, unknown>[])[0]);
}

const toRow = (raw: Record<string, unknown>): DeliveryRow => ({
  webhookId: raw.webhook_id as string,
  id: raw.id as string,
  receivedAt: new Date(raw.received_at as string),
  status: raw.status as DeliveryStatus,
  reason: raw.reason as string | null,
  tradeRequest: raw.trade_request as ResolvedTrade | null,
  tradeResult: raw.trade_result as Record<string, unknown> | null,
  attempts: Number(raw.attempts),
  duplicates: Number(raw.duplicates),
  finishedAt: raw.finished_at ? new Date(raw.finished_at as string) : null,
});

/**
 * Records a rejected alert under its delivery id. A delivery id already accepted is a duplicate (the
 * first delivery comes back); one only rejected before is rejected again (its reason updated), so a
 * sender may retry a refused alert under the same id.
 */
export async function recordRejected(db: Db, webhookId: string, deliveryId: string, reason: string): Promise<RecordedDelivery> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ webhookId, id: deliveryId, status: 'rejected', reason })
    .onConflictDoUpdate({
      target: [webhookDeliveries.webhookId, webhookDeliveries.id],
      set: { reason, receivedAt: sql`now()` },
      where: eq(webhookDeliveries.status, 'rejected'),
    })
    .returning();
  return row ? { outcome: 'recorded', row } : { outcome: 'duplicate', row: await countDuplicate(db, webhookId, deliveryId) };
}

/**
 * Records an alert that resolved to `trade`, in one transaction of one round trip: the webhook's row
 * is locked so concurrent alerts count against its limits one at a time, then the delivery is inserted
 * `accepted`, or `rejected` when it would exceed `maxTradesPerHour` or fall within `cooldownSeconds` of
 * the last accepted one (with the seconds until it would not). A delivery id accepted before is a
 * duplicate; one only rejected before is decided again.
 */
export async function recordResolved(db: Db, webhook: WebhookRow, deliveryId: string, trade: ResolvedTrade): Promise<RecordedDelivery> {
  const { maxTradesPerHour = null, cooldownSeconds = 0 } = webhook.limits;
  const counted = sql`webhook_id = ${webhook.id} and status in ('accepted', 'executed')`;
  const [, inserted] = await db.batch([
    db.execute(sql`select 1 from webhooks where id = ${webhook.id} for update`),
    db.execute(sql`
      with recent as (
        select received_at from webhook_deliveries where ${counted} and received_at > now() - interval '1 hour'
      ), waits as (
        select
          case when ${maxTradesPerHour}::int is not null and (select count(*) from recent) >= ${maxTradesPerHour}::int
            then (select received_at from recent order by received_at desc offset ${maxTradesPerHour}::int - 1 limit 1) + interval '1 hour' - now()
          end as rate_wait,
          case when ${cooldownSeconds}::int > 0
            then (select max(received_at) from webhook_deliveries where ${counted}) + make_interval(secs => ${cooldownSeconds}::int) - now()
          end as cool_wait
      ), verdict as (
        select
          case
            when rate_wait is not null then ${`Rate limit: this webhook's maxTradesPerHour (${maxTradesPerHour}) is reached`}
            when cool_wait > interval '0' then ${`Cooldown: less than cooldownSeconds (${cooldownSeconds}) since the last accepted alert`}
          end as reason,
          ceil(extract(epoch from greatest(rate_wait, cool_wait)))::int as retry_after
        from waits
      )
      insert into webhook_deliveries (webhook_id, id, status, reason, trade_request)
      select ${webhook.id}, ${deliveryId}, case when reason is null then 'accepted' else 'rejected' end, reason, ${JSON.stringify(trade)}::jsonb from verdict
      on conflict (webhook_id, id) do update
        set status = excluded.status, reason = excluded.reason, trade_request = excluded.trade_request, received_at = now()
        where webhook_deliveries.status = 'rejected'
      returning *, (select retry_after from verdict) as retry_after`),
  ]);
  const [raw] = inserted.rows as Record<string, unknown>[];
  if (!raw) return { outcome: 'duplicate', row: await countDuplicate(db, webhook.id, deliveryId) };
  const row = toRow(raw);
  return { outcome: 'recorded', row, ...(row.status === 'rejected' ? { retryAfterSeconds: Math.max(1, Number(raw.retry_after)) } : {}) };
}

export async function listDeliveries(db: Db, webhookId: string, filter: { status?: DeliveryStatus; limit: number }): Promise<DeliveryRow[]> {
  const where = filter.status ? and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, filter.status)) : eq(webhookDeliveries.webhookId, webhookId);
  return db.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id)).limit(filter.limit);
}

/** The consumer's outcome for a delivery: final (`executed` / `failed`), or the last transient error while it is retried. */
export async function recordOutcome(
  db: Db,
  webhookId: string,
  deliveryId: string,
  outcome: { status: 'executed'; result: Record<string, unknown> } | { status: 'failed'; reason: string; result?: Record<string, unknown> } | { status: 'retrying'; reason: string },
): Promise<void> {
  const attempts = sql`${webhookDeliveries.attempts} + 1`;
  const set =
    outcome.status === 'retrying'
      ? { reason: outcome.reason, attempts }
      : outcome.status === 'executed'
        ? { status: 'executed' as const, reason: null, tradeResult: outcome.result, attempts, finishedAt: sql`now()` }
        : { status: 'failed' as const, reason: outcome.reason, tradeResult: outcome.result ?? null, attempts, finishedAt: sql`now()` };
  // An executed delivery stays executed: a late redelivery's answer is the same trade.
  await db
    .update(webhookDeliveries)
    .set(set)
    .where(and(deliveryKey(webhookId, deliveryId), sql`${webhookDeliveries.status} <> 'executed'`));
}

/** A delivery the queue gave up on (its dead letter): failed, with the last error seen. */
export async function recordGivenUp(db: Db, webhookId: string, deliveryId: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed', reason: sql`'Gave up after retries: ' || coalesce(${webhookDeliveries.reason}, 'transient failures')`, finishedAt: sql`now()` })
    .where(and(deliveryKey(webhookId, deliveryId), eq(webhookDeliveries.status, 'accepted')));
}

/**
 * Deliveries recorded `accepted` at least `olderThanSeconds` ago that no consumer has tried yet: the
 * worker died between recording one and queueing it (or the queue lost it). Oldest first.
 */
export async function findUnqueued(db: Db, olderThanSeconds: number, limit: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'accepted'), eq(webhookDeliveries.attempts, 0), sql`${webhookDeliveries.receivedAt} < now() - make_interval(secs => ${olderThanSeconds})`))
    .orderBy(webhookDeliveries.receivedAt)
    .limit(limit);
}
