// Token prices in one quote currency (USDT): stablecoins are 1, wrapped tokens are priced as their
// native coin, everything else from the exchange's tickers, fetched once per connector for all
// the tokens it must price.
import { Decimal } from '../decimal';
import { exchangeSession, type ExchangeSessionsEnv } from '../exchanges/session-client';
import { unwrapResult } from '../rpc';

export const QUOTE_CURRENCY = 'USDT';

const STABLECOINS = new Set(['USDT', 'USDC', 'USD', 'DAI', 'BUSD', 'FDUSD', 'TUSD', 'USDP', 'PYUSD', 'USDS', 'USDE']);
const WRAPPED: Record<string, string> = { WETH: 'ETH', WSOL: 'SOL', WBTC: 'BTC', WBNB: 'BNB' };

/** The token an exchange lists for `token`: wrapped tokens as their native coin. */
export const pricedAs = (token: string) => WRAPPED[token.toUpperCase()] ?? token.toUpperCase();

export const isStablecoin = (token: string) => STABLECOINS.has(token.toUpperCase());

/** Prices by token; a token missing from the result has no price. */
export type TokenPrices = Map<string, Decimal>;

/**
 * Prices `tokens` through `connector`'s tickers: ONE request for all of them (none when every token
 * is a stablecoin). Pairs the connector does not list are skipped, so those tokens stay unpriced.
 */
export async function priceTokens(env: ExchangeSessionsEnv, connector: string, tokens: Iterable<string>): Promise<TokenPrices> {
  const prices: TokenPrices = new Map();
  const toFetch = new Set<string>();
  for (const token of tokens) {
    if (isStablecoin(token)) prices.set(token, Decimal.from(1));
    else toFetch.add(pricedAs(token));
  }
  if (toFetch.size === 0) return prices;
  const pairs = [...toFetch].map((token) => `${token}-${QUOTE_CURRENCY}`);
  const last = unwrapResult(await exchangeSession(env, connector).lastPrices(connector, { tradingPairs: pairs, skipUnlisted: true }));
  for (const token of tokens) {
    const price = last[`${pricedAs(token)}-${QUOTE_CURRENCY}`];
    if (price !== undefined && !prices.has(token)) prices.set(token, Decimal.from(price));
  }
  return prices;
}
