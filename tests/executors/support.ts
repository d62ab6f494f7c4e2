import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { expect } from 'vitest';
import { executorOrderTag } from '../../lib/executors/runtime/client-order-id';
import { api } from '../support/http';
import type { OrderRow, Page } from '../trading/support';

// Live executors through the edge, against the local exchange: create, step, and move the price.

export interface ExecutorAnswer {
  executor_id: string;
  status: string;
  close_type: string | null;
  side: string | null;
  net_pnl_quote: number;
  net_pnl_pct: number;
  cum_fees_quote: number;
  filled_amount_quote: number;
  custom_info: Record<string, unknown>;
}

export async function createExecutor(config: Record<string, unknown>, account: string, controllerId?: string) {
  return api('/executors/', { body: { executor_config: config, account_name: account, ...(controllerId ? { controller_id: controllerId } : {}) } });
}

export async function startExecutor(config: Record<string, unknown>, account: string, controllerId?: string): Promise<string> {
  const response = await createExecutor(config, account, controllerId);
  const body = await response.json<{ executor_id: string }>();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.executor_id;
}

export async function executor(executorId: string): Promise<ExecutorAnswer> {
  const response = await api(`/executors/${executorId}`);
  expect(response.status).toBe(200);
  return response.json<ExecutorAnswer>();
}

export const runtimeOf = (executorId: string) => env.EXECUTORS.get(env.EXECUTORS.idFromName(executorId));

/** Runs the executor's alarm (one step) now, if one is set. */
export const step = (executorId: string) => runDurableObjectAlarm(runtimeOf(executorId));

/** Steps the executor until `done` holds of it (or `steps` steps passed), and returns it. */
export async function stepUntil(executorId: string, done: (answer: ExecutorAnswer) => boolean, steps = 150): Promise<ExecutorAnswer> {
  let answer = await executor(executorId);
  for (let i = 0; i < steps && !done(answer); i++) {
    await step(executorId);
    // Fills arrive from the user data stream between steps.
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await executor(executorId);
  }
  return answer;
}

export const terminated = (answer: ExecutorAnswer) => answer.status === 'TERMINATED';

/** Moves the local exchange's price of a USDT symbol (spot and USD-M) to `price`, or back to its seeded path. */
export async function movePrice(symbol: string, price?: number): Promise<number> {
  const response = await fetch(`${env.TEST_EXCHANGE_URL}/__local/price`, { method: 'POST', body: JSON.stringify(price === undefined ? { symbol } : { symbol, price: String(price) }) });
  expect(response.status).toBe(200);
  const moved = Number((await response.json<{ price: number }>()).price);
  // The market maker re-quotes at its next interval: until then the book still shows the old price.
  for (;;) {
    const book = await (await fetch(`${env.TEST_EXCHANGE_URL}/api.binance.com/api/v3/depth?symbol=${symbol}&limit=5`)).json<{ bids: [string, string][] }>();
    if (book.bids.length && Math.abs(Number(book.bids[0][0]) / moved - 1) < 0.002) return moved;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The executor's orders as the exchange session recorded them (their client ids carry the executor's tag). */
export async function executorOrdersOf(account: string, executorId: string): Promise<OrderRow[]> {
  const tag = await executorOrderTag(executorId);
  const page = await (await api('/trading/orders/search', { body: { account_names: [account], limit: 1000 } })).json<Page<OrderRow>>();
  return page.data.filter((order) => order.order_id.startsWith(tag));
}

/** An order's fee in quote, as the exchange charged it (in the received asset on spot). */
export function feeInQuote(order: OrderRow): number {
  const [base] = order.trading_pair.split('-');
  return order.fee_currency === base ? (order.fee_paid ?? 0) * (order.average_fill_price ?? 0) : (order.fee_paid ?? 0);
}
