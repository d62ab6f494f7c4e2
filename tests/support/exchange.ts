import { env } from 'cloudflare:test';
import type { DevAccount } from '../../tools/exchange/dev-accounts';

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * A signed request straight to the local exchange as `account` (not through Colibri): what the
 * exchange itself says, to check Colibri's records against. `path` is the published host and path,
 * e.g. `api.binance.com/api/v3/myTrades`.
 */
export async function exchangeAsDev<T = unknown>(account: DevAccount, method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string | number> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries({ ...params, timestamp: Date.now() }).map(([key, value]): [string, string] => [key, String(value)]));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(account.apiSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  query.set('signature', hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(query.toString()))));
  const response = await fetch(`${env.TEST_EXCHANGE_URL}/${path}?${query}`, { method, headers: { 'X-MBX-APIKEY': account.apiKey } });
  const body = await response.json<T>();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A control call to the local exchange (`/__local/...`). */
export const exchangeControl = (path: string) => fetch(`${env.TEST_EXCHANGE_URL}/__local/${path}`, { method: 'POST' });

/** The REST requests (`METHOD host/path`) the local exchange received under `account`'s API key so far, oldest first. */
export const exchangeRequestsOf = async (account: DevAccount) =>
  (await (await fetch(`${env.TEST_EXCHANGE_URL}/__local/requests?apiKey=${account.apiKey}`)).json<{ requests: string[] }>()).requests;
