import { and, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { executors, positionHolds } from '../db/schema';

// What the `/executors` routes read: the rows the runtimes keep current, in Hummingbot API's shapes.

type ExecutorRow = typeof executors.$inferSelect;
type HoldRow = typeof positionHolds.$inferSelect;

const seconds = (date: Date) => date.getTime() / 1000;

/** An executor as Hummingbot API's routes render it: enums by name, `net_pnl_pct` a fraction. */
export function executorView(row: ExecutorRow) {
  return {
    id: row.executorId,
    executor_id: row.executorId,
    type: row.executorType,
    executor_type: row.executorType,
    account_name: row.accountName,
    controller_id: row.controllerId,
    connector_name: row.connectorName,
    trading_pair: row.tradingPair,
    side: row.side,
    status: row.status,
    close_type: row.closeType,
    timestamp: seconds(row.createdAt),
    created_at: row.createdAt.toISOString(),
    closed_at: row.closedAt?.toISOString() ?? null,
    close_timestamp: row.closedAt ? seconds(row.closedAt) : null,
    net_pnl_quote: Number(row.netPnlQuote),
    net_pnl_pct: Number(row.netPnlPct),
    cum_fees_quote: Number(row.cumFeesQuote),
    filled_amount_quote: Number(row.filledAmountQuote),
    is_active: row.status !== 'TERMINATED',
    is_trading: row.isTrading,
    config: row.config,
    custom_info: row.customInfo,
    error_count: row.errorCount,
    last_error: row.lastError,
  };
}

export async function findExecutor(db: Db, executorId: string): Promise<ExecutorRow | undefined> {
  const [row] = await db.select().from(executors).where(eq(executors.executorId, executorId));
  return row;
}

export interface ExecutorFilters {
  account_names?: string[];
  connector_names?: string[];
  trading_pairs?: string[];
  executor_types?: string[];
  status?: string;
  controller_ids?: string[];
}

/** Every value of every list counts (Hummingbot's search keeps only the first in its database query). */
function filterBy(filters: ExecutorFilters): SQL | undefined {
  const any = (column: Parameters<typeof inArray>[0], values?: string[]) => (values?.length ? inArray(column, values) : undefined);
  return and(
    any(executors.accountName, filters.account_names),
    any(executors.connectorName, filters.connector_names),
    any(executors.tradingPair, filters.trading_pairs),
    any(executors.executorType, filters.executor_types),
    any(executors.controllerId, filters.controller_ids),
    filters.status ? sql`${executors.status} = ${filters.status}` : undefined,
  );
}

/** The cursor of a row: Hummingbot's `{created_at}:{executor_id}`. */
const cursorOf = (row: ExecutorRow) => `${row.createdAt.toISOString()}:${row.executorId}`;

/** A page of executors, newest first; `cursor` continues after the row it names. */
export async function searchExecutors(db: Db, filters: ExecutorFilters & { cursor?: string; limit: number }) {
  const where = filterBy(filters);
  let after: SQL | undefined;
  if (filters.cursor) {
    const executorId = filters.cursor.slice(filters.cursor.lastIndexOf(':') + 1);
    after = lt(executors.id, sql`(select ${executors.id} from ${executors} where ${executors.executorId} = ${executorId})`);
  }
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(executors).where(and(where, after)).orderBy(desc(executors.id)).limit(filters.limit + 1),
    db.select({ total: count() }).from(executors).where(where),
  ]);
  const page = rows.slice(0, filters.limit);
  const hasMore = rows.length > filters.limit;
  return {
    data: page.map(executorView),
    pagination: { limit: filters.limit, has_more: hasMore, next_cursor: hasMore ? cursorOf(page[page.length - 1]) : null, total_count: total },
  };
}

/** Counts and sums per group over the matching rows, in one query. */
async function totals(db: Db, where: SQL | undefined) {
  return db
    .select({
      type: executors.executorType,
      connector: executors.connectorName,
      status: executors.status,
      closeType: executors.closeType,
      executors: count(),
      pnl: sql<string>`sum(${executors.netPnlQuote})`,
      volume: sql<string>`sum(${executors.filledAmountQuote})`,
    })
    .from(executors)
    .where(where)
    .groupBy(executors.executorType, executors.connectorName, executors.status, executors.closeType);
}

const tally = (into: Record<string, number>, key: string, by: number) => {
  into[key] = (into[key] ?? 0) + by;
};

export async function executorSummary(db: Db) {
  const groups = await totals(db, undefined);
  const summary = { total_active: 0, total_pnl_quote: 0, total_volume_quote: 0, by_type: {} as Record<string, number>, by_connector: {} as Record<string, number>, by_status: {} as Record<string, number> };
  for (const group of groups) {
    if (group.status !== 'TERMINATED') summary.total_active += group.executors;
    summary.total_pnl_quote += Number(group.pnl);
    summary.total_volume_quote += Number(group.volume);
    tally(summary.by_type, group.type, group.executors);
    tally(summary.by_connector, group.connector ?? 'multiple', group.executors);
    tally(summary.by_status, group.status, group.executors);
  }
  return summary;
}

/**
 * Hummingbot API's performance report over every matching row. Completed = terminated and not held
 * (rows without a close type count, which Hummingbot's SQL drops); Sharpe = mean / sample standard
 * deviation of the completed executors' PnL (not annualised, 4 decimals, null under two values or
 * no spread); by-type counts include running executors (Hummingbot's are always 0).
 */
export async function performanceReport(db: Db, controllerId?: string) {
  const where = controllerId ? eq(executors.controllerId, controllerId) : undefined;
  const completedWhere = and(where, eq(executors.status, 'TERMINATED'), sql`${executors.closeType} is distinct from 'POSITION_HOLD'`);
  const [groups, [stats], holds, active] = await Promise.all([
    totals(db, where),
    db
      .select({
        completed: count(),
        pnl: sql<string>`coalesce(sum(${executors.netPnlQuote}), 0)`,
        fees: sql<string>`coalesce(sum(${executors.cumFeesQuote}), 0)`,
        volume: sql<string>`coalesce(sum(${executors.filledAmountQuote}), 0)`,
        pnlPct: sql<string | null>`avg(${executors.netPnlPct})`,
        wins: sql<string>`count(*) filter (where ${executors.netPnlQuote} > 0)`,
        mean: sql<string | null>`avg(${executors.netPnlQuote})`,
        std: sql<string | null>`stddev_samp(${executors.netPnlQuote})`,
      })
      .from(executors)
      .where(completedWhere),
    db.select().from(positionHolds).where(and(eq(positionHolds.status, 'ACTIVE'), controllerId ? eq(positionHolds.controllerId, controllerId) : undefined)),
    db
      .select({ pnl: sql<string>`coalesce(sum(${executors.netPnlQuote}), 0)` })
      .from(executors)
      .where(and(where, sql`${executors.status} <> 'TERMINATED'`)),
  ]);
  const byStatus: Record<string, number> = {};
  const byType: Record<string, { count: number; running: number; completed: number; pnl_quote: number; volume_quote: number }> = {};
  let total = 0;
  for (const group of groups) {
    total += group.executors;
    tally(byStatus, group.status, group.executors);
    const entry = (byType[group.type] ??= { count: 0, running: 0, completed: 0, pnl_quote: 0, volume_quote: 0 });
    entry.count += group.executors;
    if (group.status !== 'TERMINATED') entry.running += group.executors;
    else if (group.closeType !== 'POSITION_HOLD') entry.completed += group.executors;
    entry.pnl_quote += Number(group.pnl);
    entry.volume_quote += Number(group.volume);
  }
  const std = stats.std === null ? 0 : Number(stats.std);
  const holdFees = holds.reduce((sum, hold) => sum + Number(hold.cumFeesQuote), 0);
  const holdRealized = holds.reduce((sum, hold) => sum + Number(hold.realizedPnlQuote), 0);
  const unrealized = Number(active[0].pnl) - holdFees;
  const realized = Number(stats.pnl) + holdRealized;
  return {
    controller_id: controllerId ?? null,
    total_executors: total,
    completed_executors: stats.completed,
    active_executors: Object.values(byType).reduce((sum, entry) => sum + entry.running, 0),
    pnl_total_quote: Number(stats.pnl),
    fees_total_quote: Number(stats.fees),
    volume_total_quote: Number(stats.volume),
    pnl_pct_avg: stats.pnlPct === null ? null : Number(stats.pnlPct),
    win_rate: stats.completed ? Number(stats.wins) / stats.completed : null,
    sharpe_ratio: stats.completed >= 2 && std > 0 ? Math.round((Number(stats.mean) / std) * 10_000) / 10_000 : null,
    unrealized_pnl_quote: unrealized,
    realized_pnl_quote: realized,
    global_pnl_quote: realized + unrealized,
    active_positions: holds.filter((hold) => Number(hold.buyAmountBase) > 0 || Number(hold.sellAmountBase) > 0).length,
    position_hold_fees_quote: holdFees,
    by_status: byStatus,
    by_type: byType,
  };
}

/** A hold as Hummingbot API's PositionHoldResponse; unrealized PnL at `price` when one is known. */
export function positionView(hold: HoldRow, price?: number) {
  const buyBase = Number(hold.buyAmountBase);
  const sellBase = Number(hold.sellAmountBase);
  const buyQuote = Number(hold.buyAmountQuote);
  const sellQuote = Number(hold.sellAmountQuote);
  const net = buyBase - sellBase;
  const buyBreakeven = buyBase > 0 ? buyQuote / buyBase : null;
  const sellBreakeven = sellBase > 0 ? sellQuote / sellBase : null;
  let unrealized: number | null = null;
  if (price !== undefined) unrealized = net > 0 ? net * (price - (buyBreakeven ?? price)) : net < 0 ? -net * ((sellBreakeven ?? price) - price) : 0;
  return {
    trading_pair: hold.tradingPair,
    connector_name: hold.connectorName,
    account_name: hold.accountName,
    controller_id: hold.controllerId,
    buy_amount_base: buyBase,
    buy_amount_quote: buyQuote,
    sell_amount_base: sellBase,
    sell_amount_quote: sellQuote,
    net_amount_base: net,
    buy_breakeven_price: buyBreakeven,
    sell_breakeven_price: sellBreakeven,
    matched_amount_base: Math.min(buyBase, sellBase),
    unmatched_amount_base: Math.abs(net),
    position_side: net > 0 ? ('LONG' as const) : net < 0 ? ('SHORT' as const) : ('FLAT' as const),
    realized_pnl_quote: Number(hold.realizedPnlQuote),
    cum_fees_quote: Number(hold.cumFeesQuote),
    unrealized_pnl_quote: unrealized,
    executor_count: hold.executorIds.length,
    executor_ids: hold.executorIds,
    last_updated: hold.lastUpdated.toISOString(),
  };
}

export async function activeHolds(db: Db, filter: { controllerId?: string; accountName?: string; connectorName?: string; tradingPair?: string } = {}) {
  return db
    .select()
    .from(positionHolds)
    .where(
      and(
        eq(positionHolds.status, 'ACTIVE'),
        filter.controllerId ? eq(positionHolds.controllerId, filter.controllerId) : undefined,
        filter.accountName ? eq(positionHolds.accountName, filter.accountName) : undefined,
        filter.connectorName ? eq(positionHolds.connectorName, filter.connectorName) : undefined,
        filter.tradingPair ? eq(positionHolds.tradingPair, filter.tradingPair) : undefined,
      ),
    );
}

export async function clearHold(db: Db, id: number): Promise<void> {
  await db.update(positionHolds).set({ status: 'CLEARED', clearedAt: new Date() }).where(eq(positionHolds.id, id));
}
