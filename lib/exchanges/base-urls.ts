import { ServiceUnavailableError } from '../errors';

export interface ExchangeUrlEnv {
  /**
   * Dev and tests only: JSON `{connector: baseUrl}` sending a connector's requests to a stand-in (the
   * local exchange, tools/exchange/) instead of the exchange's published hosts, e.g.
   * `{"binance":"http://127.0.0.1:18545","binance_perpetual":"http://127.0.0.1:18545"}`. Unset in a
   * deployment, so a deployed worker talks to the real exchanges.
   */
  EXCHANGE_BASE_URLS?: string;
}

const parsed = new Map<string, Record<string, string>>();

function baseUrls(setting: string): Record<string, string> {
  let urls = parsed.get(setting);
  if (!urls) {
    let value: unknown;
    try {
      value = JSON.parse(setting);
    } catch {
      value = undefined;
    }
    const valid = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((url) => typeof url === 'string' && /^https?:\/\//.test(url));
    if (!valid) throw new ServiceUnavailableError('EXCHANGE_BASE_URLS is misconfigured: expected JSON {"<connector>": "http(s)://host:port"}', 'EXCHANGE_BASE_URLS_INVALID');
    urls = value as Record<string, string>;
    parsed.set(setting, urls);
  }
  return urls;
}

/** The stand-in base URL a connector is pointed at, if any. */
export function exchangeBaseUrl(env: ExchangeUrlEnv, connector: string): string | undefined {
  return env.EXCHANGE_BASE_URLS ? baseUrls(env.EXCHANGE_BASE_URLS)[connector] : undefined;
}
