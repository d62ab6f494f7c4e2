// The shape of a route of the local exchange: Binance's method + path, its security type and its
// request weight (as published), and a handler returning the JSON body.
import type { Account, Params, Security } from './http';

export interface RouteContext {
  params: Params;
  /** Present for every security type but NONE. */
  account?: Account;
  now: number;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Published path, e.g. /api/v3/order. */
  path: string;
  security: Security;
  weight: number | ((params: Params) => number);
  /** Places an order: the response carries the account's X-MBX-ORDER-COUNT-* headers. */
  placesOrder?: boolean;
  handle(context: RouteContext): unknown;
}

export const owner = (context: RouteContext): string => context.account!.apiKey;

/**
 * Binance's history paging (aggTrades, allOrders, myTrades, userTrades): the rows from an id
 * (`idParam`, compared with `idOf`) and within startTime..endTime; from an id or a start time the
 * first `limit` of them, otherwise the latest `limit`.
 */
export function pageHistory<T extends { time: number }>(rows: T[], params: Params, idParam: string, idOf: (row: T) => number): T[] {
  const fromId = params.integer(idParam);
  const startTime = params.integer('startTime');
  const endTime = params.integer('endTime');
  const limit = params.limit('limit', 500, 1000);
  const selected = rows.filter(
    (row) => (fromId === undefined || idOf(row) >= fromId) && (startTime === undefined || row.time >= startTime) && (endTime === undefined || row.time <= endTime),
  );
  return fromId !== undefined || startTime !== undefined ? selected.slice(0, limit) : selected.slice(-limit);
}
