import { and, eq, sql } from 'drizzle-orm';
import type { Order, OrderType } from '../../../node_modules/ccxt/js/src/base/types.js';
import { InvalidOrder, NetworkError, OrderNotFound } from '../../../node_modules/ccxt/js/src/base/errors.js';
import { decimalText, type TradeRequest } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import { orders } from '../../db/schema';
import { ValidationError } from '../../errors';
import { IdempotencyKeyReusedError } from '../../idempotency';
import { log } from '../../log';
import { exchangeHttpError, ExchangeRateLimitedError, ExchangeUnavailableError } from '../errors';
import { newClientOrderId } from './client-order-id';
import { isPerpetual, type TradingContext } from './context';
import { OrderBelowMinimumError, OrderFailedError, OrderTypeNotSupportedError } from './errors';
import { findMarket } from './find-market';
import { lastPrice } from './last-price';
import { recordOrder } from './record-order';

export interface PlaceOrderParameters extends TradeRequest {
  /** The request's Idempotency-Key header: its retry gets this order back. */
  idempotencyKey?: string;
  /**
   * The client order id to send the order under, when the caller derives its own (an executor's, from
   * its id and order number): sending again under the same id is the same order, never a second one.
   */
  clientOrderId?: string;
}

/** Hummingbot API's answer to `POST /trading/orders`. */
export interface PlacedOrder {
  order_id: string;
  account_name: string;
  connector_name: string;
  trading_pair: string;
  trade_type: 'BUY' | 'SELL';
  amount: number;
  order_type: 'LIMIT' | 'MARKET' | 'LIMIT_MAKER';
  price: number | null;
  status: 'submitted';
}

type OrderRow = typeof orders.$inferSelect;

const placed = (row: Pick<OrderRow, 'clientOrderId' | 'accountName' | 'connectorName' | 'tradingPair' | 'tradeType' | 'amount' | 'orderType' | 'price'>): PlacedOrder => ({
  order_id: row.clientOrderId,
  account_name: row.accountName,
  connector_name: row.connectorName,
  trading_pair: row.tradingPair,
  trade_type: row.tradeType,
  amount: Number(row.amount),
  order_type: row.orderType,
  price: row.price === null ? null : Number(row.price),
  status: 'submitted',
});

/** The request as it was asked, to tell a retry from another request under the same key. */
const fingerprint = (request: TradeRequest) =>
  JSON.stringify([request.trading_pair, request.trade_type, request.amount, request.order_type, request.price ?? null, request.position_action]);

/** The amount rounded down to the pair's lot step; a 400 with the minimum when nothing is left. */
function quantizeAmount(context: TradingContext, symbol: string, pair: string, amount: string, minimum: number): string {
  try {
    return context.exchange.amountToPrecision(symbol, amount) ?? '0';
  } catch (error) {
    if (error instanceof InvalidOrder) throw new OrderBelowMinimumError('size', pair, amount, minimum);
    throw error;
  }
}

/** CCXT parameters for a perpetual order: reduce-only to close in one-way mode, the position side in hedge mode. */
async function perpetualParams(context: TradingContext, request: TradeRequest): Promise<Record<string, unknown>> {
  if (!isPerpetual(context.connector)) return {};
  if ((await context.positionMode()) === 'ONEWAY') return request.position_action === 'CLOSE' ? { reduceOnly: true } : {};
  const long = (request.trade_type === 'BUY') === (request.position_action === 'OPEN');
  return { positionSide: long ? 'LONG' : 'SHORT' };
}

/**
 * Places an order: checks it against the pair's rules, writes its row (SUBMITTED) under a new client
 * order id, sends it with that id (one exchange request when the session is warm), then records the
 * exchange's answer. With an Idempotency-Key already used for the same request, the first order is
 * returned and nothing is sent. If the answer is lost (the exchange unreachable mid-request), the
 * order is looked up by its client order id; if that fails too, the row stays SUBMITTED and the
 * session's follower finds it later.
 */
export async function placeOrder(context: TradingContext, request: PlaceOrderParameters): Promise<PlacedOrder> {
  const { connector, exchange } = context;
  const market = findMarket(context, request.trading_pair);
  if (!connector.orderTypes.includes(request.order_type)) throw new OrderTypeNotSupportedError(connector.name, request.order_type, connector.orderTypes);
  const limitPrice = request.order_type === 'MARKET' ? undefined : request.price ?? undefined;
  if (request.order_type !== 'MARKET' && limitPrice === undefined) throw new ValidationError([{ field: 'price', reason: `required for ${request.order_type} orders` }]);

  const minSize = market.limits.amount?.min ?? 0;
  const amount = quantizeAmount(context, market.symbol, request.trading_pair, request.amount, minSize);
  if (Number(amount) < minSize) throw new OrderBelowMinimumError('size', request.trading_pair, amount, minSize);
  const price = limitPrice === undefined ? null : exchange.priceToPrecision(market.symbol, limitPrice);
  const minNotional = market.limits.cost?.min ?? 0;
  // A market order is priced at the last price (this session's, or one request); closing a perpetual
  // position is exempt, as Binance exempts reduce-only orders.
  const closing = isPerpetual(connector) && request.position_action === 'CLOSE';
  const notionalPrice = price !== null ? Number(price) : minNotional > 0 && !closing ? await lastPrice(context, market.symbol) : undefined;
  if (notionalPrice !== undefined && Number(amount) * notionalPrice < minNotional) {
    throw new OrderBelowMinimumError('notional', request.trading_pair, decimalText(Number(amount) * notionalPrice), minNotional);
  }
  const params = await perpetualParams(context, request);

  const clientOrderId = request.clientOrderId ?? newClientOrderId(request.trade_type);
  // The same caller's order already on its way (a retry that overtook its first call): the first call sends it.
  if (context.placing.has(clientOrderId)) return placed({ clientOrderId, accountName: context.account, connectorName: connector.name, tradingPair: request.trading_pair, tradeType: request.trade_type, amount, orderType: request.order_type, price: price ?? null });
  const db = getDb(context.env);
  // Marked as being sent before its row exists, so the follower never takes it for an interrupted one.
  context.placing.add(clientOrderId);
  try {
    const [row] = await db
      .insert(orders)
      .values({
        clientOrderId,
        accountName: context.account,
        connectorName: connector.name,
        tradingPair: request.trading_pair,
        tradeType: request.trade_type,
        orderType: request.order_type,
        positionAction: request.position_action,
        amount,
        price,
        idempotencyKey: request.idempotencyKey ?? null,
        requestFingerprint: fingerprint(request),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return request.clientOrderId ? await sameOrder(context, request.clientOrderId, market.symbol, params) : await firstOrder(context, request);
    return await send(context, row, market.symbol, params);
  } finally {
    context.placing.delete(clientOrderId);
  }
}

/**
 * Sends the order of `row` under its client order id and records the answer. Followed from the start:
 * should the session die before the answer is recorded, its alarm recovers the order.
 */
async function send(context: TradingContext, row: OrderRow, symbol: string, params: Record<string, unknown>): Promise<PlacedOrder> {
  const { clientOrderId } = row;
  await context.follow(row.orderType !== 'MARKET');
  let order: Order;
  try {
    const type: OrderType = row.orderType === 'MARKET' ? 'market' : 'limit';
    const postOnly = row.orderType === 'LIMIT_MAKER' ? { postOnly: true } : {};
    order = await context.exchange.createOrder(symbol, type, row.tradeType === 'BUY' ? 'buy' : 'sell', Number(row.amount), row.price === null ? undefined : Number(row.price), {
      clientOrderId,
      ...postOnly,
      ...params,
    });
  } catch (error) {
    order = await afterFailedSend(context, row, symbol, error);
  }
  try {
    await recordOrder(context, { ...row, filledAmount: '0' }, order);
  } catch (error) {
    // The exchange has the order: the follower records it by its client order id.
    log('warn', 'recording a placed order failed; the follower recovers it', { clientOrderId, error: error instanceof Error ? error.message : String(error) });
  }
  return placed(row);
}

/**
 * The order already written under a caller's client order id. One this session is sending, or that the
 * exchange acknowledged, is returned as it is. One whose send was cut off (no exchange order id, not
 * being sent) is looked up on the exchange by that id, and sent under it if the exchange never got it:
 * the exchange sees one order however often the caller sends it again.
 */
async function sameOrder(context: TradingContext, clientOrderId: string, symbol: string, params: Record<string, unknown>): Promise<PlacedOrder> {
  const [row] = await getDb(context.env).select().from(orders).where(eq(orders.clientOrderId, clientOrderId));
  if (!row || row.accountName !== context.account || row.connectorName !== context.connector.name) throw new IdempotencyKeyReusedError();
  if (row.status === 'FAILED') throw new OrderFailedError(row.clientOrderId, row.errorMessage ?? 'refused by the exchange');
  if (row.exchangeOrderId !== null || row.status !== 'SUBMITTED') return placed(row);
  try {
    await recordOrder(context, row, await context.exchange.fetchOrder(clientOrderId, symbol, { clientOrderId }));
    return placed(row);
  } catch (error) {
    if (!(error instanceof OrderNotFound)) throw error;
  }
  return send(context, row, symbol, params);
}

/** The order first placed under this request's Idempotency-Key, if it was this same request. */
async function firstOrder(context: TradingContext, request: PlaceOrderParameters): Promise<PlacedOrder> {
  const [first] = await getDb(context.env)
    .select()
    .from(orders)
    .where(and(eq(orders.accountName, context.account), eq(orders.connectorName, context.connector.name), eq(orders.idempotencyKey, request.idempotencyKey ?? '')));
  if (!first || first.requestFingerprint !== fingerprint(request)) throw new IdempotencyKeyReusedError();
  if (first.status === 'FAILED') throw new OrderFailedError(first.clientOrderId, first.errorMessage ?? 'refused by the exchange');
  return placed(first);
}

/**
 * After a send that failed: the order as the exchange has it when the answer was lost on the way,
 * else the row marked FAILED and the error thrown. An order the exchange refused (or rate-limited)
 * never existed there: its Idempotency-Key is freed for rate limits and outages, so a retry places it.
 */
async function afterFailedSend(context: TradingContext, row: OrderRow, symbol: string, error: unknown): Promise<Order> {
  const db = getDb(context.env);
  const mapped = exchangeHttpError(error, context.connector.name, context.exchange.id, context.exchange.last_response_headers as Record<string, string> | undefined);
  if (error instanceof NetworkError && !(mapped instanceof ExchangeRateLimitedError)) {
    try {
      return await context.exchange.fetchOrder(row.clientOrderId, symbol, { clientOrderId: row.clientOrderId });
    } catch (lookupError) {
      // Still unknown: the row stays SUBMITTED and the follower settles it.
      if (!(lookupError instanceof OrderNotFound)) throw mapped;
    }
  }
  const message = mapped instanceof Error ? mapped.message : String(mapped);
  const retryable = mapped instanceof ExchangeRateLimitedError || mapped instanceof ExchangeUnavailableError;
  await db
    .update(orders)
    .set({ status: 'FAILED', errorMessage: message, updatedAt: sql`now()`, ...(retryable ? { idempotencyKey: null } : {}) })
    .where(eq(orders.id, row.id));
  throw mapped;
}
