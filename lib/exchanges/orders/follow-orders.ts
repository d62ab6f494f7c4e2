import { and, eq, inArray } from 'drizzle-orm';
import type { Order } from '../../../node_modules/ccxt/js/src/base/types.js';
import { getDb } from '../../db/client';
import { orders, type OrderStatus } from '../../db/schema';
import { log } from '../../log';
import type { TradingContext } from './context';
import { findMarket } from './find-market';
import { recordOrder, ACTIVE_STATUSES, FINAL_STATUSES } from './record-order';
import { recoverOrder } from './recover-order';

/**
 * One round of following the account's active orders to a final state. Interrupted placements are
 * recovered first; then, per pair, one request lists the exchange's open orders, and only the orders
 * that left that list or filled more since last time are asked for (and their fills recorded). With
 * `streaming` (the user data stream delivers every change), only interrupted placements are looked at.
 * Returns how many orders are still active.
 */
export async function followOrders(context: TradingContext, { streaming = false } = {}): Promise<number> {
  const db = getDb(context.env);
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.accountName, context.account), eq(orders.connectorName, context.connector.name), inArray(orders.status, ACTIVE_STATUSES)));
  let active = 0;
  const byPair = new Map<string, typeof rows>();
  for (const row of rows) {
    if (row.exchangeOrderId !== null && streaming) active += 1;
    else if (row.exchangeOrderId !== null) byPair.set(row.tradingPair, [...(byPair.get(row.tradingPair) ?? []), row]);
    else if (context.placing.has(row.clientOrderId)) active += 1;
    else if (!FINAL_STATUSES.includes(await settle(() => recoverOrder(context, row)))) active += 1;
  }
  for (const [pair, pairRows] of byPair) {
    const symbol = findMarket(context, pair).symbol;
    const open = new Map<string, Order>();
    for (const order of await context.exchange.fetchOpenOrders(symbol)) if (order.clientOrderId) open.set(order.clientOrderId, order);
    for (const row of pairRows) {
      const listed = open.get(row.clientOrderId);
      if (listed && (listed.filled ?? 0) === Number(row.filledAmount)) {
        active += 1;
        continue;
      }
      const status = await settle(async () => recordOrder(context, row, listed ?? (await context.exchange.fetchOrder(row.exchangeOrderId!, symbol))));
      if (!FINAL_STATUSES.includes(status)) active += 1;
    }
  }
  return active;
}

/** Whether the account has any order on this connector that is not final yet (one query, no exchange request). */
export async function hasActiveOrders(context: TradingContext): Promise<boolean> {
  const [row] = await getDb(context.env)
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.accountName, context.account), eq(orders.connectorName, context.connector.name), inArray(orders.status, ACTIVE_STATUSES)))
    .limit(1);
  return row !== undefined;
}

/** One order's step; its failure is logged and leaves the order active for the next round, not the others unfollowed. */
async function settle(step: () => Promise<OrderStatus>): Promise<OrderStatus> {
  try {
    return await step();
  } catch (error) {
    log('warn', 'following an order failed; retried on the next round', { error: error instanceof Error ? error.message : String(error) });
    return 'OPEN';
  }
}
