import { and, eq, sql } from 'drizzle-orm';
import { getDb } from './db/client';
import { idempotencyKeys } from './db/schema';
import type { RouterEnv } from './env';
import { ConflictError } from './errors';

/** A request's `Idempotency-Key` and what it was sent with (method, path and body), hashed. */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
}

/**
 * Who a key belongs to: keys are unique per owner, whatever the route. A wallet on a network
 * (`chain`, `network`, `address`), or an exchange account (`chain` 'exchange', `network` the connector,
 * `address` the account name).
 */
export interface IdempotencyScope {
  chain: string;
  network: string;
  address: string;
}

/** The scope of an exchange account's keys (orders). */
export const exchangeAccountScope = (connector: string, account: string): IdempotencyScope => ({ chain: 'exchange', network: connector, address: account });

/**
 * How long a request holds its key while it runs. A concurrent request with the same key waits for
 * its answer while the claim holds; a claim left by a request that never finished (its isolate died)
 * lapses after this, and the retry then runs again. Longer than any money-moving request takes.
 */
const CLAIM_MS = 60_000;
/** How often a waiting request looks for the first one's answer: soon, then less often. */
const WAIT_POLL_MS = { first: 25, max: 500 };

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
 * The one idempotency mechanism of every money-moving route. Runs `work` once per key, as Stripe does:
 * the first request claims the key for its fingerprint and its answer is kept; the same request again
 * gets that answer without running anything (so a swap retried after it used up an exact allowance is
 * not refused); another request with the key is a 409. The same request sent while the first still
 * runs waits for the first's answer, so N concurrent identical requests get N identical answers. A
 * first request that failed releases the key without an answer: its retry runs again, and the effect's
 * own record (the signer's transaction, the exchange order, both written under the key before
 * anything leaves) answers with what was already sent, never a second one.
 */
export async function runOnce<T>(env: Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>, scope: IdempotencyScope, request: IdempotentRequest | undefined, work: () => Promise<T>): Promise<T> {
  // Awaited: workerd reports a rejected promise handed up through `return` as unhandled.
  if (!request) return await work();
  const db = getDb(env);
  const where = and(eq(idempotencyKeys.chain, scope.chain), eq(idempotencyKeys.network, scope.network), eq(idempotencyKeys.address, scope.address), eq(idempotencyKeys.key, request.key));
  for (let poll = WAIT_POLL_MS.first; ; poll = Math.min(poll * 2, WAIT_POLL_MS.max)) {
    const claimUntil = new Date(Date.now() + CLAIM_MS);
    // Claimed when new, or when this request's earlier run ended without an answer (failed, or its claim lapsed).
    const [claimed] = await db
      .insert(idempotencyKeys)
      .values({ ...scope, key: request.key, fingerprint: request.fingerprint, claimedUntil: claimUntil })
      .onConflictDoUpdate({
        target: [idempotencyKeys.chain, idempotencyKeys.network, idempotencyKeys.address, idempotencyKeys.key],
        set: { claimedUntil: claimUntil },
        setWhere: sql`${idempotencyKeys.response} is null and ${idempotencyKeys.fingerprint} = ${request.fingerprint} and (${idempotencyKeys.claimedUntil} is null or ${idempotencyKeys.claimedUntil} < now())`,
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed) break;
    const [previous] = await db.select({ fingerprint: idempotencyKeys.fingerprint, response: idempotencyKeys.response }).from(idempotencyKeys).where(where);
    if (previous.fingerprint !== request.fingerprint) throw new IdempotencyKeyReusedError();
    if (previous.response !== null) return previous.response as T;
    // The same request is running: its answer comes soon.
    await new Promise((resolve) => setTimeout(resolve, poll));
  }
  let response: T;
  try {
    response = await work();
  } catch (error) {
    await db.update(idempotencyKeys).set({ claimedUntil: null }).where(where);
    throw error;
  }
  await db.update(idempotencyKeys).set({ response, answeredAt: new Date(), claimedUntil: null }).where(where);
  return response;
}
