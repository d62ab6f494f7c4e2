import { createRoute } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  ActiveFeedsSchema,
  CandleConnectorsSchema,
  CandlesRequestSchema,
  CandlesSchema,
  FundingInfoSchema,
  HistoricalCandlesRequestSchema,
  MarketDataSettingsSchema,
  OrderBookQueryResultSchema,
  OrderBookDiagnosticsSchema,
  OrderBookRequestSchema,
  OrderBookRestartSchema,
  OrderBookSchema,
  OrderBookTrackerParamsSchema,
  OrderBookTrackerQuerySchema,
  PairRequestSchema,
  PriceQuerySchema,
  PricesRequestSchema,
  PricesSchema,
  QuoteVolumeQuerySchema,
  TradingPairAddRequestSchema,
  TradingPairRemoveRequestSchema,
  TradingPairResultSchema,
  VolumeQuerySchema,
} from '../../schemas/market-data';

const tags = ['Market Data'];

const exchangeErrors = {
  400: errorResponse('Invalid input, an unknown connector or pair (named), or an interval the exchange does not serve (the supported ones listed)'),
  429: errorResponse('The exchange rate-limited the request (Retry-After says when to retry)'),
  503: errorResponse('The exchange is unreachable'),
  401: commonErrorResponses[401],
  500: commonErrorResponses[500],
};

const post = <P extends string>(path: P, summary: string, description: string) => ({ method: 'post' as const, path, tags, summary, description });

export const candles = createRoute({
  ...post('/market-data/candles', 'The last max_records candles of an interval, the still-open one last', 'Closed candles are kept in Postgres: a range already held costs no exchange request; missing ones are fetched in pages of the exchange\'s maximum and stored. The still-open candle is refreshed (at most every 5 s), never stored.'),
  request: jsonBody(CandlesRequestSchema),
  responses: { 200: json(CandlesSchema, 'Candles, oldest first'), ...exchangeErrors },
});

export const historicalCandles = createRoute({
  ...post('/market-data/historical-candles', 'Candles opening between start_time and end_time (Unix seconds)', 'Same store as /market-data/candles: a range already held costs no exchange request.'),
  request: jsonBody(HistoricalCandlesRequestSchema),
  responses: { 200: json(CandlesSchema, 'Candles, oldest first'), ...exchangeErrors },
});

export const prices = createRoute({
  ...post('/market-data/prices', 'Last traded prices of many pairs', 'One tickers request to the exchange, however many pairs.'),
  request: jsonBody(PricesRequestSchema),
  responses: { 200: json(PricesSchema, 'Price by pair'), ...exchangeErrors },
});

export const fundingInfo = createRoute({
  ...post('/market-data/funding-info', "A perpetual pair's funding rate, next funding time, mark and index prices", 'Perpetual connectors only (e.g. binance_perpetual).'),
  request: jsonBody(PairRequestSchema),
  responses: { 200: json(FundingInfoSchema, 'Funding info'), ...exchangeErrors },
});

export const orderBook = createRoute({
  ...post('/market-data/order-book', 'An order book snapshot, depth levels per side', 'One depth request to the exchange.'),
  request: jsonBody(OrderBookRequestSchema),
  responses: { 200: json(OrderBookSchema, 'Bids and asks, best first'), ...exchangeErrors },
});

const bookQueryDescription = 'Walks the book (asks to buy, bids to sell) in exact decimals, from one snapshot of up to 1000 levels per side.';
const bookQueryResponses = { 200: json(OrderBookQueryResultSchema, 'Query result'), ...exchangeErrors };

export const priceForVolume = createRoute({
  ...post('/market-data/order-book/price-for-volume', 'The price reached by buying or selling a base volume', bookQueryDescription),
  request: jsonBody(VolumeQuerySchema),
  responses: bookQueryResponses,
});

export const volumeForPrice = createRoute({
  ...post('/market-data/order-book/volume-for-price', 'The base volume available up to a price', bookQueryDescription),
  request: jsonBody(PriceQuerySchema),
  responses: bookQueryResponses,
});

export const priceForQuoteVolume = createRoute({
  ...post('/market-data/order-book/price-for-quote-volume', 'The price reached by spending or receiving a quote volume', bookQueryDescription),
  request: jsonBody(QuoteVolumeQuerySchema),
  responses: bookQueryResponses,
});

export const quoteVolumeForPrice = createRoute({
  ...post('/market-data/order-book/quote-volume-for-price', 'The quote volume available up to a price', bookQueryDescription),
  request: jsonBody(PriceQuerySchema),
  responses: bookQueryResponses,
});

export const vwapForVolume = createRoute({
  ...post('/market-data/order-book/vwap-for-volume', 'The volume-weighted average price of a base volume', bookQueryDescription),
  request: jsonBody(VolumeQuerySchema),
  responses: bookQueryResponses,
});

export const activeFeeds = createRoute({
  method: 'get',
  path: '/market-data/active-feeds',
  tags,
  summary: 'Candle and order-book feeds used in the last 10 minutes',
  responses: { 200: json(ActiveFeedsSchema, 'By feed key'), ...commonErrorResponses },
});

export const settings = createRoute({
  method: 'get',
  path: '/market-data/settings',
  tags,
  summary: 'Feed cleanup interval and timeout (seconds)',
  responses: { 200: json(MarketDataSettingsSchema, 'Settings'), ...commonErrorResponses },
});

export const availableCandleConnectors = createRoute({
  method: 'get',
  path: '/market-data/available-candle-connectors',
  tags,
  summary: 'Connectors that serve candles',
  responses: { 200: json(CandleConnectorsSchema, 'Connector names'), ...commonErrorResponses },
});

export const addTradingPair = createRoute({
  ...post('/market-data/trading-pair/add', "Start tracking a pair's order book", 'Checks the pair on the exchange and registers an order_book feed.'),
  request: jsonBody(TradingPairAddRequestSchema),
  responses: { 200: json(TradingPairResultSchema, 'Tracked'), ...exchangeErrors },
});

export const removeTradingPair = createRoute({
  ...post('/market-data/trading-pair/remove', "Stop tracking a pair's order book", 'Drops the order_book feed.'),
  request: jsonBody(TradingPairRemoveRequestSchema),
  responses: { 200: json(TradingPairResultSchema, 'Removed, or was not tracked (success false)'), ...exchangeErrors },
});

const trackerDescription =
  'Colibri keeps no order-book tracker (no WebSocket, no task): each book is read from the exchange when asked, through the connector\'s exchange session. The tracked pairs are the order_book feeds added with `/market-data/trading-pair/add`.';

export const orderBookDiagnostics = createRoute({
  method: 'get',
  path: '/market-data/order-book/diagnostics/{connector_name}',
  tags,
  summary: "The connector's tracked order books, read from the exchange now",
  description: `${trackerDescription} Reads each tracked pair's best bid and ask (ONE exchange request per pair); a pair the exchange does not answer shows its error.`,
  request: { params: OrderBookTrackerParamsSchema, query: OrderBookTrackerQuerySchema },
  responses: { 200: json(OrderBookDiagnosticsSchema, 'Diagnostics'), ...exchangeErrors },
});

export const restartOrderBookTracker = createRoute({
  method: 'post',
  path: '/market-data/order-book/restart/{connector_name}',
  tags,
  summary: "Re-read the connector's tracked order books from the exchange",
  description: `${trackerDescription} There is no tracker to stop and start: a restart reads every tracked pair's book from the exchange again (ONE request per pair) and renews its feed. \`success\` is true when every pair answered; false with \`error\` when there are no tracked pairs or a pair failed (as Hummingbot API answers).`,
  request: { params: OrderBookTrackerParamsSchema, query: OrderBookTrackerQuerySchema },
  responses: { 200: json(OrderBookRestartSchema, 'Restarted, or why not'), ...exchangeErrors },
});
