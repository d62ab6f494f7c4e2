import { z } from '@hono/zod-openapi';
import { decimalTextOf } from '../lib/decimal';
import { SafeNameSchema } from './accounts';
import { decimalString } from './numbers';

// Hummingbot API's `/trading` contract for centralized exchanges (orders, trades, positions, funding).

/** A decimal as Hummingbot's `Decimal` fields take it: a JSON number or a decimal string, never `true`, `null` or hex. */
export const DecimalInputSchema = z
  .union([z.number().finite(), decimalString({ maxLength: 40 })])
  .transform((value) => decimalText(value));

/** `value` as plain decimal text (no exponent): 1e-7 and "1e-07" → "0.0000001", expanded digit by digit. */
export function decimalText(value: number | string): string {
  return decimalTextOf(value) ?? String(value);
}

const PositiveDecimalSchema = DecimalInputSchema.refine((value) => Number(value) > 0, 'must be greater than 0');

export const TradeTypeSchema = z.enum(['BUY', 'SELL']);
export const OrderTypeSchema = z.enum(['LIMIT', 'MARKET', 'LIMIT_MAKER'], { error: 'must be one of LIMIT, MARKET, LIMIT_MAKER' });
export const PositionActionSchema = z.enum(['OPEN', 'CLOSE']);
export const OrderStatusSchema = z.enum(['SUBMITTED', 'OPEN', 'PARTIALLY_FILLED', 'PENDING_CANCEL', 'FILLED', 'CANCELLED', 'FAILED']);

/** Hummingbot's pair name, e.g. BTC-USDT. */
const TradingPairSchema = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9]+-[A-Za-z0-9]+$/, "must be BASE-QUOTE, e.g. 'BTC-USDT'")
  .openapi({ example: 'BTC-USDT' });

export const TradeRequestSchema = z
  .object({
    account_name: SafeNameSchema.openapi({ example: 'master_account' }),
    connector_name: SafeNameSchema.openapi({ example: 'binance' }),
    trading_pair: TradingPairSchema,
    trade_type: TradeTypeSchema,
    amount: PositiveDecimalSchema.openapi({ type: 'number', example: 0.001, description: 'Base amount; rounded down to the lot step' }),
    order_type: OrderTypeSchema.default('LIMIT'),
    price: PositiveDecimalSchema.nullable().optional().openapi({ type: 'number', example: 90000, description: 'Required for LIMIT and LIMIT_MAKER' }),
    position_action: PositionActionSchema.default('OPEN').openapi({ description: 'Perpetuals: OPEN adds to a position, CLOSE only reduces it' }),
  })
  .openapi('TradeRequest');

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'must be 1-255 visible ASCII characters')
    .optional()
    .openapi({ description: 'A retry with the same key returns the first order instead of placing another; the same key with a different request is a 409' }),
});

export const TradeResponseSchema = z
  .object({
    order_id: z.string().openapi({ description: 'The client order id, as the exchange knows the order', example: 'x-CLBB4Q2M7ZK9F1D3H8J6N0P5R2T4V' }),
    account_name: z.string(),
    connector_name: z.string(),
    trading_pair: z.string(),
    trade_type: TradeTypeSchema,
    amount: z.number(),
    order_type: OrderTypeSchema,
    price: z.number().nullable(),
    status: z.literal('submitted'),
  })
  .openapi('TradeResponse');

export const OrderRowSchema = z
  .object({
    order_id: z.string(),
    account_name: z.string(),
    connector_name: z.string(),
    trading_pair: z.string(),
    trade_type: TradeTypeSchema,
    order_type: OrderTypeSchema,
    amount: z.number(),
    price: z.number().nullable(),
    status: OrderStatusSchema,
    filled_amount: z.number(),
    average_fill_price: z.number().nullable(),
    fee_paid: z.number().nullable(),
    fee_currency: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    exchange_order_id: z.string().nullable(),
    error_message: z.string().nullable(),
  })
  .openapi('Order');

export const TradeRowSchema = z
  .object({
    trade_id: z.string(),
    order_id: z.string().openapi({ description: 'The client order id' }),
    account_name: z.string(),
    connector_name: z.string(),
    trading_pair: z.string(),
    trade_type: TradeTypeSchema,
    amount: z.number(),
    price: z.number(),
    fee_paid: z.number(),
    fee_currency: z.string().nullable(),
    timestamp: z.string(),
  })
  .openapi('Trade');

export const PositionRowSchema = z
  .object({
    account_name: z.string(),
    connector_name: z.string(),
    trading_pair: z.string(),
    side: z.enum(['LONG', 'SHORT']),
    amount: z.number(),
    entry_price: z.number(),
    unrealized_pnl: z.number(),
    leverage: z.number().nullable(),
  })
  .openapi('Position');

export const FundingPaymentRowSchema = z
  .object({
    id: z.number().int(),
    funding_payment_id: z.string(),
    timestamp: z.string(),
    account_name: z.string(),
    connector_name: z.string(),
    trading_pair: z.string(),
    funding_rate: z.number().nullable(),
    funding_payment: z.number(),
    fee_currency: z.string(),
    position_size: z.number().nullable(),
    position_side: z.string().nullable(),
    exchange_funding_id: z.string().nullable(),
  })
  .openapi('FundingPayment');

const names = z.array(SafeNameSchema).max(100).optional();
const pairs = z.array(TradingPairSchema).max(100).optional();
const timeMs = z.number().int().nonnegative().optional().openapi({ description: 'Unix time in ms' });

/** Page size and the opaque cursor a previous page returned as `next_cursor`. */
const page = {
  limit: z.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).nullable().optional(),
};

export const ActiveOrdersRequestSchema = z.object({ account_names: names, connector_names: names, trading_pairs: pairs, ...page }).openapi('ActiveOrdersFilter');

export const OrderSearchRequestSchema = z
  .object({ account_names: names, connector_names: names, trading_pairs: pairs, status: OrderStatusSchema.optional(), start_time: timeMs, end_time: timeMs, ...page })
  .openapi('OrderFilter');

export const TradeSearchRequestSchema = z
  .object({ account_names: names, connector_names: names, trading_pairs: pairs, trade_types: z.array(TradeTypeSchema).max(2).optional(), start_time: timeMs, end_time: timeMs, ...page })
  .openapi('TradeFilter');

export const PositionsRequestSchema = z.object({ account_names: names, connector_names: names, ...page }).openapi('PositionFilter');

export const FundingPaymentsRequestSchema = z
  .object({ account_names: names, connector_names: names, trading_pair: TradingPairSchema.optional(), start_time: timeMs, end_time: timeMs, ...page })
  .openapi('FundingPaymentFilter');

export const PaginationSchema = z.object({ limit: z.number().int(), has_more: z.boolean(), next_cursor: z.string().nullable(), total_count: z.number().int() });

export const paginated = <T extends z.ZodType>(row: T, name: string) => z.object({ data: z.array(row), pagination: PaginationSchema }).openapi(name);

export const PositionModeSchema = z.enum(['HEDGE', 'ONEWAY']);
export const PositionModeRequestSchema = z.object({ position_mode: PositionModeSchema }).openapi('PositionModeRequest');
export const PositionModeResponseSchema = z.object({ position_mode: z.enum(['HEDGE', 'ONEWAY', 'UNKNOWN']), connector: z.string(), account: z.string() }).openapi('PositionMode');
export const LeverageRequestSchema = z.object({ trading_pair: TradingPairSchema, leverage: z.number().int().min(1).max(125) }).openapi('LeverageRequest');
export const StatusMessageSchema = z.object({ status: z.literal('success'), message: z.string() }).openapi('StatusMessage');

export const AccountConnectorOrderPathSchema = z.object({
  account_name: SafeNameSchema.openapi({ param: { name: 'account_name', in: 'path' }, example: 'master_account' }),
  connector_name: SafeNameSchema.openapi({ param: { name: 'connector_name', in: 'path' }, example: 'binance' }),
  client_order_id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._:/-]+$/, 'not a client order id')
    .openapi({ param: { name: 'client_order_id', in: 'path' } }),
});

export type TradeRequest = z.infer<typeof TradeRequestSchema>;
export type OrderRow = z.infer<typeof OrderRowSchema>;
export type TradeRow = z.infer<typeof TradeRowSchema>;
export type PositionRow = z.infer<typeof PositionRowSchema>;
export type FundingPaymentRow = z.infer<typeof FundingPaymentRowSchema>;
export type PositionMode = z.infer<typeof PositionModeSchema>;
