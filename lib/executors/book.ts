import type { MarketView, Quote } from './core';

// Reading a book for an amount, and converting between two quote assets, for the executors that trade
// two markets against each other (arbitrage, XEMM).

/** The average price of `amount` base taken from `levels` (best first); the best price when the runtime gave no depth; null when the depth is too thin. */
export function vwap(levels: Quote['asks'], best: number, amount: number): number | null {
  if (!levels || levels.length === 0) return best > 0 ? best : null;
  let left = amount;
  let cost = 0;
  for (const [price, size] of levels) {
    const take = Math.min(size, left);
    cost += take * price;
    left -= take;
    if (left <= amount * 1e-12) return cost / amount;
  }
  return null;
}

export const buyVwap = (quote: Quote, amount: number) => vwap(quote.asks, quote.bestAsk, amount);
export const sellVwap = (quote: Quote, amount: number) => vwap(quote.bids, quote.bestBid, amount);

const isUsdLike = (asset: string) => asset.toUpperCase().includes('USD');

/**
 * How many `to` one `from` is worth: 1 for the same asset or two dollar stablecoins, else the mid of a
 * `from-to` (or inverse `to-from`) market in the view; null when the view has none.
 */
export function conversionRate(view: MarketView, from: string, to: string): number | null {
  if (from === to || (isUsdLike(from) && isUsdLike(to))) return 1;
  for (const [key, quote] of Object.entries(view.quotes)) {
    const pair = key.slice(key.indexOf(':') + 1);
    if (pair === `${from}-${to}`) return quote.mid;
    if (pair === `${to}-${from}` && quote.mid > 0) return 1 / quote.mid;
  }
  return null;
}
