import { z } from '@hono/zod-openapi';
import { INTERVAL_MS } from '../lib/exchanges/reads/intervals';

// Hummingbot API's backtesting router (§1.6 of the strategy reference) as hummingbot-api-client 1.5.1 calls it.

/** Most candles one backtest replays at its resolution, warm-up included: about 694 days of 1m, 50 MB of columns in its Durable Object. */
export const MAX_TASK_CANDLES = 1_000_000;
/** Most candles `POST /backtesting/run` replays inside the request: 35 days of 1m. Longer ranges go to `/backtesting/tasks`. */
export const MAX_RUN_CANDLES = 50_400;

/** The resolutions a backtest replays at: whole bars the controllers' candle intervals are built from (1M has no fixed length). */
export const BACKTEST_RESOLUTIONS = Object.keys(INTERVAL_MS).filter((interval) => interval !== '1M');

const seconds = (description: string, example: number) => z.number().int('must be whole seconds (Unix time)').min(0, 'must be 0 or more').openapi({ description, example });

export const BacktestRequestSchema = z
  .strictObject({
    start_time: seconds('Start of the range, Unix seconds', 1735689600).default(1735689600),
    end_time: seconds('End of the range, Unix seconds', 1738368000).default(1738368000),
    backtesting_resolution: z
      .string()
      .refine((value) => BACKTEST_RESOLUTIONS.includes(value), `must be one of ${BACKTEST_RESOLUTIONS.join(', ')}`)
      .default('1m')
      .openapi({ example: '1m' }),
    trade_cost: z
      .number()
      .min(0, 'must be 0 or more (a fraction per side: 0.0006 is 0.06 %)')
      .lt(1, 'must be less than 1 (a fraction per side: 0.0006 is 0.06 %)')
      .default(0.0006)
      .openapi({ description: 'Fee per side, a fraction of each fill (0.0006 = 0.06 %)', example: 0.0006 }),
    slippage: z
      .number()
      .min(0, 'must be 0 or more')
      .lt(0.1, 'must be less than 0.1')
      .default(0)
      .openapi({ description: "Colibri's: market orders fill this fraction worse than the tick's price", example: 0 }),
    config: z
      .union([z.record(z.string(), z.unknown()), z.string().min(1).max(255)])
      .openapi({ description: 'A controller config (its YAML as JSON), or the name of a stored one', example: { controller_name: 'bollinger_v1', connector_name: 'binance', trading_pair: 'BTC-USDT' } }),
  })
  .refine((body) => body.end_time > body.start_time, { message: 'must be after start_time', path: ['end_time'] })
  .openapi('BacktestRequest');
export type BacktestRequest = z.output<typeof BacktestRequestSchema>;

const number = z.number();
const ExecutorInfoSchema = z
  .object({
    id: z.string(),
    timestamp: number,
    type: z.string(),
    status: z.number().int().openapi({ description: 'RunnableStatus value: 4 is TERMINATED' }),
    config: z.record(z.string(), z.unknown()),
    net_pnl_pct: number,
    net_pnl_quote: number,
    cum_fees_quote: number,
    filled_amount_quote: number,
    is_active: z.boolean(),
    is_trading: z.boolean(),
    custom_info: z.record(z.string(), z.unknown()),
    close_timestamp: number.nullable(),
    close_type: z.number().int().nullable().openapi({ description: 'CloseType value: 1 TIME_LIMIT, 2 STOP_LOSS, 3 TAKE_PROFIT, ...' }),
    controller_id: z.string(),
    side: z.number().int().nullable().openapi({ description: 'TradeType value: 1 BUY, 2 SELL' }),
  })
  .openapi('BacktestExecutor');

export const BacktestResultSchema = z
  .object({
    executors: z.array(ExecutorInfoSchema),
    processed_data: z.record(z.string(), z.record(z.string(), number)).openapi({ description: 'Features by column, then by bar open (Unix seconds); sampled to at most 1000 bars' }),
    results: z.record(z.string(), z.unknown()).openapi({ description: "Hummingbot's summarize_results, plus sharpe_ratio_annualized and sortino_ratio_annualized" }),
    position_holds: z.array(z.record(z.string(), z.unknown())),
    position_held_timeseries: z.array(z.record(z.string(), number)),
    pnl_timeseries: z.array(z.record(z.string(), number)),
    series: z.object({ bars: z.number().int(), sampled_bars: z.number().int(), resolution: z.string() }).openapi({ description: "Colibri's: bars replayed, bars kept in the sampled series" }),
  })
  .openapi('BacktestResult');

export const TASK_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export const TaskIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}$/, 'must be a task id (8 hex characters)')
  .openapi({ param: { name: 'task_id', in: 'path' }, example: '1a2b3c4d' });

export const TaskSubmittedSchema = z.object({ task_id: z.string(), status: z.literal('pending') }).openapi('BacktestTaskSubmitted');

export const TaskSchema = z
  .object({
    task_id: z.string(),
    status: z.enum(TASK_STATUSES),
    config: z.union([z.record(z.string(), z.unknown()), z.string()]),
    created_at: z.string().openapi({ description: 'ISO 8601' }),
    started_at: z.string().nullable(),
    completed_at: z.string().nullable(),
    error: z.string().nullable(),
    progress: z.object({ candles_done: z.number().int(), candles_total: z.number().int(), phase: z.string() }).openapi({ description: "Colibri's: candles replayed of all" }),
    result: BacktestResultSchema.optional(),
  })
  .openapi('BacktestTask');

export const TaskDeletedSchema = z.object({ status: z.enum(['deleted', 'cancelled']), task_id: z.string() }).openapi('BacktestTaskDeleted');

export const SeriesQuerySchema = z.object({
  offset: z.string().regex(/^\d+$/, 'must be a whole number').default('0').transform(Number).openapi({ description: 'First bar', example: '0' }),
  limit: z.string().regex(/^\d+$/, 'must be a whole number').default('10000').transform(Number).pipe(z.number().int().min(1).max(50_000, 'at most 50000')).openapi({ example: '10000' }),
});
export const SERIES_NAMES = ['pnl_timeseries', 'position_held_timeseries'] as const;
export const SeriesPageSchema = z
  .object({ task_id: z.string(), series: z.enum(SERIES_NAMES), offset: z.number().int(), limit: z.number().int(), total: z.number().int(), rows: z.array(z.record(z.string(), number)) })
  .openapi('BacktestSeriesPage');
