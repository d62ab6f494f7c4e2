import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Address } from 'viem';
import { z } from 'zod';
import type { Chain } from '../config/networks';
import { getDb } from '../db/client';
import { quotes } from '../db/schema';
import { BadRequestError } from '../errors';
import type { QuoteStore, RouteQuote } from './types';

/** How long a stored quote can be executed: prices move, so a few blocks. */
export const QUOTE_TTL_SECONDS = 30;

/** How long an expired quote is kept (for a client retrying late to read QUOTE_EXPIRED) before it is swept. */
export const EXPIRED_QUOTE_KEPT_SECONDS = 3600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AMOUNTS = ['amountIn', 'amountOut', 'minAmountOut', 'maxAmountIn'] as const;

/** Gateway's answer for any quote it cannot execute; `code` says why. */
export class QuoteNotFoundError extends BadRequestError {
  constructor(quoteId: string, code: 'QUOTE_NOT_FOUND' | 'QUOTE_EXPIRED' | 'QUOTE_USED') {
    super('Quote not found or expired', code, { quoteId });
  }
}

/** Base-unit amounts as decimal strings: JSON has no bigint, and money is never a float. */
function toJson(quote: RouteQuote): Record<string, unknown> {
  return { ...quote, ...Object.fromEntries(AMOUNTS.map((field) => [field, quote[field].toString()])) };
}

const evmAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/).transform((address) => address as Address);
const baseUnits = z.string().regex(/^\d+$/).transform(BigInt);
const StoredToken = z.object({ chainId: z.number().int().optional(), name: z.string(), symbol: z.string(), address: evmAddress, decimals: z.number().int() });

/** A stored quote as it was written (toJson), checked when read back: the jsonb column is not trusted blindly. */
const StoredRouteQuote = z.object({
  side: z.enum(['BUY', 'SELL']),
  tokenIn: StoredToken,
  tokenOut: StoredToken,
  amountIn: baseUnits,
  amountOut: baseUnits,
  minAmountOut: baseUnits,
  maxAmountIn: baseUnits,
  slippagePct: z.number(),
  priceImpactPct: z.number(),
  base: StoredToken,
  quote: StoredToken,
  legs: z.array(z.object({ protocol: z.enum(['v2', 'v3']), pool: evmAddress, tokenIn: evmAddress, tokenOut: evmAddress, fee: z.number().int() })),
  routePath: z.string(),
});

/** A stored quote that does not parse (written by another version, or altered) is not executed. */
function fromJson(id: string, stored: unknown): RouteQuote {
  const parsed = StoredRouteQuote.safeParse(stored);
  if (!parsed.success) throw new QuoteNotFoundError(id, 'QUOTE_NOT_FOUND');
  return parsed.data;
}

/** Deletes quotes expired for longer than EXPIRED_QUOTE_KEPT_SECONDS (the connectors worker's Cron Trigger); how many. */
export async function sweepExpiredQuotes(env: Parameters<typeof getDb>[0]): Promise<number> {
  const swept = await getDb(env)
    .delete(quotes)
    .where(lt(quotes.expiresAt, sql`now() - make_interval(secs => ${EXPIRED_QUOTE_KEPT_SECONDS})`))
    .returning({ id: quotes.id });
  return swept.length;
}

type QuoteWhere = { connector: string; chain: Chain; network: string };

/** One connector's router quotes on one network (uniswap-style routes), in Postgres: see `storedQuotes`. */
export function postgresQuoteStore(env: Parameters<typeof getDb>[0], where: QuoteWhere): QuoteStore {
  return storedQuotes<RouteQuote, Address>(env, where, { toJson, fromJson });
}

/** Quotes kept as the JSON the connector wrote: it checks their shape itself when it reads one back (Solana routers). */
export function jsonQuoteStore(env: Parameters<typeof getDb>[0], where: QuoteWhere): QuoteStore<Record<string, unknown>, string> {
  return storedQuotes(env, where, { toJson: (quote) => quote, fromJson: (_id, stored) => stored as Record<string, unknown> });
}

/**
 * One connector's router quotes on one network, in Postgres, written and read through `codec`. The
 * expiry is the database's clock, and a claim is ONE conditional UPDATE, so two concurrent executions
 * never both get the quote.
 */
function storedQuotes<Quote, WalletAddress extends string>(
  env: Parameters<typeof getDb>[0],
  where: QuoteWhere,
  codec: { toJson(quote: Quote): Record<string, unknown>; fromJson(id: string, stored: unknown): Quote },
): QuoteStore<Quote, WalletAddress> {
  const { toJson, fromJson } = codec;
  const db = getDb(env);
  const byId = (id: string) => and(eq(quotes.id, id), eq(quotes.connector, where.connector), eq(quotes.chain, where.chain), eq(quotes.network, where.network));
  return {
    async save(quote, walletAddress) {
      const [row] = await db
        .insert(quotes)
        .values({ id: crypto.randomUUID(), ...where, walletAddress, quote: toJson(quote), expiresAt: sql`now() + make_interval(secs => ${QUOTE_TTL_SECONDS})` })
        .returning({ id: quotes.id, expiresAt: quotes.expiresAt });
      return row;
    },

    async claim(id, idempotencyKey) {
      if (!UUID.test(id)) throw new QuoteNotFoundError(id, 'QUOTE_NOT_FOUND');
      const unused = and(isNull(quotes.usedAt), gt(quotes.expiresAt, sql`now()`));
      // The retry of the request that claimed it (same Idempotency-Key) gets it again: the signer then
      // answers with that request's transaction instead of sending another.
      const claimable = idempotencyKey ? or(unused, eq(quotes.idempotencyKey, idempotencyKey)) : unused;
      const [row] = await db
        .update(quotes)
        .set({ usedAt: sql`coalesce(${quotes.usedAt}, now())`, idempotencyKey: idempotencyKey ?? null })
        .where(and(byId(id), claimable))
        // now() is the statement's time: only a claim made by this statement has it.
        .returning({ quote: quotes.quote, walletAddress: quotes.walletAddress, fresh: sql<boolean>`${quotes.usedAt} = now()` });
      if (row) return { quote: fromJson(id, row.quote), walletAddress: (row.walletAddress ?? undefined) as WalletAddress | undefined, retried: !row.fresh };
      const [found] = await db.select({ usedAt: quotes.usedAt }).from(quotes).where(byId(id));
      throw new QuoteNotFoundError(id, !found ? 'QUOTE_NOT_FOUND' : found.usedAt ? 'QUOTE_USED' : 'QUOTE_EXPIRED');
    },

    async release(id) {
      await db.update(quotes).set({ usedAt: null, idempotencyKey: null }).where(byId(id));
    },

    async walletFor(id) {
      if (!UUID.test(id)) return undefined;
      const [row] = await db.select({ walletAddress: quotes.walletAddress }).from(quotes).where(byId(id));
      return (row?.walletAddress ?? undefined) as WalletAddress | undefined;
    },
  };
}
