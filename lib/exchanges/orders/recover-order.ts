import { and, eq, isNull, sql } from 'drizzle-orm';
import { OrderNotFound } from '../../../node_modules/ccxt/js/src/base/errors.js';
import { getDb } from '../../db/client';
import { orders, type OrderStatus } from '../../db/schema';
import type { TradingContext } from './context';
import { findMarket } from './find-market';
import { recordOrder, type OrderRowRef } from './record-order';

export const NEVER_RECEIVED = 'The exchange never received this order (its placement was interrupted before the order was sent).';

/**
 * Settles an order whose placement was interrupted between writing its row and recording the
 * exchange's answer: looked up on the exchange by its client order id and recorded if the exchange
 * has it, marked FAILED if the exchange never received it. Any other error leaves it for the next try.
 */
export async function recoverOrder(context: TradingContext, row: OrderRowRef): Promise<OrderStatus> {
  const market = findMarket(context, row.tradingPair);
  try {
    const order = await context.exchange.fetchOrder(row.clientOrderId, market.symbol, { clientOrderId: row.clientOrderId });
    return await recordOrder(context, row, order);
  } catch (error) {
    if (!(error instanceof OrderNotFound)) throw error;
    await getDb(context.env)
      .update(orders)
      .set({ status: 'FAILED', errorMessage: NEVER_RECEIVED, updatedAt: sql`now()` })
      .where(and(eq(orders.id, row.id), isNull(orders.exchangeOrderId)));
    return 'FAILED';
  }
}
