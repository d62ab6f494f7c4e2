// A real crash, not a simulated one: the whole product started as `npm run dev` starts it, an order
// placement cut by killing `wrangler dev` (SIGKILL, by PID) after the exchange accepted the order and
// before Colibri recorded the exchange's answer, then the product started again. Runs in Node (the
// tools project): it drives processes, not a worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ACCOUNTS } from '../../tools/exchange/dev-accounts';
import { startPostgres, type LocalPostgres } from '../../tools/postgres';
import { startStack, type Stack } from '../../tools/stack';

const CREDENTIALS = { USERNAME: 'admin', PASSWORD: 'crash-test', API_KEY: 'crash-test-key', MASTER_KEY: 'crash-test-master-key', GATEWAY_PASSPHRASE: 'crash-test-passphrase' };
const trader = DEV_ACCOUNTS[3];

let postgres: LocalPostgres;
let stack: Stack;
let stateDir: string;

const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${stack.baseUrl}${path}`, { method, headers: { authorization: stack.authorization, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
};
const exchangeControl = async <T>(method: 'GET' | 'POST', path: string) => (await (await fetch(`${stack.exchange.url}/__local/${path}`, { method })).json()) as T;

/** What the exchange itself lists of the trader's spot orders on a symbol (signed as Binance signs). */
async function exchangeOrders(symbol: string): Promise<{ clientOrderId: string; status: string }[]> {
  const { createHmac } = await import('node:crypto');
  const query = new URLSearchParams({ symbol, timestamp: String(Date.now()) });
  query.set('signature', createHmac('sha256', trader.apiSecret).update(query.toString()).digest('hex'));
  const response = await fetch(`${stack.exchange.url}/api.binance.com/api/v3/allOrders?${query}`, { headers: { 'X-MBX-APIKEY': trader.apiKey } });
  return (await response.json()) as { clientOrderId: string; status: string }[];
}

async function rowsOf(account: string): Promise<{ client_order_id: string; status: string; exchange_order_id: string | null }[]> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return (await client.query('select client_order_id, status, exchange_order_id from orders where account_name = $1', [account])).rows;
  } finally {
    await client.end();
  }
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'colibri-crash-'));
  postgres = await startPostgres();
  stack = await startStack({ databaseUrl: postgres.url, stateDir, credentials: CREDENTIALS, wranglerOutput: 'ignore' });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await postgres?.stop();
  rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

describe('wrangler dev killed between the exchange accepting an order and Colibri recording its answer', () => {
  it('recovers the order once after a restart: one order on the exchange, one row, OPEN with its exchange order id', { timeout: 300_000 }, async () => {
    const account = `crash_${Date.now()}`;
    expect((await api('POST', `/accounts/add-account?account_name=${account}`)).status).toBe(201);
    expect((await api('POST', `/accounts/add-credential/${account}/binance`, { binance_api_key: trader.apiKey, binance_api_secret: trader.apiSecret })).status).toBe(201);
    const { price } = (await (await fetch(`${stack.exchange.url}/api.binance.com/api/v3/ticker/price?symbol=BTCUSDT`)).json()) as { price: string };
    const order = { account_name: account, connector_name: 'binance', trading_pair: 'BTC-USDT', trade_type: 'BUY', amount: 0.001, order_type: 'LIMIT', price: Math.round(Number(price) * 0.5) };

    // No user data stream either: its report of the new order would record it before the kill.
    await exchangeControl('POST', 'user-data/outage');
    await exchangeControl('POST', 'orders/hold-next');
    const placing = api('POST', '/trading/orders', order).catch((error: unknown) => error);
    // The exchange has the order on its book; its answer has not left.
    expect((await until(() => exchangeControl<{ held: number }>('GET', 'orders/held'), (held) => held.held === 1, 60_000)).held).toBe(1);
    process.kill(-stack.wranglerPid(), 'SIGKILL');
    expect(await placing).toBeInstanceOf(Error);
    await exchangeControl('POST', 'orders/release');
    await exchangeControl('POST', 'user-data/restore');

    // What the cut left: the row written before sending, without the exchange's answer.
    const [cut] = await rowsOf(account);
    expect(cut).toMatchObject({ status: 'SUBMITTED', exchange_order_id: null });
    expect(await exchangeOrders('BTCUSDT')).toEqual([expect.objectContaining({ clientOrderId: cut.client_order_id, status: 'NEW' })]);

    // Started again: the account's session alarm (kept in wrangler's state) recovers the order by its client order id.
    await stack.restartWrangler();
    const rows = await until(() => rowsOf(account), (found) => found[0]?.status !== 'SUBMITTED', 120_000);
    expect(rows).toEqual([{ client_order_id: cut.client_order_id, status: 'OPEN', exchange_order_id: expect.any(String) }]);
    // The trader's only order on this fresh exchange: placed once, never again on recovery.
    expect(await exchangeOrders('BTCUSDT')).toEqual([expect.objectContaining({ clientOrderId: cut.client_order_id, status: 'NEW' })]);
  });
});
