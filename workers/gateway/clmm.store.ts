import { and, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '../../lib/db/client';
import { gatewayClmmEvents, gatewayClmmPositions } from '../../lib/db/schema';
import type { RouterEnv } from '../../lib/env';
import type { ClmmPositionSearchSchema } from '../../schemas/gateway';
import type { z } from '@hono/zod-openapi';

export type PositionRecord = typeof gatewayClmmPositions.$inferSelect;
export type EventRecord = typeof gatewayClmmEvents.$inferSelect;
export type EventType = EventRecord['eventType'];
type NewEvent = Omit<typeof gatewayClmmEvents.$inferInsert, 'id' | 'positionId' | 'status' | 'eventType'>;

const p = gatewayClmmPositions;
const e = gatewayClmmEvents;

/** A position and its OPEN event, written together in one round trip (one transaction). */
export async function recordOpen(env: RouterEnv, position: Omit<typeof p.$inferInsert, 'id'>, event: NewEvent): Promise<void> {
  const db = getDb(env);
  const id = crypto.randomUUID();
  await db.batch([
    db.insert(p).values({ id, ...position }),
    db.insert(e).values({ id: crypto.randomUUID(), positionId: id, status: 'SUBMITTED', ...event, eventType: 'OPEN' }).onConflictDoNothing(),
  ]);
}

/**
 * An event of a position opened through `/gateway/clmm/open`, in one statement: positions opened
 * elsewhere are not tracked, so nothing is written for them (answers false).
 */
export async function recordEvent(env: RouterEnv, position: { network: string; connector: string; positionAddress: string }, event: NewEvent & { eventType: EventType }): Promise<boolean> {
  const rows = await getDb(env).execute(sql`
    insert into ${e} (id, position_id, transaction_hash, event_type, base_token_amount, quote_token_amount, base_fee_collected, quote_fee_collected, gas_fee, gas_token, status, error_message)
    select ${crypto.randomUUID()}, ${p.id}, ${event.transactionHash}, ${event.eventType}, ${event.baseTokenAmount ?? null}, ${event.quoteTokenAmount ?? null},
           ${event.baseFeeCollected ?? null}, ${event.quoteFeeCollected ?? null}, ${event.gasFee ?? null}, ${event.gasToken ?? null}, 'SUBMITTED', ${event.errorMessage ?? null}
    from ${p} where ${p.network} = ${position.network} and ${p.connector} = ${position.connector} and ${p.positionAddress} = ${position.positionAddress}
    on conflict do nothing
    returning id`);
  return rows.rows.length > 0;
}

/** A position's events (newest first) by its address; undefined when no tracked position has it. One query. */
export async function positionEvents(env: RouterEnv, positionAddress: string, filter: { eventType?: EventType; limit: number }): Promise<{ events: EventRecord[]; total: number } | undefined> {
  const joined = and(eq(e.positionId, p.id), filter.eventType ? eq(e.eventType, filter.eventType) : undefined);
  const rows = await getDb(env)
    .select({ event: e, total: sql<number>`count(${e.id}) over ()`.mapWith(Number) })
    .from(p)
    .leftJoin(e, joined)
    .where(eq(p.positionAddress, positionAddress))
    .orderBy(desc(e.timestamp), desc(e.id))
    .limit(filter.limit);
  if (!rows.length) return undefined;
  const events = rows.map((row) => row.event).filter((event): event is EventRecord => event !== null);
  return { events, total: events.length ? rows[0].total : 0 };
}

/** Sums of a position's confirmed events, as exact decimal strings. */
export interface EventSums {
  depositedBase: string;
  depositedQuote: string;
  withdrawnBase: string;
  withdrawnQuote: string;
  feesBase: string;
  feesQuote: string;
}

const sum = (column: AnyColumn, types?: EventType[]) =>
  sql<string>`coalesce(sum(${column}) filter (where ${e.status} = 'CONFIRMED'${types ? sql` and ${e.eventType} in (${sql.join(types.map((type) => sql`${type}`), sql`, `)})` : sql``}), 0)`;

/** A page of positions (newest first) with their event sums and the total count: one query. */
export async function searchPositions(env: RouterEnv, filter: z.infer<typeof ClmmPositionSearchSchema>): Promise<{ positions: (PositionRecord & { sums: EventSums })[]; total: number }> {
  const db = getDb(env);
  const sums = db
    .select({
      positionId: e.positionId,
      depositedBase: sum(e.baseTokenAmount, ['OPEN', 'ADD_LIQUIDITY']).as('deposited_base'),
      depositedQuote: sum(e.quoteTokenAmount, ['OPEN', 'ADD_LIQUIDITY']).as('deposited_quote'),
      withdrawnBase: sum(e.baseTokenAmount, ['REMOVE_LIQUIDITY', 'CLOSE']).as('withdrawn_base'),
      withdrawnQuote: sum(e.quoteTokenAmount, ['REMOVE_LIQUIDITY', 'CLOSE']).as('withdrawn_quote'),
      feesBase: sum(e.baseFeeCollected).as('fees_base'),
      feesQuote: sum(e.quoteFeeCollected).as('fees_quote'),
    })
    .from(e)
    .groupBy(e.positionId)
    .as('sums');
  const conditions: (SQL | undefined)[] = [
    filter.network ? eq(p.network, filter.network) : undefined,
    filter.connector ? eq(p.connector, filter.connector) : undefined,
    filter.wallet_address ? sql`lower(${p.walletAddress}) = ${filter.wallet_address.toLowerCase()}` : undefined,
    filter.trading_pair ? eq(p.tradingPair, filter.trading_pair) : undefined,
    filter.status ? eq(p.status, filter.status) : undefined,
    filter.position_addresses?.length ? inArray(p.positionAddress, filter.position_addresses) : undefined,
  ];
  const rows = await db
    .select({
      position: p,
      sums: { depositedBase: sums.depositedBase, depositedQuote: sums.depositedQuote, withdrawnBase: sums.withdrawnBase, withdrawnQuote: sums.withdrawnQuote, feesBase: sums.feesBase, feesQuote: sums.feesQuote },
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(p)
    .leftJoin(sums, eq(sums.positionId, p.id))
    .where(and(...conditions))
    .orderBy(desc(p.createdAt), desc(p.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const zero = '0';
  return {
    positions: rows.map((row) => ({
      ...row.position,
      sums: {
        depositedBase: row.sums?.depositedBase ?? zero,
        depositedQuote: row.sums?.depositedQuote ?? zero,
        withdrawnBase: row.sums?.withdrawnBase ?? zero,
        withdrawnQuote: row.sums?.withdrawnQuote ?? zero,
        feesBase: row.sums?.feesBase ?? zero,
        feesQuote: row.sums?.feesQuote ?? zero,
      },
    })),
    total: rows[0]?.total ?? 0,
  };
}
