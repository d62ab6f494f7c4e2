import { eq, sql } from 'drizzle-orm';
import type { Order, Trade } from '../../../node_modules/ccxt/js/src/base/types.js';
import { decimalText } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import { orders, trades, type OrderStatus } from '../../db/schema';
import type { TradingContext } from './context';

/** What recording needs of an order's row. */
export interface OrderRowRef {
  id: number;
  clientOrderId: string;
  tradeType: 'BUY' | 'SELL';
  tradingPair: string;
  /** Filled amount recorded so far (decimal text). */
  filledAmount: string;
}

export const FINAL_STATUSES: OrderStatus[] = ['FILLED', 'CANCELLED', 'FAILED'];
export const ACTIVE_STATUSES: OrderStatus[] = ['SUBMITTED', 'OPEN', 'PARTIALLY_FILLED', 'PENDING_CANCEL'];

/** Hummingbot API's status for a CCXT order (an exchange's EXPIRED is a cancel, as Hummingbot maps it). */
export function orderStatus(order: Pick<Order, 'status' | 'filled'>): OrderStatus {
  switch (order.status) {
    case 'closed':
      return 'FILLED';
    case 'canceled':
    case 'expired':
      return 'CANCELLED';
    case 'rejected':
      return 'FAILED';
    default:
      return (order.filled ?? 0) > 0 ? 'PARTIALLY_FILLED' : 'OPEN';
  }
}

const text = (value: number | string | undefined | null) => (value === undefined || value === null ? null : decimalText(value));

/**
 * Writes what the exchange says of an order to its row: exchange order id, status and any new fills,
 * in one transaction. Fills are inserted once per exchange trade id; filled amount, average price and
 * fees are then summed from them in Postgres (exact decimals). When the answer shows more filled than
 * recorded and carried, the fills are fetched (one request). A final status never goes back.
 */
export async function recordOrder(context: TradingContext, row: OrderRowRef, order: Order): Promise<OrderStatus> {
  const status = orderStatus(order);
  const filled = order.filled ?? 0;
  let fills: Trade[] = (order.trades ?? []).filter((trade) => trade.id !== undefined);
  // Fills recorded before plus those in this answer (a stream event carries one fill, an answer all or none).
  const covered = Number(row.filledAmount) + fills.reduce((sum, trade) => sum + (trade.amount ?? 0), 0);
  // (Binary sums of decimal fills may miss the total by an ulp: that is covered too.)
  if (filled > Number(row.filledAmount) && filled - covered > filled * 1e-12) {
    // The account's trades of that order (Binance's myTrades / userTrades take orderId, spot and USD-M alike).
    const mine = await context.exchange.fetchMyTrades(order.symbol, undefined, undefined, { orderId: order.id });
    fills = mine.filter((trade) => trade.order === undefined || trade.order === order.id);
  }

  const db = getDb(context.env);
  const tradeRows = fills.map((trade) => ({
    orderId: row.id,
    tradeId: String(trade.id),
    timestamp: new Date(trade.timestamp ?? Date.now()),
    tradingPair: row.tradingPair,
    tradeType: row.tradeType,
    amount: text(trade.amount) ?? '0',
    price: text(trade.price) ?? '0',
    feePaid: text(trade.fee?.cost) ?? '0',
    feeCurrency: trade.fee?.currency ?? null,
  }));
  const ofTrades = (aggregate: ReturnType<typeof sql>) => sql`(select ${aggregate} from ${trades} where ${trades.orderId} = ${row.id})`;
  const update = db
    .update(orders)
    .set({
      exchangeOrderId: order.id ? String(order.id) : sql`${orders.exchangeOrderId}`,
      status: sql`case when ${orders.status} in ('FILLED', 'CANCELLED', 'FAILED') then ${orders.status} else ${status} end`,
      filledAmount: sql`coalesce(${ofTrades(sql`sum(${trades.amount})`)}, ${text(filled)}::numeric)`,
      averageFillPrice: sql`coalesce(${ofTrades(sql`sum(${trades.amount} * ${trades.price}) / nullif(sum(${trades.amount}), 0)`)}, ${text(order.average)}::numeric)`,
      feePaid: sql`coalesce(${ofTrades(sql`sum(${trades.feePaid})`)}, ${text(order.fee?.cost)}::numeric)`,
      feeCurrency: sql`coalesce(${ofTrades(sql`min(${trades.feeCurrency})`)}, ${order.fee?.currency ?? null})`,
      updatedAt: sql`now()`,
    })
    .where(eq(orders.id, row.id));
  if (tradeRows.length) await db.batch([db.insert(trades).values(tradeRows).onConflictDoNothing(), update]);
  else await update;
  return status;
}
