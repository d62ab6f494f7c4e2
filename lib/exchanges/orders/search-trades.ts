import { and, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { TradeRow } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import { orders, trades } from '../../db/schema';
import type { RouterEnv } from '../../env';
import { keysetBelow, page, type Pagination } from './pagination';

export interface SearchTradesParameters {
  accountNames?: string[];
  connectorNames?: string[];
  tradingPairs?: string[];
  tradeTypes?: ('BUY' | 'SELL')[];
  /** Traded at or after / before, Unix ms. */
  startTime?: number;
  endTime?: number;
  limit: number;
  cursor?: string | null;
}

/** Fills from Postgres with their order's account and client order id, newest first, paged by keyset. */
export async function searchTrades(env: RouterEnv, parameters: SearchTradesParameters): Promise<{ data: TradeRow[]; pagination: Pagination }> {
  const filters: (SQL | undefined)[] = [
    parameters.accountNames?.length ? inArray(orders.accountName, parameters.accountNames) : undefined,
    parameters.connectorNames?.length ? inArray(orders.connectorName, parameters.connectorNames) : undefined,
    parameters.tradingPairs?.length ? inArray(trades.tradingPair, parameters.tradingPairs) : undefined,
    parameters.tradeTypes?.length ? inArray(trades.tradeType, parameters.tradeTypes) : undefined,
    parameters.startTime !== undefined ? gte(trades.timestamp, new Date(parameters.startTime)) : undefined,
    parameters.endTime !== undefined ? lte(trades.timestamp, new Date(parameters.endTime)) : undefined,
  ];
  const db = getDb(env);
  const [rows, [{ total }]] = await db.batch([
    db
      .select({ id: trades.id, trade: trades, clientOrderId: orders.clientOrderId, accountName: orders.accountName, connectorName: orders.connectorName })
      .from(trades)
      .innerJoin(orders, eq(orders.id, trades.orderId))
      .where(and(...filters, keysetBelow(trades.id, parameters.cursor)))
      .orderBy(desc(trades.id))
      .limit(parameters.limit + 1),
    db.select({ total: count() }).from(trades).innerJoin(orders, eq(orders.id, trades.orderId)).where(and(...filters)),
  ]);
  const { rows: shown, pagination } = page(rows, parameters.limit, total);
  return {
    data: shown.map(({ trade, clientOrderId, accountName, connectorName }) => ({
      trade_id: trade.tradeId,
      order_id: clientOrderId,
      account_name: accountName,
      connector_name: connectorName,
      trading_pair: trade.tradingPair,
      trade_type: trade.tradeType,
      amount: Number(trade.amount),
      price: Number(trade.price),
      fee_paid: Number(trade.feePaid),
      fee_currency: trade.feeCurrency,
      timestamp: trade.timestamp.toISOString(),
    })),
    pagination,
  };
}
