// Hummingbot's order-book queries (OrderBook.get_price_for_volume and siblings), all five, in exact
// decimals: a walk down one side of the book (asks to buy, bids to sell), best level first.
import { divide, min, multiply, toNumber, toScaled, type Scaled } from '../scaled-decimal';
import type { Level } from './order-book';

export type BookQuery =
  | { kind: 'price_for_volume'; volume: string }
  | { kind: 'vwap_for_volume'; volume: string }
  | { kind: 'price_for_quote_volume'; quoteVolume: string }
  | { kind: 'volume_for_price'; price: string }
  | { kind: 'quote_volume_for_price'; price: string };

/** Hummingbot API's OrderBookQueryResult; `null` where a field does not apply or the book cannot fill the query. */
export interface BookQueryResult {
  query_volume: number | null;
  query_price: number | null;
  result_price: number | null;
  result_volume: number | null;
  result_quote_volume: number | null;
  average_price: number | null;
}

interface Walk {
  base: Scaled;
  quote: Scaled;
  /** Price of the last level taken from. */
  lastPrice?: Scaled;
  /** Whether the target was reached. */
  filled: boolean;
}

const levels = (side: Level[]) => side.map(({ price, amount }) => ({ price: toScaled(price), amount: toScaled(amount) }));

/** Takes levels until `base` (or `quote`, with `byQuote`) reaches `target`, the last level partly. */
function walkToAmount(side: Level[], target: Scaled, byQuote: boolean): Walk {
  const walk: Walk = { base: 0n, quote: 0n, filled: target <= 0n };
  for (const { price, amount } of levels(side)) {
    if (walk.filled) break;
    const levelQuote = multiply(amount, price);
    const left = target - (byQuote ? walk.quote : walk.base);
    const whole = byQuote ? levelQuote <= left : amount <= left;
    const take = whole ? amount : byQuote ? divide(left, price) : left;
    walk.base += take;
    walk.quote += whole ? levelQuote : byQuote ? left : multiply(take, price);
    walk.lastPrice = price;
    walk.filled = !whole || (byQuote ? walk.quote : walk.base) >= target;
  }
  return walk;
}

/** Takes every level at or better than `limit` (at most it to buy, at least it to sell). */
function walkToPrice(side: Level[], limit: Scaled, isBuy: boolean): Walk {
  const walk: Walk = { base: 0n, quote: 0n, filled: true };
  for (const { price, amount } of levels(side)) {
    if (isBuy ? price > limit : price < limit) break;
    walk.base += amount;
    walk.quote += multiply(amount, price);
    walk.lastPrice = price;
  }
  return walk;
}

const orNull = (value: Scaled | undefined) => (value === undefined ? null : toNumber(value));
const average = (walk: Walk) => (walk.base > 0n ? divide(walk.quote, walk.base) : undefined);

/** The answer to `query` on a book whose sides are best first. */
export function queryBook(book: { bids: Level[]; asks: Level[] }, isBuy: boolean, query: BookQuery): BookQueryResult {
  const side = isBuy ? book.asks : book.bids;
  switch (query.kind) {
    case 'price_for_volume':
    case 'vwap_for_volume': {
      const walk = walkToAmount(side, toScaled(query.volume), false);
      const vwap = average(walk);
      const reached = walk.filled ? (query.kind === 'vwap_for_volume' ? vwap : walk.lastPrice) : undefined;
      return { query_volume: Number(query.volume), query_price: null, result_price: orNull(reached), result_volume: toNumber(walk.base), result_quote_volume: toNumber(walk.quote), average_price: orNull(vwap) };
    }
    case 'price_for_quote_volume': {
      const target = toScaled(query.quoteVolume);
      const walk = walkToAmount(side, target, true);
      return {
        query_volume: Number(query.quoteVolume),
        query_price: null,
        result_price: orNull(walk.filled ? walk.lastPrice : undefined),
        result_volume: toNumber(walk.base),
        result_quote_volume: toNumber(min(walk.quote, target)),
        average_price: orNull(average(walk)),
      };
    }
    case 'volume_for_price':
    case 'quote_volume_for_price': {
      const walk = walkToPrice(side, toScaled(query.price), isBuy);
      return { query_volume: null, query_price: Number(query.price), result_price: orNull(walk.lastPrice), result_volume: toNumber(walk.base), result_quote_volume: toNumber(walk.quote), average_price: orNull(average(walk)) };
    }
  }
}
