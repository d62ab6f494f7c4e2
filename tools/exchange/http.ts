// Binance's request rules, shared by every route: parameters from the query string and the
// form body, HMAC-SHA256 signatures over both, timestamp/recvWindow, API keys, and request weights
// per minute with X-MBX-USED-WEIGHT-1M and 429 past the limit.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DECIMAL_PATTERN, parseDecimal } from './decimal';
import { BinanceError, illegalChars, mandatory } from './errors';

export type Security = 'NONE' | 'MARKET_DATA' | 'USER_STREAM' | 'SIGNED';

export interface Account {
  apiKey: string;
  apiSecret: string;
}

export class Params {
  constructor(readonly values: URLSearchParams) {}

  has(name: string): boolean {
    const value = this.values.get(name);
    return value !== null && value !== '';
  }

  optional(name: string): string | undefined {
    const value = this.values.get(name);
    return value === null || value === '' ? undefined : value;
  }

  string(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw mandatory(name);
    return value;
  }

  decimal(name: string): bigint | undefined {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    const value = parseDecimal(text);
    if (value === undefined) {
      if (DECIMAL_PATTERN.test(text)) throw new BinanceError(-1111, `Parameter '${name}' has too much precision.`);
      throw illegalChars(name, '^([0-9]{1,20})(\\.[0-9]{1,20})?$');
    }
    return value;
  }

  integer(name: string): number | undefined {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    if (!/^-?[0-9]{1,20}$/.test(text)) throw illegalChars(name, '^-?[0-9]{1,20}$');
    return Number(text);
  }

  /** `limit`-like parameters: a default, and Binance's maximum. */
  limit(name: string, fallback: number, max: number): number {
    const value = this.integer(name) ?? fallback;
    if (value <= 0) throw new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`);
    return Math.min(value, max);
  }

  enumeration<T extends string>(name: string, allowed: readonly T[], error: BinanceError): T | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) throw error;
    return value as T;
  }

  /** `symbols=["BTCUSDT","ETHUSDT"]`. */
  symbols(): string[] | undefined {
    const text = this.optional('symbols');
    if (text === undefined) return undefined;
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list) && list.every((s) => typeof s === 'string')) return list as string[];
    } catch {
      // falls through to the published error
    }
    throw new BinanceError(-1100, "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
  }
}

/** Query and body parameters; a parameter in both takes the query string's value (rest-api.md). */
export function parseParams(rawQuery: string, rawBody: string): Params {
  const values = new URLSearchParams(rawBody);
  for (const [name, value] of new URLSearchParams(rawQuery)) values.set(name, value);
  return new Params(values);
}

function withoutSignature(raw: string): string {
  return raw
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('signature='))
    .join('&');
}

export const MAX_RECV_WINDOW = 60_000;

/**
 * Checks a SIGNED request: the key (X-MBX-APIKEY), the signature (hex HMAC-SHA256 of the query string
 * concatenated with the body, `signature` itself left out) and the timing rule of rest-api.md.
 */
export function authenticate(accounts: Map<string, Account>, apiKeyHeader: string | undefined, rawQuery: string, rawBody: string, params: Params, now: number, security: Security): Account {
  const account = identify(accounts, apiKeyHeader);
  if (security !== 'SIGNED') return account;
  const timestamp = params.integer('timestamp');
  if (timestamp === undefined) throw mandatory('timestamp');
  const signature = params.optional('signature');
  if (signature === undefined) throw mandatory('signature');
  const recvWindowText = params.optional('recvWindow');
  const recvWindow = recvWindowText === undefined ? 5000 : Number(recvWindowText);
  if (!Number.isFinite(recvWindow) || recvWindow <= 0) throw illegalChars('recvWindow', '^[0-9]{1,20}(\\.[0-9]{1,3})?$');
  if (recvWindow > MAX_RECV_WINDOW) throw new BinanceError(-1131, 'recvWindow must be less than 60000');
  const payload = withoutSignature(rawQuery) + withoutSignature(rawBody);
  const expected = createHmac('sha256', account.apiSecret).update(payload).digest('hex');
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) throw new BinanceError(-1022, 'Signature for this request is not valid.');
  const ts = timestamp > 10_000_000_000_000 ? Math.floor(timestamp / 1000) : timestamp; // microseconds allowed
  if (ts >= now + 1000) throw new BinanceError(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
  if (now - ts > recvWindow) throw new BinanceError(-1021, 'Timestamp for this request is outside of the recvWindow.');
  return account;
}

export function identify(accounts: Map<string, Account>, apiKeyHeader: string | undefined): Account {
  if (!apiKeyHeader || !/^[A-Za-z0-9]{64}$/.test(apiKeyHeader)) throw new BinanceError(-2014, 'API-key format invalid.', 401);
  const account = accounts.get(apiKeyHeader);
  if (!account) throw new BinanceError(-2015, 'Invalid API-key, IP, or permissions for action.', 401);
  return account;
}

/** Request weight used per calendar minute, per API host (as Binance counts per IP). */
export class WeightMeter {
  private minute = -1;
  private used = 0;

  constructor(private readonly limit: number) {}

  /** Adds a request's weight; throws Binance's 429 when it would pass the limit. */
  spend(weight: number, now: number): number {
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.used = 0;
    }
    if (this.used + weight > this.limit) {
      throw new BinanceError(-1003, `Too much request weight used; current limit is ${this.limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`, 429);
    }
    this.used += weight;
    return this.used;
  }

  current(now: number): number {
    return Math.floor(now / 60_000) === this.minute ? this.used : 0;
  }

  secondsToNextMinute(now: number): number {
    return Math.ceil((60_000 - (now % 60_000)) / 1000);
  }
}

/** Orders an account placed, for the X-MBX-ORDER-COUNT-<interval> headers of order responses. */
export class OrderCounter {
  private readonly placed = new Map<string, number[]>();

  constructor(private readonly intervals: { header: string; ms: number }[]) {}

  /** Records an order and returns the headers with the counts per interval. */
  count(account: string, now: number): Record<string, string> {
    const longest = Math.max(...this.intervals.map((i) => i.ms));
    const times = (this.placed.get(account) ?? []).filter((t) => now - t < longest);
    times.push(now);
    this.placed.set(account, times);
    return Object.fromEntries(this.intervals.map((i) => [i.header, String(times.filter((t) => now - t < i.ms).length)]));
  }
}
