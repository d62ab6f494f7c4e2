import { REQUEST_ID_HEADER } from '../../lib/app';
import { HttpError } from '../../lib/errors';
import type { GatewayEnv } from './env';

const REBUILT_FIELDS = new Set(['statusCode', 'message', 'detail', 'code', 'requestId']);

type Query = Record<string, string | number | boolean | undefined>;

export interface UpstreamCall {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Forwarded so a retried money-moving request reaches the signer's first transaction. */
  idempotencyKey?: string;
  requestId?: string;
}

/** An upstream's error answer, rethrown as the same HTTP error (status, message, code and extra fields). */
export class UpstreamError extends HttpError {
  override get errorName(): string {
    return (this.extra?.error as string | undefined) ?? 'HttpError';
  }
}

/**
 * A Gateway route of the chains or connectors worker, through its service binding: the same handler
 * the Gateway surface answers with, so both surfaces always agree. Its JSON, or its error rethrown.
 */
export async function upstream<T>(env: GatewayEnv, worker: 'CHAINS' | 'CONNECTORS', path: string, call: UpstreamCall = {}): Promise<T> {
  const url = new URL(path, 'https://router.internal');
  for (const [key, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
  if (call.requestId) headers[REQUEST_ID_HEADER] = call.requestId;
  const response = await env[worker].fetch(url, { method: call.method ?? (call.body === undefined ? 'GET' : 'POST'), headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return payload as T;
  // The error body is rebuilt by this worker's error handler: keep only what it does not set itself.
  const extra = Object.fromEntries(Object.entries(payload).filter(([key]) => !REBUILT_FIELDS.has(key)));
  throw new UpstreamError(response.status as HttpError['statusCode'], String(payload.message ?? `Upstream answered ${response.status}`), payload.code as string | undefined, extra);
}
