import type Exchange from '../../node_modules/ccxt/js/src/base/Exchange.js';
import { exchangeBaseUrl, type ExchangeUrlEnv } from './base-urls';
import type { CcxtCredential, ExchangeConnector } from './connectors';
import { workerdFetch } from './fetch';
import { localExchangeUrls, type ExchangeApiUrls } from './local-urls';

/** A connector's credentials as Hummingbot names them (`binance_api_key`...). */
export type HummingbotCredentials = Record<string, string | boolean>;

/** The CCXT constructor fields (`apiKey`, `secret`, `password`...) filled from Hummingbot's. */
export function ccxtCredentials(connector: ExchangeConnector, credentials: HummingbotCredentials): Partial<Record<CcxtCredential, string>> {
  const fields: Partial<Record<CcxtCredential, string>> = {};
  for (const field of connector.credentials) {
    const value = credentials[field.name];
    if (field.ccxt && typeof value === 'string') fields[field.ccxt] = value;
  }
  return fields;
}

/**
 * A CCXT instance for `connector` (with its credentials, if given) that works inside workerd, pointed
 * at the stand-in named by EXCHANGE_BASE_URLS if there is one. CCXT's rate limiter paces every request
 * made through the instance.
 */
export async function createExchange(env: ExchangeUrlEnv, connector: ExchangeConnector, credentials?: HummingbotCredentials): Promise<Exchange> {
  const { default: ExchangeClass } = await connector.exchange();
  const exchange = new ExchangeClass({
    enableRateLimit: true,
    fetchImplementation: workerdFetch,
    options: { defaultType: connector.marketType, ...connector.options },
    ...(credentials ? ccxtCredentials(connector, credentials) : {}),
  });
  const baseUrl = exchangeBaseUrl(env, connector.name);
  if (baseUrl) exchange.urls.api = localExchangeUrls(exchange.urls.api as ExchangeApiUrls, baseUrl) as typeof exchange.urls.api;
  return exchange;
}

/** Where a connector's markets come from: the stand-in's base URL, or the published exchange. */
export function marketSource(env: ExchangeUrlEnv, connector: ExchangeConnector): string {
  return exchangeBaseUrl(env, connector.name) ?? 'published';
}
