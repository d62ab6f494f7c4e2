import { and, eq } from 'drizzle-orm';
import { getDb } from './db/client';
import { idempotencyKeys } from './db/schema';
import type { RouterEnv } from './env';
import { ConflictError } from './errors';

/** A request's `Idempotency-Key` and what it was sent with (method, path and body), hashed. */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
}

/** The wallet a key belongs to: keys are unique per wallet and network, whatever the route. */
export interface IdempotencyScope {
  chain: string;
  network: string;
  address: string;
}

export class IdempotencyKeyReusedError extends ConflictError {
  constructor() {
    super('Idempotency-Key reused with a different request', 'IDEMPOTENCY_KEY_REUSED');
  }
}

/** JSON with object keys sorted and undefined fields left out: equal requests serialise equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What a handler sees of its request (Hono's `c`): the key was validated by the route's header schema. */
interface KeyedContext {
  req: { method: string; path: string; header(name: string): string | undefined };
}

/** The request's key and fingerprint (SHA-256 of method, path and the validated body); undefined without a key. */
export async function idempotencyOf(c: KeyedContext, body: unknown): Promise<IdempotentRequest | undefined> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  return { key, fingerprint: await sha256(`${c.req.method.toUpperCase()} ${c.req.path}\n${canonicalJson(body)}`) };
}

/**
 * Runs `work` once per key, as Stripe does: the first request claims the key for its fingerprint and
 * its answer is kept; the same request again gets that answer without running anything (so a swap
 * retried after it used up an exact allowance is not refused); another request with the key is a 409.
 * A first request that failed leaves the key claimed without an answer: its retry runs again, and the
 * signer answers any transaction it had already sent under the key.
 */
export async function runOnce<T>(env: Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>, scope: IdempotencyScope, request: IdempotentRequest | undefined, work: () => Promise<T>): Promise<T> {
  // Awaited: workerd reports a rejected promise handed up through `return` as unhandled.
  if (!request) return await work();
  const db = getDb(env);
  const where = and(eq(idempotencyKeys.chain, scope.chain), eq(idempotencyKeys.network, scope.network), eq(idempotencyKeys.address, scope.address), eq(idempotencyKeys.key, request.key));
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ ...scope, key: request.key, fingerprint: request.fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed) {
    const [previous] = await db.select({ fingerprint: idempotencyKeys.fingerprint, response: idempotencyKeys.response }).from(idempotencyKeys).where(where);
    if (previous.fingerprint !== request.fingerprint) throw new IdempotencyKeyReusedError();
    if (previous.response !== null) return previous.response as T;
  }
  const response = await work();
  await db.update(idempotencyKeys).set({ response, answeredAt: new Date() }).where(where);
  return response;
}
