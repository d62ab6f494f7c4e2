import type { Context } from 'hono';
import type { AppRouteHandler } from '../../lib/app';
import { constantTimeEqual } from '../../lib/crypto';
import { getDb, type Db } from '../../lib/db/client';
import type { AppEnv } from '../../lib/env';
import { ConflictError, HttpError, NotFoundError, PayloadTooLargeError, ServiceUnavailableError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../../lib/errors';
import { describeError, log } from '../../lib/log';
import { deliveryIdOf } from '../../lib/webhooks/delivery-id';
import { resolveAlert } from '../../lib/webhooks/resolve-alert';
import { SIGNATURE_HEADER, verifySignature } from '../../lib/webhooks/signature';
import type { WebhooksEnv } from './env';
import type * as routes from './hooks.routes';
import { findWebhook, openSecret, presentDelivery, recordRejected, recordResolved, type DeliveryRow, type RecordedDelivery, type WebhookRow } from './store';

/** Largest alert body: far above any alert, far below anything costly to hash and parse. */
const MAX_ALERT_BYTES = 64 * 1024;

const DELIVERY_ID = /^[\x21-\x7e]{1,255}$/;

type HookContext = Context<AppEnv<WebhooksEnv>>;

type ParsedBody = { ok: true; value: unknown } | { ok: false };

function parseJson(raw: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

const field = (body: ParsedBody, name: string): unknown => (body.ok && typeof body.value === 'object' && body.value !== null ? (body.value as Record<string, unknown>)[name] : undefined);

async function readBody(c: HookContext): Promise<string> {
  if (Number(c.req.header('content-length') ?? 0) > MAX_ALERT_BYTES) throw new PayloadTooLargeError(`Alert body larger than ${MAX_ALERT_BYTES} bytes`, 'PAYLOAD_TOO_LARGE');
  const raw = await c.req.text();
  if (new TextEncoder().encode(raw).length > MAX_ALERT_BYTES) throw new PayloadTooLargeError(`Alert body larger than ${MAX_ALERT_BYTES} bytes`, 'PAYLOAD_TOO_LARGE');
  return raw;
}

/** The content the alert authenticated with, or a 401: nothing is recorded or queued for it. */
async function authenticate(c: HookContext, webhook: WebhookRow, raw: string, body: ParsedBody): Promise<string> {
  const secret = await openSecret(c.env, webhook);
  if (webhook.auth === 'hmac') {
    const check = await verifySignature(c.req.header(SIGNATURE_HEADER), secret, raw);
    if (!check.ok) throw new UnauthorizedError(check.reason, 'BAD_SIGNATURE');
    return `${check.timestamp}.${raw}`;
  }
  const given = field(body, 'secret');
  if (typeof given !== 'string' || !(await constantTimeEqual(given, secret))) throw new UnauthorizedError('Missing or wrong "secret" in the alert body', 'BAD_SECRET');
  return raw;
}

/** The Idempotency-Key header, else the body's `id`, else the hash of the signed content. */
async function deliveryIdFor(c: HookContext, body: ParsedBody, signedContent: string): Promise<string> {
  const header = c.req.header('idempotency-key');
  if (header !== undefined) {
    if (!DELIVERY_ID.test(header)) throw new ValidationError([{ field: 'idempotency-key', reason: 'must be 1-255 visible ASCII characters' }]);
    return header;
  }
  const id = field(body, 'id');
  if (typeof id === 'string' && DELIVERY_ID.test(id)) return id;
  return deliveryIdOf(signedContent);
}

/** A repeated alert: the first delivery; one still waiting for its trade is queued again (the first send may have been lost, and its trade is keyed by the delivery). */
async function answerDuplicate(c: HookContext, row: DeliveryRow) {
  if (row.status === 'accepted' && row.tradeRequest) await enqueue(c, row);
  return c.json({ status: 'duplicate' as const, delivery: presentDelivery(row) }, 200);
}

async function enqueue(c: HookContext, row: DeliveryRow): Promise<void> {
  try {
    await c.env.TRADE_SIGNALS.send({ webhookId: row.webhookId, deliveryId: row.id, trade: row.tradeRequest! }, { contentType: 'json' });
  } catch (err) {
    // The delivery stays `accepted`: the alert's retry (same delivery id) queues it again.
    log('error', 'trade signal not queued', { webhookId: row.webhookId, deliveryId: row.id, ...describeError(err) });
    throw new ServiceUnavailableError('The trade queue is unavailable: retry the alert with the same delivery id');
  }
}

/** Records a refused alert, then refuses it; a delivery id accepted before answers as the duplicate it is. */
async function reject(c: HookContext, db: Db, webhookId: string, deliveryId: string, error: HttpError) {
  const recorded: RecordedDelivery = await recordRejected(db, webhookId, deliveryId, error.message);
  if (recorded.outcome === 'duplicate') return answerDuplicate(c, recorded.row);
  throw error;
}

export const deliver: AppRouteHandler<typeof routes.deliver, WebhooksEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const raw = await readBody(c);
  const db = getDb(c.env);
  const webhook = await findWebhook(db, id);
  if (!webhook) throw new NotFoundError(`Webhook ${id} not found`);
  const body = parseJson(raw);
  const signedContent = await authenticate(c, webhook, raw, body);
  const deliveryId = await deliveryIdFor(c, body, signedContent);

  if (!webhook.enabled) return reject(c, db, id, deliveryId, new ConflictError(`Webhook ${id} is disabled`, 'WEBHOOK_DISABLED'));
  if (!body.ok) return reject(c, db, id, deliveryId, new ValidationError([{ field: 'body', reason: 'must be JSON' }]));
  let trade;
  try {
    trade = resolveAlert(webhook, body.value);
  } catch (err) {
    if (err instanceof ValidationError) return reject(c, db, id, deliveryId, err);
    throw err;
  }

  const recorded = await recordResolved(db, webhook, deliveryId, trade);
  if (recorded.outcome === 'duplicate') return answerDuplicate(c, recorded.row);
  if (recorded.row.status === 'rejected') throw new TooManyRequestsError(recorded.row.reason ?? 'Too many alerts', 'WEBHOOK_LIMIT', undefined, recorded.retryAfterSeconds);
  await enqueue(c, recorded.row);
  return c.json({ status: 'accepted' as const, delivery: presentDelivery(recorded.row) }, 202);
};
