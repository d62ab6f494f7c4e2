import { and, eq } from 'drizzle-orm';
import type { Order, Trade } from '../../../node_modules/ccxt/js/src/base/types.js';
import { getDb } from '../../db/client';
import { orders, type OrderStatus } from '../../db/schema';
import type { TradingContext } from './context';
import { recordOrder } from './record-order';

/** An order's fields in Binance's executionReport (spot) and ORDER_TRADE_UPDATE's `o` (USD-M). */
interface OrderEventFields {
  s: string;
  c: string;
  /** Spot: the original client order id when `c` is a cancel request's own id. */
  C?: string;
  X: string;
  x: string;
  i: number;
  z: string;
  l: string;
  L: string;
  n?: string;
  N?: string | null;
  t: number;
  T: number;
  /** Spot: cumulative quote quantity; USD-M: `ap`, the average price. */
  Z?: string;
  ap?: string;
}

// Binance's order statuses as CCXT names them (then mapped to Hummingbot's by recordOrder).
const CCXT_STATUS: Record<string, Order['status']> = {
  NEW: 'open',
  PARTIALLY_FILLED: 'open',
  PENDING_CANCEL: 'open',
  FILLED: 'closed',
  CANCELED: 'canceled',
  EXPIRED: 'expired',
  EXPIRED_IN_MATCH: 'expired',
  REJECTED: 'rejected',
};

function orderFields(event: Record<string, unknown>): OrderEventFields | undefined {
  if (event.e === 'executionReport') return event as unknown as OrderEventFields;
  if (event.e === 'ORDER_TRADE_UPDATE' && typeof event.o === 'object' && event.o !== null) return event.o as OrderEventFields;
  return undefined;
}

/** The event as the CCXT order recordOrder takes: status, cumulative fill and, for a fill, its trade. */
function eventOrder(context: TradingContext, fields: OrderEventFields): Order {
  const { exchange } = context;
  const symbol = exchange.safeSymbol(fields.s, undefined, undefined, context.connector.marketType);
  const filled = Number(fields.z);
  const average = fields.ap !== undefined ? Number(fields.ap) : filled > 0 && fields.Z !== undefined ? Number(fields.Z) / filled : undefined;
  const trades: Partial<Trade>[] =
    fields.x === 'TRADE'
      ? [{ id: String(fields.t), order: String(fields.i), symbol, timestamp: fields.T, amount: Number(fields.l), price: Number(fields.L), fee: { cost: Number(fields.n ?? 0), currency: fields.N ? exchange.safeCurrencyCode(fields.N) : undefined } }]
      : [];
  return { id: String(fields.i), symbol, status: CCXT_STATUS[fields.X] ?? 'open', filled, average: average || undefined, trades } as unknown as Order;
}

/**
 * Writes one user data stream event to the order it is about: status, cumulative fill and the fill it
 * reports (with its exchange trade id and fee). Events of orders this account and connector did not
 * place (the same exchange keys used elsewhere) are ignored. Returns the order's status, if it was one of ours.
 */
export async function applyUserEvent(context: TradingContext, event: Record<string, unknown>): Promise<OrderStatus | undefined> {
  const fields = orderFields(event);
  if (!fields) return undefined;
  const clientOrderId = fields.C || fields.c;
  const [row] = await getDb(context.env)
    .select()
    .from(orders)
    .where(and(eq(orders.accountName, context.account), eq(orders.connectorName, context.connector.name), eq(orders.clientOrderId, clientOrderId)));
  if (!row) return undefined;
  return recordOrder(context, row, eventOrder(context, fields));
}
