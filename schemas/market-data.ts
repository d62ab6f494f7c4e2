import { z } from '@hono/zod-openapi';
import { SafeNameSchema } from './accounts';

const connectorName = SafeNameSchema.openapi({ example: 'binance' });
const tradingPair = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9.]+-[A-Za-z0-9.]+$/, "must be BASE-QUOTE, e.g. 'BTC-USDT'")
  .openapi({ example: 'BTC-USDT' });
const interval = z.string().max(8).openapi({ example: '1m', description: '1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M, as the exchange supports them' });

/** The most candles one request returns (five pages of Binance's 1000). */
export const MAX_CANDLE_RECORDS = 5000;
export const MAX_BOOK_DEPTH = 1000;

export const CandlesRequestSchema = z
  .object({
    connector_name: connectorName,
    trading_pair: tradingPair,
    interval: interval.default('1m'),
    max_records: z.number().int().min(1).max(MAX_CANDLE_RECORDS).default(500),
  })
  .strict()
  .openapi('CandlesRequest');

export const HistoricalCandlesRequestSchema = z
  .object({
    connector_name: connectorName,
    trading_pair: tradingPair,
    interval: interval.default('1m'),
    start_time: z.number().int().min(0).openapi({ description: 'Unix seconds', example: 1764547200 }),
    end_time: z.number().int().min(0).openapi({ description: 'Unix seconds', example: 1764550800 }),
  })
  .strict()
  .refine((body) => body.end_time >= body.start_time, { message: 'must not be before start_time', path: ['end_time'] })
  .openapi('HistoricalCandlesRequest');

export const CandleRowSchema = z
  .object({
    timestamp: z.number().openapi({ description: 'Candle open, Unix seconds' }),
    open: z.number(),
    high: z.number(),
    low: z.number(),
    close: z.number(),
    volume: z.number(),
    quote_asset_volume: z.number(),
    n_trades: z.number().int(),
    taker_buy_base_volume: z.number(),
    taker_buy_quote_volume: z.number(),
  })
  .openapi('Candle');

export const CandlesSchema = z.array(CandleRowSchema).openapi('Candles');

export const PricesRequestSchema = z
  .object({ connector_name: connectorName, trading_pairs: z.array(tradingPair).min(1).max(200) })
  .strict()
  .openapi('PricesRequest');

export const PricesSchema = z
  .object({ connector: z.string(), prices: z.record(z.string(), z.number()), timestamp: z.number().openapi({ description: 'Unix seconds' }) })
  .openapi('Prices');

export const PairRequestSchema = z.object({ connector_name: connectorName, trading_pair: tradingPair }).strict().openapi('MarketPairRequest');

export const FundingInfoSchema = z
  .object({ trading_pair: z.string(), funding_rate: z.number(), next_funding_time: z.number(), mark_price: z.number(), index_price: z.number() })
  .openapi('FundingInfo');

export const OrderBookRequestSchema = z
  .object({ connector_name: connectorName, trading_pair: tradingPair, depth: z.number().int().min(1).max(MAX_BOOK_DEPTH).default(10) })
  .strict()
  .openapi('OrderBookRequest');

const LevelSchema = z.object({ price: z.number(), amount: z.number() });

export const OrderBookSchema = z
  .object({ trading_pair: z.string(), bids: z.array(LevelSchema), asks: z.array(LevelSchema), timestamp: z.number().openapi({ description: 'Unix seconds' }) })
  .openapi('OrderBook');

const positive = z.number().positive().finite();
const queryBase = { connector_name: connectorName, trading_pair: tradingPair, is_buy: z.boolean() };

export const VolumeQuerySchema = z.object({ ...queryBase, volume: positive.openapi({ description: 'Base amount' }) }).strict().openapi('OrderBookVolumeQuery');
export const QuoteVolumeQuerySchema = z.object({ ...queryBase, quote_volume: positive.openapi({ description: 'Quote amount' }) }).strict().openapi('OrderBookQuoteVolumeQuery');
export const PriceQuerySchema = z.object({ ...queryBase, price: positive }).strict().openapi('OrderBookPriceQuery');

export const OrderBookQueryResultSchema = z
  .object({
    trading_pair: z.string(),
    is_buy: z.boolean(),
    query_volume: z.number().nullable(),
    query_price: z.number().nullable(),
    result_price: z.number().nullable().openapi({ description: 'Price of the level the query ends at (the VWAP for vwap-for-volume); null if the book cannot fill it' }),
    result_volume: z.number().nullable().openapi({ description: 'Base amount taken' }),
    result_quote_volume: z.number().nullable().openapi({ description: 'Quote amount taken' }),
    average_price: z.number().nullable().openapi({ description: 'Quote taken / base taken' }),
    timestamp: z.number().openapi({ description: 'Unix seconds of the book snapshot' }),
  })
  .openapi('OrderBookQueryResult');

export const TradingPairAddRequestSchema = z
  .object({ connector_name: connectorName, trading_pair: tradingPair, account_name: SafeNameSchema.optional(), timeout: z.number().min(1).max(120).default(30) })
  .strict()
  .openapi('TradingPairAddRequest');

export const TradingPairRemoveRequestSchema = z
  .object({ connector_name: connectorName, trading_pair: tradingPair, account_name: SafeNameSchema.optional() })
  .strict()
  .openapi('TradingPairRemoveRequest');

export const TradingPairResultSchema = z
  .object({ success: z.boolean(), connector_name: z.string(), trading_pair: z.string(), message: z.string() })
  .openapi('TradingPairResult');

export const ActiveFeedsSchema = z
  .record(
    z.string(),
    z.object({
      feed_type: z.enum(['candles', 'order_book']),
      last_access_time: z.number().openapi({ description: 'Unix seconds' }),
      seconds_since_access: z.number(),
      will_expire_in: z.number(),
      config: z.record(z.string(), z.unknown()),
    }),
  )
  .openapi('ActiveFeeds');

export const MarketDataSettingsSchema = z.object({ cleanup_interval: z.number(), feed_timeout: z.number(), description: z.string() }).openapi('MarketDataSettings');

export const CandleConnectorsSchema = z.array(z.string()).openapi('CandleConnectors', { example: ['binance', 'binance_perpetual'] });

/** `account_name` of the order-book tracker routes: accepted as Hummingbot API takes it; books are public data, read the same for every account. */
export const OrderBookTrackerQuerySchema = z.object({ account_name: SafeNameSchema.optional() });

export const OrderBookTrackerParamsSchema = z.object({ connector_name: connectorName });

const TrackedBookSchema = z.union([
  z.object({ best_bid: z.number().nullable(), best_ask: z.number().nullable(), timestamp: z.number().openapi({ description: "The exchange's book time, Unix seconds" }) }),
  z.object({ error: z.string() }),
]);

export const OrderBookDiagnosticsSchema = z
  .object({
    connector_type: z.string().openapi({ description: 'The CCXT class serving the connector', example: 'ccxt.binance' }),
    connector_name: z.string(),
    account_name: z.string().nullable(),
    has_order_book_tracker: z.literal(false).openapi({ description: 'Colibri keeps no tracker: every book is read from the exchange when asked' }),
    tracker_ready: z.boolean().openapi({ description: 'Every tracked pair\'s book was read from the exchange just now' }),
    tasks: z.record(z.string(), z.unknown()),
    trading_pairs: z.array(z.string()).openapi({ description: 'The pairs added with `/market-data/trading-pair/add` (order_book feeds not expired)' }),
    order_books: z.record(z.string(), TrackedBookSchema),
    metrics: z.null(),
    websocket_status: z.literal('not_used').openapi({ description: 'Books come from the exchange\'s REST API through the connector\'s exchange session' }),
  })
  .openapi('OrderBookDiagnostics');

export const OrderBookRestartSchema = z
  .union([
    z.object({ success: z.literal(true), message: z.string(), trading_pairs: z.array(z.string()) }),
    z.object({ success: z.literal(false), error: z.string(), trading_pairs: z.array(z.string()) }),
  ])
  .openapi('OrderBookRestart');
