import { and, count, desc, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { OrderRow } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import type { RouterEnv } from '../../env';
import { orders, type OrderStatus } from '../../db/schema';
import { keysetBelow, page, toNumber, type Pagination } from './pagination';
import { ACTIVE_STATUSES } from './record-order';

export interface SearchOrdersParameters {
  accountNames?: string[];
  connectorNames?: string[];
  tradingPairs?: string[];
  /** One status, or every active one (`active`). */
  status?: OrderStatus | 'active';
  /** Created at or after / before, Unix ms. */
  startTime?: number;
  endTime?: number;
  limit: number;
  cursor?: string | null;
}

export const orderRow = (row: typeof orders.$inferSelect): OrderRow => ({
  order_id: row.clientOrderId,
  account_name: row.accountName,
  connector_name: row.connectorName,
  trading_pair: row.tradingPair,
  trade_type: row.tradeType,
  order_type: row.orderType,
  amount: Number(row.amount),
  price: toNumber(row.price),
  status: row.status,
  filled_amount: Number(row.filledAmount),
  average_fill_price: toNumber(row.averageFillPrice),
  fee_paid: toNumber(row.feePaid),
  fee_currency: row.feeCurrency,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
  exchange_order_id: row.exchangeOrderId,
  error_message: row.errorMessage,
});

/** Orders from Postgres, newest first, filtered and paged by keyset. */
export async function searchOrders(env: RouterEnv, parameters: SearchOrdersParameters): Promise<{ data: OrderRow[]; pagination: Pagination }> {
  const filters: (SQL | undefined)[] = [
    parameters.accountNames?.length ? inArray(orders.accountName, parameters.accountNames) : undefined,
    parameters.connectorNames?.length ? inArray(orders.connectorName, parameters.connectorNames) : undefined,
    parameters.tradingPairs?.length ? inArray(orders.tradingPair, parameters.tradingPairs) : undefined,
    parameters.status === 'active' ? inArray(orders.status, ACTIVE_STATUSES) : parameters.status ? inArray(orders.status, [parameters.status]) : undefined,
    parameters.startTime !== undefined ? gte(orders.createdAt, new Date(parameters.startTime)) : undefined,
    parameters.endTime !== undefined ? lte(orders.createdAt, new Date(parameters.endTime)) : undefined,
  ];
  const db = getDb(env);
  const [rows, [{ total }]] = await db.batch([
    db
      .select()
      .from(orders)
      .where(and(...filters, keysetBelow(orders.id, parameters.cursor)))
      .orderBy(desc(orders.id))
      .limit(parameters.limit + 1),
    db.select({ total: count() }).from(orders).where(and(...filters)),
  ]);
  const { rows: shown, pagination } = page(rows, parameters.limit, total);
  return { data: shown.map(orderRow), pagination };
}
