// A bare Binance REST client for the local exchange's tests: signs exactly as rest-api.md says
// (hex HMAC-SHA256 of query string + body, key in X-MBX-APIKEY), so each test sees the raw answer.
import { createHmac } from 'node:crypto';
import type { DevAccount } from '../../../tools/exchange/dev-accounts';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- Binance payloads vary per route
}

type ParamValue = string | number | boolean;

export function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

export class BinanceTestClient {
  constructor(
    readonly baseUrl: string,
    readonly host: 'api.binance.com' | 'fapi.binance.com' = 'api.binance.com',
  ) {}

  async public(path: string, params: Record<string, ParamValue> = {}): Promise<RawResponse> {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    return this.send('GET', path, query, undefined, {});
  }

  /** A SIGNED request; POST/PUT send the parameters as a form body, GET/DELETE in the query string. */
  async signed(account: DevAccount, method: string, path: string, params: Record<string, ParamValue> = {}, options: { timestamp?: number; secret?: string; apiKey?: string | null } = {}): Promise<RawResponse> {
    const all = new URLSearchParams(Object.entries({ ...params, timestamp: options.timestamp ?? Date.now() }).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const signature = sign(options.secret ?? account.apiSecret, all);
    const payload = `${all}&signature=${signature}`;
    const headers: Record<string, string> = options.apiKey === null ? {} : { 'X-MBX-APIKEY': options.apiKey ?? account.apiKey };
    if (method === 'GET' || method === 'DELETE') return this.send(method, path, payload, undefined, headers);
    return this.send(method, path, '', payload, { ...headers, 'content-type': 'application/x-www-form-urlencoded' });
  }

  async send(method: string, path: string, query: string, body: string | undefined, headers: Record<string, string>): Promise<RawResponse> {
    const response = await fetch(`${this.baseUrl}/${this.host}${path}${query ? `?${query}` : ''}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }
}
