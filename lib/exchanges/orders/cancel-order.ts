import { and, eq, inArray } from 'drizzle-orm';
import { OrderNotFound } from '../../../node_modules/ccxt/js/src/base/errors.js';
import { getDb } from '../../db/client';
import { orders } from '../../db/schema';
import type { TradingContext } from './context';
import { ActiveOrderNotFoundError } from './errors';
import { findMarket } from './find-market';
import { ACTIVE_STATUSES, recordOrder } from './record-order';

/**
 * Cancels an active order of the account by its client order id and records the exchange's answer
 * (with any fills it had). An order that ended before the cancel reached it is recorded as it ended,
 * and the cancel answers 404, as for any order that is not active.
 */
export async function cancelOrder(context: TradingContext, clientOrderId: string): Promise<void> {
  const db = getDb(context.env);
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.clientOrderId, clientOrderId), eq(orders.accountName, context.account), eq(orders.connectorName, context.connector.name), inArray(orders.status, ACTIVE_STATUSES)));
  if (!row) throw new ActiveOrderNotFoundError(clientOrderId);
  const symbol = findMarket(context, row.tradingPair).symbol;
  try {
    await recordOrder(context, row, await context.exchange.cancelOrder(row.exchangeOrderId ?? clientOrderId, symbol, { clientOrderId }));
  } catch (error) {
    if (!(error instanceof OrderNotFound)) throw error;
    await recordOrder(context, row, await context.exchange.fetchOrder(row.exchangeOrderId ?? clientOrderId, symbol, { clientOrderId }));
    throw new ActiveOrderNotFoundError(clientOrderId);
  }
}
