// Points a CCXT exchange at the local exchange (tools/exchange/): every published URL is served there
// under a path prefix equal to its published host, so one base URL stands in for all of an exchange's
// hosts. Pure and dependency-free: it runs in workerd and in Node.

/** A CCXT `urls.api` value: URL strings, possibly nested by market type or API section. */
export type ExchangeApiUrls = string | { [section: string]: ExchangeApiUrls };

/**
 * `https://api.binance.com/api/v3` → `{base}/api.binance.com/api/v3`;
 * `wss://stream.binance.com:9443/ws` → `ws://{base host}/stream.binance.com/ws` (the published port is
 * dropped; `wss` when the base is https). Strings that are not http(s)/ws(s) URLs are kept as they are.
 */
export function rewriteUrlForLocalExchange(publishedUrl: string, baseUrl: string): string {
  const match = /^(https?|wss?):\/\/([^/:?#]+)(?::\d+)?([^?#]*)(.*)$/i.exec(publishedUrl);
  if (!match) return publishedUrl;
  const [, scheme, host, path, rest] = match;
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const secure = base.protocol === 'https:';
  const origin = scheme.toLowerCase().startsWith('ws') ? `${secure ? 'wss' : 'ws'}://${base.host}` : `${base.protocol}//${base.host}`;
  return `${origin}${basePath}/${host.toLowerCase()}${path}${rest}`;
}

/** The same `urls.api` shape with every URL rewritten by {@link rewriteUrlForLocalExchange}. */
export function localExchangeUrls<T extends ExchangeApiUrls>(api: T, baseUrl: string): T {
  if (typeof api === 'string') return rewriteUrlForLocalExchange(api, baseUrl) as T;
  const rewritten: { [section: string]: ExchangeApiUrls } = {};
  for (const [section, value] of Object.entries(api)) rewritten[section] = localExchangeUrls(value, baseUrl);
  return rewritten as T;
}
