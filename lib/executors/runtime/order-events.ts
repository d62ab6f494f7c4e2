import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orders, trades } from '../../db/schema';
import type { ExecutorEvent } from '../core';

/** What the runtime has told the core of one order it decided, so each fact reaches the core once. */
export interface SentOrder {
  ref: string;
  /** The order's number within the executor (its client order id's suffix). */
  number: number;
  clientOrderId: string;
  connector: string;
  tradingPair: string;
  /** The exchange session took the order (it has its row in `orders`); until then it is sent again each tick. */
  sent: boolean;
  accepted: boolean;
  done: boolean;
  tradeIds: string[];
  /** A cancel the core asked for, not yet taken by the exchange session. */
  cancelPending: boolean;
}

const DONE: Record<string, 'FILLED' | 'CANCELLED' | 'FAILED'> = { FILLED: 'FILLED', CANCELLED: 'CANCELLED', FAILED: 'FAILED' };

/** A fee's value in quote: as paid in quote, at the fill price in base, and 0 in a third asset the pair does not price. */
function feeInQuote(tradingPair: string, fee: number, feeAsset: string | null, price: number): number {
  const [base, quote] = tradingPair.split('-');
  if (feeAsset === null || feeAsset === quote) return fee;
  return feeAsset === base ? fee * price : 0;
}

/**
 * The events of the executor's open orders since it last looked, read from the rows the exchange
 * session writes as the user data stream (or its follower) reports them: one query, no exchange
 * request. Records what it reported in `sent`.
 */
export async function readOrderEvents(db: Db, sent: SentOrder[]): Promise<ExecutorEvent[]> {
  const open = sent.filter((order) => order.sent && !order.done);
  if (open.length === 0) return [];
  const rows = await db
    .select({
      clientOrderId: orders.clientOrderId,
      exchangeOrderId: orders.exchangeOrderId,
      status: orders.status,
      errorMessage: orders.errorMessage,
      tradeId: trades.tradeId,
      amount: trades.amount,
      price: trades.price,
      fee: trades.feePaid,
      feeAsset: trades.feeCurrency,
    })
    .from(orders)
    .leftJoin(trades, eq(trades.orderId, orders.id))
    .where(inArray(orders.clientOrderId, open.map((order) => order.clientOrderId)))
    .orderBy(asc(orders.id), asc(trades.timestamp), asc(trades.id));
  const events: ExecutorEvent[] = [];
  for (const order of open) {
    const mine = rows.filter((row) => row.clientOrderId === order.clientOrderId);
    const first = mine[0];
    if (!first) continue;
    if (!order.accepted && first.exchangeOrderId !== null) {
      order.accepted = true;
      events.push({ type: 'order_accepted', ref: order.ref, exchangeOrderId: first.exchangeOrderId });
    }
    for (const row of mine) {
      if (row.tradeId === null || order.tradeIds.includes(row.tradeId)) continue;
      order.tradeIds.push(row.tradeId);
      const price = Number(row.price);
      const fee = Number(row.fee);
      events.push({ type: 'order_filled', ref: order.ref, tradeId: row.tradeId, price, amount: Number(row.amount), fee, feeAsset: row.feeAsset ?? '', feeQuote: feeInQuote(order.tradingPair, fee, row.feeAsset, price) });
    }
    const done = DONE[first.status];
    if (done) {
      order.done = true;
      order.cancelPending = false;
      events.push({ type: 'order_done', ref: order.ref, status: done, ...(done === 'FAILED' && first.errorMessage ? { reason: first.errorMessage } : {}) });
    }
  }
  return events;
}
