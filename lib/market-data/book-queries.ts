// Hummingbot's order-book queries (OrderBook.get_price_for_volume and siblings), all five, in exact
// decimals: a walk down one side of the book (asks to buy, bids to sell), best level first.
import { Decimal } from '../decimal';
import type { Level } from '../exchanges/reads/order-book';

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
  base: Decimal;
  quote: Decimal;
  /** Price of the last level taken from. */
  lastPrice?: Decimal;
  /** Whether the target was reached. */
  filled: boolean;
}

const levels = (side: Level[]) => side.map(({ price, amount }) => ({ price: Decimal.from(price), amount: Decimal.from(amount) }));

/** Takes levels until `base` (or `quote`, with `byQuote`) reaches `target`, the last level partly. */
function walkToAmount(side: Level[], target: Decimal, byQuote: boolean): Walk {
  const walk: Walk = { base: Decimal.ZERO, quote: Decimal.ZERO, filled: target.compare(0) <= 0 };
  for (const { price, amount } of levels(side)) {
    if (walk.filled) break;
    const levelQuote = amount.times(price);
    const left = target.minus(byQuote ? walk.quote : walk.base);
    const whole = (byQuote ? levelQuote : amount).compare(left) <= 0;
    const take = whole ? amount : byQuote ? left.dividedBy(price) : left;
    walk.base = walk.base.plus(take);
    walk.quote = walk.quote.plus(whole ? levelQuote : byQuote ? left : take.times(price));
    walk.lastPrice = price;
    walk.filled = !whole || (byQuote ? walk.quote : walk.base).compare(target) >= 0;
  }
  return walk;
}

/** Takes every level at or better than `limit` (at most it to buy, at least it to sell). */
function walkToPrice(side: Level[], limit: Decimal, isBuy: boolean): Walk {
  const walk: Walk = { base: Decimal.ZERO, quote: Decimal.ZERO, filled: true };
  for (const { price, amount } of levels(side)) {
    if (price.compare(limit) === (isBuy ? 1 : -1)) break;
    walk.base = walk.base.plus(amount);
    walk.quote = walk.quote.plus(amount.times(price));
    walk.lastPrice = price;
  }
  return walk;
}

const orNull = (value: Decimal | undefined) => (value === undefined ? null : value.toNumber());
const average = (walk: Walk) => (walk.base.isPositive() ? walk.quote.dividedBy(walk.base) : undefined);

/** The answer to `query` on a book whose sides are best first. */
export function queryBook(book: { bids: Level[]; asks: Level[] }, isBuy: boolean, query: BookQuery): BookQueryResult {
  const side = isBuy ? book.asks : book.bids;
  switch (query.kind) {
    case 'price_for_volume':
    case 'vwap_for_volume': {
      const walk = walkToAmount(side, Decimal.from(query.volume), false);
      const vwap = average(walk);
      const reached = walk.filled ? (query.kind === 'vwap_for_volume' ? vwap : walk.lastPrice) : undefined;
      return { query_volume: Number(query.volume), query_price: null, result_price: orNull(reached), result_volume: walk.base.toNumber(), result_quote_volume: walk.quote.toNumber(), average_price: orNull(vwap) };
    }
    case 'price_for_quote_volume': {
      const target = Decimal.from(query.quoteVolume);
      const walk = walkToAmount(side, target, true);
      return {
        query_volume: Number(query.quoteVolume),
        query_price: null,
        result_price: orNull(walk.filled ? walk.lastPrice : undefined),
        result_volume: walk.base.toNumber(),
        result_quote_volume: Decimal.min(walk.quote, target).toNumber(),
        average_price: orNull(average(walk)),
      };
    }
    case 'volume_for_price':
    case 'quote_volume_for_price': {
      const walk = walkToPrice(side, Decimal.from(query.price), isBuy);
      return { query_volume: null, query_price: Number(query.price), result_price: orNull(walk.lastPrice), result_volume: walk.base.toNumber(), result_quote_volume: walk.quote.toNumber(), average_price: orNull(average(walk)) };
    }
  }
}
