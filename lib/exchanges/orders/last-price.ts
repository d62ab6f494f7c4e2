import type { TradingContext } from './context';

/** How long a fetched last price serves local checks: Binance itself checks a market order's notional against a 5-minute average. */
const LAST_PRICE_MAX_AGE_MS = 60_000;

/** The pair's last price: the one this session fetched within the last minute, else one ticker request. */
export async function lastPrice(context: TradingContext, symbol: string): Promise<number | undefined> {
  const known = context.lastPrices.get(symbol);
  if (known && Date.now() - known.fetchedAt < LAST_PRICE_MAX_AGE_MS) return known.price;
  const ticker = await context.exchange.fetchTicker(symbol);
  const price = ticker.last ?? ticker.close;
  if (price === undefined || !(price > 0)) return undefined;
  context.lastPrices.set(symbol, { price, fetchedAt: Date.now() });
  return price;
}
