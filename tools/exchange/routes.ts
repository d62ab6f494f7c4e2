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
