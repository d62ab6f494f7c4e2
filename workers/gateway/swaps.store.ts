import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../lib/db/client';
import { gatewaySwaps } from '../../lib/db/schema';
import type { RouterEnv } from '../../lib/env';
import type { SwapRow, SwapSearchSchema, SwapSummaryQuerySchema } from '../../schemas/gateway';
import type { z } from '@hono/zod-openapi';

export type SwapRecord = typeof gatewaySwaps.$inferSelect;
type SwapFilter = Partial<z.infer<typeof SwapSearchSchema>>;

const number = (value: string | null) => (value === null ? null : Number(value));

/** A stored swap as Hummingbot API answers it: exact decimals become JSON numbers only here. */
export function swapRow(record: SwapRecord): SwapRow {
  return {
    transaction_hash: record.transactionHash,
    timestamp: record.timestamp.toISOString(),
    network: record.network,
    connector: record.connector,
    wallet_address: record.walletAddress,
    trading_pair: record.tradingPair,
    base_token: record.baseToken,
    quote_token: record.quoteToken,
    side: record.side,
    input_amount: number(record.inputAmount),
    output_amount: number(record.outputAmount),
    price: number(record.price),
    slippage_pct: number(record.slippagePct),
    gas_fee: number(record.gasFee),
    gas_token: record.gasToken,
    status: record.status,
    pool_address: record.poolAddress,
    quote_id: record.quoteId,
    error_message: record.errorMessage,
  };
}

/** Records a swap; a retried request (same hash, same Idempotency-Key) keeps the first row. */
export async function recordSwap(env: RouterEnv, values: Omit<typeof gatewaySwaps.$inferInsert, 'id'>): Promise<void> {
  await getDb(env)
    .insert(gatewaySwaps)
    .values({ id: crypto.randomUUID(), ...values })
    .onConflictDoNothing({ target: gatewaySwaps.transactionHash });
}

export async function swapByHash(env: RouterEnv, hash: string): Promise<SwapRecord | undefined> {
  const [record] = await getDb(env).select().from(gatewaySwaps).where(eq(gatewaySwaps.transactionHash, hash));
  return record;
}

function conditions(filter: SwapFilter): SQL | undefined {
  const clauses: (SQL | undefined)[] = [
    filter.network ? eq(gatewaySwaps.network, filter.network) : undefined,
    filter.connector ? eq(gatewaySwaps.connector, filter.connector) : undefined,
    filter.wallet_address ? sql`lower(${gatewaySwaps.walletAddress}) = ${filter.wallet_address.toLowerCase()}` : undefined,
    filter.trading_pair ? eq(gatewaySwaps.tradingPair, filter.trading_pair) : undefined,
    filter.status ? eq(gatewaySwaps.status, filter.status) : undefined,
    filter.start_time !== undefined ? gte(gatewaySwaps.timestamp, new Date(filter.start_time * 1000)) : undefined,
    filter.end_time !== undefined ? lte(gatewaySwaps.timestamp, new Date(filter.end_time * 1000)) : undefined,
  ];
  return and(...clauses.filter((clause): clause is SQL => clause !== undefined));
}

/** A page of swaps, newest first, with the total count: one query (a window count). */
export async function searchSwaps(env: RouterEnv, filter: SwapFilter & { limit: number; offset: number }): Promise<{ records: SwapRecord[]; total: number }> {
  const rows = await getDb(env)
    .select({ swap: gatewaySwaps, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(gatewaySwaps)
    .where(conditions(filter))
    .orderBy(desc(gatewaySwaps.timestamp), desc(gatewaySwaps.id))
    .limit(filter.limit)
    .offset(filter.offset);
  // Past the last page the window count is not there: count alone (only then, a second query).
  const total = rows[0]?.total ?? (filter.offset > 0 ? (await getDb(env).select({ total: count() }).from(gatewaySwaps).where(conditions(filter)))[0].total : 0);
  return { records: rows.map((row) => row.swap), total };
}

/** Counts by status, volume (quote token of confirmed swaps) and gas fees, summed exactly by Postgres. */
export async function summarizeSwaps(env: RouterEnv, filter: z.infer<typeof SwapSummaryQuerySchema>) {
  const s = gatewaySwaps;
  const [row] = await getDb(env)
    .select({
      total: count(),
      confirmed: sql<string>`count(*) filter (where ${s.status} = 'CONFIRMED')`,
      failed: sql<string>`count(*) filter (where ${s.status} = 'FAILED')`,
      pending: sql<string>`count(*) filter (where ${s.status} = 'SUBMITTED')`,
      volume: sql<string>`coalesce(sum(case when ${s.side} = 'BUY' then ${s.inputAmount} else ${s.outputAmount} end) filter (where ${s.status} = 'CONFIRMED'), 0)`,
      gasFees: sql<string>`coalesce(sum(${s.gasFee}), 0)`,
    })
    .from(s)
    .where(conditions(filter));
  const total = Number(row.total);
  const confirmed = Number(row.confirmed);
  return {
    total_swaps: total,
    confirmed_swaps: confirmed,
    failed_swaps: Number(row.failed),
    pending_swaps: Number(row.pending),
    success_rate: total ? confirmed / total : 0,
    total_volume: Number(row.volume),
    total_gas_fees: Number(row.gasFees),
  };
}
