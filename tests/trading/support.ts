import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '../../lib/db/client';
import { orders } from '../../lib/db/schema';
import { exchangeSession } from '../../lib/exchanges/session-client';
import type { DevAccount } from '../../tools/exchange/dev-accounts';
import { api } from '../support/http';

/** A new account holding `dev`'s keys for `connector` (binance or binance_perpetual). */
export async function accountWithKeys(dev: DevAccount, connector: 'binance' | 'binance_perpetual' = 'binance'): Promise<string> {
  const name = `trader_${crypto.randomUUID().slice(0, 8)}`;
  expect((await api(`/accounts/add-account?account_name=${name}`, { method: 'POST' })).status).toBe(201);
  const added = await api(`/accounts/add-credential/${name}/${connector}`, { body: { [`${connector}_api_key`]: dev.apiKey, [`${connector}_api_secret`]: dev.apiSecret } });
  expect(added.status).toBe(201);
  return name;
}

/** The local exchange's last price of a symbol (spot, or USD-M with `futures`). */
export async function lastPrice(symbol: string, futures = false): Promise<number> {
  const path = futures ? 'fapi.binance.com/fapi/v1/ticker/price' : 'api.binance.com/api/v3/ticker/price';
  const response = await fetch(`${env.TEST_EXCHANGE_URL}/${path}?symbol=${symbol}`);
  return Number((await response.json<{ price: string }>()).price);
}

/** Runs the account's exchange session alarm now, if one is due: one round of following its orders. */
export async function followOrders(account: string, connector = 'binance'): Promise<boolean> {
  return runDurableObjectAlarm(exchangeSession(env, connector, account));
}

export interface OrderRow {
  order_id: string;
  status: string;
  amount: number;
  price: number | null;
  filled_amount: number;
  average_fill_price: number | null;
  fee_paid: number | null;
  fee_currency: string | null;
  exchange_order_id: string | null;
  error_message: string | null;
  trading_pair: string;
}

export interface Page<T> {
  data: T[];
  pagination: { limit: number; has_more: boolean; next_cursor: string | null; total_count: number };
}

/** The account's order by client order id, as `/trading/orders/search` lists it. */
export async function orderOf(account: string, orderId: string): Promise<OrderRow | undefined> {
  const page = await (await api('/trading/orders/search', { body: { account_names: [account], limit: 1000 } })).json<Page<OrderRow>>();
  return page.data.find((order) => order.order_id === orderId);
}

export const placeOrder = (body: Record<string, unknown>, headers?: Record<string, string>) => api('/trading/orders', { body, headers });

/**
 * The order's row once it is final, read from Postgres every 20 ms (nothing reaches the exchange), or
 * its last state after `timeoutMs`. With `runAlarm`, the session's alarm is run between reads (polling).
 */
export async function finalOrder(account: string, orderId: string, { timeoutMs = 10_000, runAlarm = false, connector = 'binance' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (runAlarm) await followOrders(account, connector);
    const [row] = await getDb(env).select().from(orders).where(eq(orders.clientOrderId, orderId));
    if (['FILLED', 'CANCELLED', 'FAILED'].includes(row?.status) || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, runAlarm ? 200 : 20));
  }
}

/** A row of `POST /trading/trades`, as the client reads it. */
export interface TradeRow {
  trade_id: string;
  order_id: string;
  amount: number;
  price: number;
  fee_paid: number;
  fee_currency: string;
}

/** The account's recorded trades, newest first. */
export const tradesOf = async (account: string) => (await (await api('/trading/trades', { body: { account_names: [account] } })).json<Page<TradeRow>>()).data;
