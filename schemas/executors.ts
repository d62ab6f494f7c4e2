import { z } from '@hono/zod-openapi';
import { SafeNameSchema } from './accounts';

// Hummingbot API's `/executors` contract (strategy reference §1.1), as hummingbot-api-client 1.5.1 calls it.

export const EXECUTOR_TYPES = ['position_executor', 'order_executor', 'grid_executor', 'dca_executor', 'twap_executor', 'arbitrage_executor', 'xemm_executor', 'lp_executor'] as const;
export const ExecutorTypeSchema = z.enum(EXECUTOR_TYPES, { error: `must be one of ${EXECUTOR_TYPES.join(', ')}` });
const STATUSES = ['NOT_STARTED', 'RUNNING', 'SHUTTING_DOWN', 'TERMINATED'] as const;

export const CreateExecutorRequestSchema = z
  .object({
    executor_config: z.record(z.string(), z.unknown()).openapi({
      description: "The executor's config: `type` and that type's fields (`GET /executors/types/{type}/config`); enums as values (`side: 1`) or names (`\"BUY\"`)",
      example: { type: 'order_executor', connector_name: 'binance', trading_pair: 'BTC-USDT', side: 1, amount: 0.001, execution_strategy: 'MARKET' },
    }),
    account_name: SafeNameSchema.default('master_account'),
    controller_id: z.string().min(1).max(64).default('main'),
  })
  .openapi('CreateExecutorRequest');

export const CreatedExecutorSchema = z
  .object({
    executor_id: z.string(),
    executor_type: ExecutorTypeSchema,
    connector_name: z.string().nullable(),
    trading_pair: z.string().nullable(),
    controller_id: z.string(),
    status: z.enum(STATUSES),
    created_at: z.string(),
  })
  .openapi('CreatedExecutor');

export const ExecutorSchema = z
  .object({
    id: z.string(),
    executor_id: z.string(),
    type: ExecutorTypeSchema,
    executor_type: ExecutorTypeSchema,
    account_name: z.string(),
    controller_id: z.string(),
    connector_name: z.string().nullable(),
    trading_pair: z.string().nullable(),
    side: z.enum(['BUY', 'SELL']).nullable(),
    status: z.enum(STATUSES),
    close_type: z.string().nullable(),
    timestamp: z.number().openapi({ description: 'Creation, seconds since the epoch' }),
    created_at: z.string(),
    closed_at: z.string().nullable(),
    close_timestamp: z.number().nullable(),
    net_pnl_quote: z.number(),
    net_pnl_pct: z.number().openapi({ description: 'A fraction: 0.025 is 2.5 %' }),
    cum_fees_quote: z.number(),
    filled_amount_quote: z.number(),
    is_active: z.boolean(),
    is_trading: z.boolean(),
    config: z.record(z.string(), z.unknown()),
    custom_info: z.record(z.string(), z.unknown()),
    error_count: z.number().int(),
    last_error: z.string().nullable(),
  })
  .openapi('Executor');

const names = (description: string) => z.array(z.string().max(200)).max(100).optional().openapi({ description });

export const SearchExecutorsRequestSchema = z
  .object({
    account_names: names('Any of these accounts'),
    connector_names: names('Any of these connectors'),
    trading_pairs: names('Any of these pairs'),
    executor_types: z.array(ExecutorTypeSchema).max(8).optional(),
    status: z.enum(STATUSES).optional(),
    controller_ids: names('Any of these controllers'),
    cursor: z.string().max(300).optional().openapi({ description: '`next_cursor` of the previous page' }),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .openapi('SearchExecutorsRequest');

export const ExecutorPageSchema = z
  .object({
    data: z.array(ExecutorSchema),
    pagination: z.object({ limit: z.number().int(), has_more: z.boolean(), next_cursor: z.string().nullable(), total_count: z.number().int() }),
  })
  .openapi('ExecutorPage');

const counts = z.record(z.string(), z.number().int());

export const ExecutorSummarySchema = z
  .object({ total_active: z.number().int(), total_pnl_quote: z.number(), total_volume_quote: z.number(), by_type: counts, by_connector: counts, by_status: counts })
  .openapi('ExecutorSummary');

export const PerformanceReportSchema = z
  .object({
    controller_id: z.string().nullable(),
    total_executors: z.number().int(),
    completed_executors: z.number().int(),
    active_executors: z.number().int(),
    pnl_total_quote: z.number(),
    fees_total_quote: z.number(),
    volume_total_quote: z.number(),
    pnl_pct_avg: z.number().nullable(),
    win_rate: z.number().nullable(),
    sharpe_ratio: z.number().nullable(),
    unrealized_pnl_quote: z.number(),
    realized_pnl_quote: z.number(),
    global_pnl_quote: z.number(),
    active_positions: z.number().int(),
    position_hold_fees_quote: z.number(),
    by_status: counts,
    by_type: z.record(z.string(), z.object({ count: z.number().int(), running: z.number().int(), completed: z.number().int(), pnl_quote: z.number(), volume_quote: z.number() })),
  })
  .openapi('ExecutorPerformanceReport');

export const ExecutorLogsSchema = z
  .object({
    executor_id: z.string(),
    logs: z.array(z.object({ timestamp: z.number(), level: z.string(), message: z.string(), exc_info: z.string().nullable() })),
    total_count: z.number().int(),
  })
  .openapi('ExecutorLogs');

export const StopExecutorRequestSchema = z.object({ keep_position: z.boolean().default(false) }).openapi('StopExecutorRequest');
export const StopExecutorResponseSchema = z.object({ executor_id: z.string(), status: z.literal('stopping'), keep_position: z.boolean() }).openapi('StopExecutorResponse');

export const PositionHoldSchema = z
  .object({
    trading_pair: z.string(),
    connector_name: z.string(),
    account_name: z.string(),
    controller_id: z.string(),
    buy_amount_base: z.number(),
    buy_amount_quote: z.number(),
    sell_amount_base: z.number(),
    sell_amount_quote: z.number(),
    net_amount_base: z.number(),
    buy_breakeven_price: z.number().nullable(),
    sell_breakeven_price: z.number().nullable(),
    matched_amount_base: z.number(),
    unmatched_amount_base: z.number(),
    position_side: z.enum(['LONG', 'SHORT', 'FLAT']),
    realized_pnl_quote: z.number(),
    cum_fees_quote: z.number(),
    unrealized_pnl_quote: z.number().nullable(),
    executor_count: z.number().int(),
    executor_ids: z.array(z.string()),
    last_updated: z.string().nullable(),
  })
  .openapi('PositionHold');

export const PositionsSummarySchema = z
  .object({ total_positions: z.number().int(), total_realized_pnl: z.number(), total_unrealized_pnl: z.number().nullable(), positions: z.array(PositionHoldSchema) })
  .openapi('PositionsSummary');

export const ExecutorTypesSchema = z
  .object({ executor_types: z.array(z.object({ type: ExecutorTypeSchema, description: z.string(), use_case: z.string() })) })
  .openapi('ExecutorTypes');

export const ExecutorConfigSchemaSchema = z
  .object({
    executor_type: ExecutorTypeSchema,
    config_class: z.string(),
    description: z.string(),
    fields: z.array(
      z.object({
        name: z.string(),
        required: z.boolean(),
        type: z.string(),
        description: z.string().optional(),
        default: z.unknown().optional(),
        constraints: z.record(z.string(), z.unknown()).optional(),
        enum_values: z.array(z.unknown()).optional(),
      }),
    ),
    nested_types: z.record(z.string(), z.unknown()),
  })
  .openapi('ExecutorConfigSchema');
