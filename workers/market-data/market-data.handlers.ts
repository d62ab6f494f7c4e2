import type { AppRouteHandler } from '../../lib/app';
import { Decimal } from '../../lib/decimal';
import { EXCHANGE_CONNECTORS } from '../../lib/exchanges/connectors';
import { exchangeSession } from '../../lib/exchanges/session-client';
import { unwrapResult } from '../../lib/rpc';
import { queryBook, type BookQuery } from '../../lib/market-data/book-queries';
import { activeFeeds as listActiveFeeds, FEED_CLEANUP_INTERVAL_S, FEED_TIMEOUT_S, feedKey, removeFeed, touchFeed } from '../../lib/market-data/feeds';
import { marketDataConnector } from '../../lib/exchanges/reads/pair-market';
import type { Level } from '../../lib/exchanges/reads/order-book';
import { MAX_BOOK_DEPTH } from '../../schemas/market-data';
import type { MarketDataEnv } from './env';
import type * as routes from './market-data.routes';

/** The connector's public exchange session; a 400 naming an unknown connector. */
const session = (env: MarketDataEnv, name: string) => exchangeSession(env, marketDataConnector(name).name);

const decimal = (value: number) => Decimal.from(value).toString();

export const candles: AppRouteHandler<typeof routes.candles, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pair: tradingPair, interval, max_records: maxRecords } = c.req.valid('json');
  const rows = unwrapResult(await session(c.env, connector).candles(connector, { tradingPair, interval, maxRecords }));
  await touchFeed(c.env, 'candles', { connector, trading_pair: tradingPair, interval, max_records: maxRecords });
  return c.json(rows, 200);
};

export const historicalCandles: AppRouteHandler<typeof routes.historicalCandles, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pair: tradingPair, interval, start_time: startTime, end_time: endTime } = c.req.valid('json');
  return c.json(unwrapResult(await session(c.env, connector).candles(connector, { tradingPair, interval, startTime, endTime })), 200);
};

export const prices: AppRouteHandler<typeof routes.prices, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pairs: tradingPairs } = c.req.valid('json');
  const last = unwrapResult(await session(c.env, connector).lastPrices(connector, { tradingPairs }));
  return c.json({ connector, prices: Object.fromEntries(Object.entries(last).map(([pair, price]) => [pair, Number(price)])), timestamp: Date.now() / 1000 }, 200);
};

export const fundingInfo: AppRouteHandler<typeof routes.fundingInfo, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pair: tradingPair } = c.req.valid('json');
  return c.json(unwrapResult(await session(c.env, connector).fundingInfo(connector, { tradingPair })), 200);
};

export const orderBook: AppRouteHandler<typeof routes.orderBook, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pair: tradingPair, depth } = c.req.valid('json');
  const book = unwrapResult(await session(c.env, connector).orderBook(connector, { tradingPair, depth }));
  const levels = (side: Level[]) => side.map(({ price, amount }) => ({ price: Number(price), amount: Number(amount) }));
  return c.json({ trading_pair: tradingPair, bids: levels(book.bids), asks: levels(book.asks), timestamp: book.timestamp / 1000 }, 200);
};

/** Answers a book query from one snapshot of the deepest book the API serves. */
async function answerBookQuery(env: MarketDataEnv, body: { connector_name: string; trading_pair: string; is_buy: boolean }, query: BookQuery) {
  const book = unwrapResult(await session(env, body.connector_name).orderBook(body.connector_name, { tradingPair: body.trading_pair, depth: MAX_BOOK_DEPTH }));
  return { trading_pair: body.trading_pair, is_buy: body.is_buy, ...queryBook(book, body.is_buy, query), timestamp: book.timestamp / 1000 };
}

export const priceForVolume: AppRouteHandler<typeof routes.priceForVolume, MarketDataEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await answerBookQuery(c.env, body, { kind: 'price_for_volume', volume: decimal(body.volume) }), 200);
};

export const vwapForVolume: AppRouteHandler<typeof routes.vwapForVolume, MarketDataEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await answerBookQuery(c.env, body, { kind: 'vwap_for_volume', volume: decimal(body.volume) }), 200);
};

export const priceForQuoteVolume: AppRouteHandler<typeof routes.priceForQuoteVolume, MarketDataEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await answerBookQuery(c.env, body, { kind: 'price_for_quote_volume', quoteVolume: decimal(body.quote_volume) }), 200);
};

export const volumeForPrice: AppRouteHandler<typeof routes.volumeForPrice, MarketDataEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await answerBookQuery(c.env, body, { kind: 'volume_for_price', price: decimal(body.price) }), 200);
};

export const quoteVolumeForPrice: AppRouteHandler<typeof routes.quoteVolumeForPrice, MarketDataEnv> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await answerBookQuery(c.env, body, { kind: 'quote_volume_for_price', price: decimal(body.price) }), 200);
};

export const activeFeeds: AppRouteHandler<typeof routes.activeFeeds, MarketDataEnv> = async (c) => c.json(await listActiveFeeds(c.env), 200);

export const settings: AppRouteHandler<typeof routes.settings, MarketDataEnv> = (c) =>
  c.json(
    {
      cleanup_interval: FEED_CLEANUP_INTERVAL_S,
      feed_timeout: FEED_TIMEOUT_S,
      description: `Feeds unused for ${FEED_TIMEOUT_S} s expire. Closed candles are kept in Postgres; the still-open candle is refreshed at most every 5 s.`,
    },
    200,
  );

export const availableCandleConnectors: AppRouteHandler<typeof routes.availableCandleConnectors, MarketDataEnv> = (c) => c.json([...EXCHANGE_CONNECTORS.keys()], 200);

export const addTradingPair: AppRouteHandler<typeof routes.addTradingPair, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pair: tradingPair } = c.req.valid('json');
  // The pair must exist: a one-level book read checks it on the exchange.
  unwrapResult(await session(c.env, connector).orderBook(connector, { tradingPair, depth: 1 }));
  await touchFeed(c.env, 'order_book', { connector, trading_pair: tradingPair });
  return c.json({ success: true, connector_name: connector, trading_pair: tradingPair, message: `Order book tracking started for ${tradingPair} on ${connector}` }, 200);
};

export const removeTradingPair: AppRouteHandler<typeof routes.removeTradingPair, MarketDataEnv> = async (c) => {
  const { connector_name: connector, trading_pair: tradingPair } = c.req.valid('json');
  marketDataConnector(connector);
  const removed = await removeFeed(c.env, feedKey('order_book', connector, tradingPair));
  return c.json({ success: removed, connector_name: connector, trading_pair: tradingPair, message: removed ? `Order book tracking stopped for ${tradingPair} on ${connector}` : `${tradingPair} was not tracked on ${connector}` }, 200);
};

/** The connector's tracked pairs (its order_book feeds), each with its best bid and ask read from the exchange now, or why not. */
async function readTrackedBooks(env: MarketDataEnv, connector: string) {
  const feeds = Object.values(await listActiveFeeds(env)).filter((feed) => feed.feed_type === 'order_book' && feed.config.connector === connector);
  const pairs = feeds.map((feed) => String(feed.config.trading_pair)).sort();
  const exchange = session(env, connector);
  const reads = await Promise.all(pairs.map((tradingPair) => exchange.orderBook(connector, { tradingPair, depth: 1 })));
  const books = Object.fromEntries(
    reads.map((read, index) => [
      pairs[index],
      read.ok ? { best_bid: read.value.bids[0] ? Number(read.value.bids[0].price) : null, best_ask: read.value.asks[0] ? Number(read.value.asks[0].price) : null, timestamp: read.value.timestamp / 1000 } : { error: read.error.message },
    ]),
  );
  return { pairs, books, failed: pairs.filter((_, index) => !reads[index].ok) };
}

export const orderBookDiagnostics: AppRouteHandler<typeof routes.orderBookDiagnostics, MarketDataEnv> = async (c) => {
  const connector = marketDataConnector(c.req.valid('param').connector_name);
  const { pairs, books, failed } = await readTrackedBooks(c.env, connector.name);
  return c.json(
    {
      connector_type: `CCXT ${connector.marketType}`,
      connector_name: connector.name,
      account_name: c.req.valid('query').account_name ?? null,
      has_order_book_tracker: false as const,
      tracker_ready: failed.length === 0,
      tasks: {},
      trading_pairs: pairs,
      order_books: books,
      metrics: null,
      websocket_status: 'not_used' as const,
    },
    200,
  );
};

export const restartOrderBookTracker: AppRouteHandler<typeof routes.restartOrderBookTracker, MarketDataEnv> = async (c) => {
  const connector = marketDataConnector(c.req.valid('param').connector_name);
  const { pairs, books, failed } = await readTrackedBooks(c.env, connector.name);
  if (pairs.length === 0) return c.json({ success: false as const, error: `No trading pairs to restart: none is tracked on ${connector.name} (add one with /market-data/trading-pair/add)`, trading_pairs: [] }, 200);
  for (const pair of pairs) if (!failed.includes(pair)) await touchFeed(c.env, 'order_book', { connector: connector.name, trading_pair: pair });
  if (failed.length) {
    const reasons = failed.map((pair) => `${pair}: ${(books[pair] as { error: string }).error}`).join('; ');
    return c.json({ success: false as const, error: `The exchange did not answer every tracked book: ${reasons}`, trading_pairs: pairs }, 200);
  }
  return c.json({ success: true as const, message: `Order books of ${pairs.join(', ')} read again from ${connector.name}; their feeds renewed`, trading_pairs: pairs }, 200);
};
