import { z } from '@hono/zod-openapi';
import { Decimal } from '../lib/decimal';
import { decimalString } from './numbers';

// Hummingbot API's `/gateway` contract (routers/gateway*.py, models/gateway_trading.py), snake_case
// field names unchanged. Its Python client sends decimals as strings ("0.1") and the server reads them
// as Decimal: both strings and JSON numbers are taken, never booleans, nulls or hex.

/** A decimal string as the Python client writes it (`"0.1"`, `"5e-05"`), blanks around it trimmed. */
const trimmedDecimalString = () => decimalString({ trim: true });

/** A positive decimal, as a string or a JSON number; kept as the text the client wrote. */
export const PositiveDecimalSchema = z
  .union([trimmedDecimalString(), z.number().finite()])
  .transform((value) => Decimal.from(value).toString())
  .refine((value) => Decimal.from(value).isPositive(), 'must be greater than 0')
  .openapi({ type: 'string', example: '0.1', description: 'A decimal, as a string (what the Python client sends) or a number' });

export const SlippagePctDecimalSchema = z
  .union([trimmedDecimalString(), z.number().finite()])
  .transform(Number)
  .refine((value) => value >= 0 && value <= 100, 'must be between 0 and 100')
  .optional()
  .openapi({ type: 'string', example: '1.0', description: '0-100; default 1.0' });

export const NetworkIdSchema = z.string().min(3).max(80).openapi({ description: "`chain-network`, e.g. 'ethereum-localnet'", example: 'ethereum-localnet' });
export const TradingPairSchema = z.string().min(3).max(80).openapi({ description: "'BASE-QUOTE'", example: 'WETH-USDC' });
export const SideSchema = z.enum(['BUY', 'SELL']).openapi({ description: 'SELL: exactly `amount` base in; BUY: exactly `amount` base out' });
const connector = z.string().min(1).max(60).openapi({ description: "A DEX ('uniswap': its router; 'uniswap/amm', 'uniswap/clmm' for one schema)", example: 'uniswap' });
const walletAddress = z.string().min(1).max(100).optional().openapi({ description: "Defaults to the chain's defaultWallet" });

export const SwapQuoteRequestSchema = z.object({
  connector,
  network: NetworkIdSchema,
  trading_pair: TradingPairSchema,
  side: SideSchema,
  amount: PositiveDecimalSchema,
  slippage_pct: SlippagePctDecimalSchema,
});

export const SwapQuoteResponseSchema = z
  .object({
    base: z.string(),
    quote: z.string(),
    price: z.number().openapi({ description: 'Quote per base' }),
    amount: z.number(),
    amount_in: z.number().nullable(),
    amount_out: z.number().nullable(),
    expected_amount: z.number().nullable().openapi({ description: 'Deprecated: amount_out' }),
    slippage_pct: z.number(),
    gas_estimate: z.number().nullable().openapi({ description: 'Not estimated (null): see /chains/ethereum/estimate-gas' }),
  })
  .openapi('GatewaySwapQuote');

export const SwapExecuteRequestSchema = SwapQuoteRequestSchema.extend({ wallet_address: walletAddress });

export const SwapExecuteResponseSchema = z
  .object({
    transaction_hash: z.string(),
    trading_pair: z.string(),
    side: SideSchema,
    amount: z.number(),
    status: z.literal('submitted'),
  })
  .openapi('GatewaySwapExecute');

export const SwapStatusSchema = z.enum(['SUBMITTED', 'CONFIRMED', 'FAILED']);

export const SwapRowSchema = z
  .object({
    transaction_hash: z.string().nullable().openapi({ description: 'null for a swap the chain refused before it was sent' }),
    timestamp: z.string(),
    network: z.string(),
    connector: z.string(),
    wallet_address: z.string().nullable(),
    trading_pair: z.string(),
    base_token: z.string(),
    quote_token: z.string(),
    side: SideSchema,
    input_amount: z.number().nullable(),
    output_amount: z.number().nullable(),
    price: z.number().nullable(),
    slippage_pct: z.number().nullable(),
    gas_fee: z.number().nullable(),
    gas_token: z.string().nullable(),
    status: SwapStatusSchema,
    pool_address: z.string().nullable(),
    quote_id: z.string().nullable(),
    error_message: z.string().nullable(),
  })
  .openapi('GatewaySwap');

/** A whole number from a query string or a JSON number (never a boolean or null). */
const wholeNumber = () => z.union([z.number().int(), z.string().regex(/^\d{1,15}$/, 'must be a whole number').transform(Number)]).pipe(z.number().int().min(0));
const unixSeconds = wholeNumber().openapi({ type: 'integer', description: 'Unix seconds' });
const pageLimit = wholeNumber().pipe(z.number().min(1).max(1000)).default(50).openapi({ type: 'integer' });
const pageOffset = wholeNumber().default(0).openapi({ type: 'integer' });

export const SwapSearchSchema = z.object({
  network: NetworkIdSchema.optional(),
  connector: connector.optional(),
  wallet_address: z.string().min(1).optional(),
  trading_pair: TradingPairSchema.optional(),
  status: SwapStatusSchema.optional(),
  start_time: unixSeconds.optional(),
  end_time: unixSeconds.optional(),
  limit: pageLimit,
  offset: pageOffset,
});

export const PaginationSchema = z.object({ limit: z.number(), offset: z.number(), has_more: z.boolean(), total_count: z.number() });

export const SwapSearchResponseSchema = z.object({ data: z.array(SwapRowSchema), pagination: PaginationSchema }).openapi('GatewaySwapSearch');

export const SwapSummaryQuerySchema = SwapSearchSchema.pick({ network: true, wallet_address: true, start_time: true, end_time: true });

export const SwapSummarySchema = z
  .object({
    total_swaps: z.number(),
    confirmed_swaps: z.number(),
    failed_swaps: z.number(),
    pending_swaps: z.number(),
    success_rate: z.number().openapi({ description: 'confirmed / total, 0 when there are none' }),
    total_volume: z.number().openapi({ description: 'Quote token moved by confirmed swaps (summed over every quote token)' }),
    total_gas_fees: z.number().openapi({ description: 'Of confirmed and reverted swaps, in each network\'s native currency' }),
  })
  .openapi('GatewaySwapSummary');

// CLMM

const poolAddress = z.string().min(1).max(100).openapi({ example: '0x...' });
const positionAddress = z.string().min(1).max(100).openapi({ description: "On EVM the position NFT's token id", example: '4' });
const optionalAmount = PositiveDecimalSchema.optional();

export const ClmmPoolInfoQuerySchema = z.object({ connector, network: NetworkIdSchema, pool_address: poolAddress });

export const ClmmPoolInfoSchema = z
  .object({
    address: z.string(),
    base_token_address: z.string(),
    quote_token_address: z.string(),
    bin_step: z.number().nullable().openapi({ description: 'The tick spacing' }),
    fee_pct: z.number(),
    price: z.number(),
    base_token_amount: z.number(),
    quote_token_amount: z.number(),
    active_bin_id: z.number().nullable().openapi({ description: 'The current tick' }),
    dynamic_fee_pct: z.number().nullable(),
    min_bin_id: z.number().nullable(),
    max_bin_id: z.number().nullable(),
    bins: z.array(z.object({ bin_id: z.number(), price: z.number(), base_token_amount: z.number(), quote_token_amount: z.number() })),
  })
  .openapi('GatewayClmmPoolInfo');

export const ClmmPoolsQuerySchema = z.object({
  connector,
  network: NetworkIdSchema.optional().openapi({ description: "Colibri addition: the network whose listed pools to page (default: the chain's defaultNetwork)" }),
  page: wholeNumber().default(0).openapi({ type: 'integer' }),
  limit: wholeNumber().pipe(z.number().min(1).max(100)).default(50).openapi({ type: 'integer' }),
  search_term: z.string().max(100).optional(),
  sort_key: z.string().max(40).optional(),
  order_by: z.enum(['asc', 'desc']).optional(),
  include_unknown: z.enum(['true', 'false']).optional(),
});

export const ClmmPoolListSchema = z
  .object({
    pools: z.array(
      z.object({
        address: z.string(),
        name: z.string(),
        trading_pair: z.string(),
        mint_x: z.string(),
        mint_y: z.string(),
        bin_step: z.number().nullable(),
        current_price: z.number().nullable(),
        liquidity: z.string().nullable(),
        base_fee_percentage: z.string().nullable(),
        apr: z.number().nullable(),
        apy: z.number().nullable(),
        volume_24h: z.number().nullable(),
        fees_24h: z.number().nullable(),
      }),
    ),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  })
  .openapi('GatewayClmmPools');

export const ClmmOpenRequestSchema = z.object({
  connector,
  network: NetworkIdSchema,
  pool_address: poolAddress,
  lower_price: PositiveDecimalSchema,
  upper_price: PositiveDecimalSchema,
  base_token_amount: optionalAmount,
  quote_token_amount: optionalAmount,
  slippage_pct: SlippagePctDecimalSchema,
  wallet_address: walletAddress,
  extra_params: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Connector-specific; the EVM connectors take none' }),
});

export const ClmmOpenResponseSchema = z
  .object({
    transaction_hash: z.string(),
    position_address: z.string(),
    trading_pair: z.string(),
    pool_address: z.string(),
    lower_price: z.number(),
    upper_price: z.number(),
    status: z.literal('submitted'),
  })
  .openapi('GatewayClmmOpen');

export const ClmmAddRequestSchema = z.object({
  connector,
  network: NetworkIdSchema,
  position_address: positionAddress,
  base_token_amount: optionalAmount,
  quote_token_amount: optionalAmount,
  slippage_pct: SlippagePctDecimalSchema,
  wallet_address: walletAddress,
});

export const ClmmRemoveRequestSchema = z.object({
  connector,
  network: NetworkIdSchema,
  position_address: positionAddress,
  percentage: z
    .union([trimmedDecimalString(), z.number().finite()])
    .transform(Number)
    .refine((value) => value > 0 && value <= 100, 'must be greater than 0 and at most 100')
    .openapi({ type: 'string', example: '50' }),
  wallet_address: walletAddress,
});

export const ClmmPositionRequestSchema = z.object({ connector, network: NetworkIdSchema, position_address: positionAddress, wallet_address: walletAddress });

export const ClmmTransactionResponseSchema = z
  .object({
    transaction_hash: z.string(),
    position_address: z.string(),
    base_fee_collected: z.number().nullable(),
    quote_fee_collected: z.number().nullable(),
    status: z.literal('submitted'),
  })
  .openapi('GatewayClmmTransaction');

export const ClmmPositionsOwnedRequestSchema = z.object({ connector, network: NetworkIdSchema, pool_address: poolAddress, wallet_address: walletAddress });

export const ClmmOwnedPositionSchema = z
  .object({
    position_address: z.string(),
    pool_address: z.string(),
    trading_pair: z.string(),
    base_token: z.string(),
    quote_token: z.string(),
    base_token_amount: z.number(),
    quote_token_amount: z.number(),
    current_price: z.number(),
    lower_price: z.number(),
    upper_price: z.number(),
    base_fee_amount: z.number(),
    quote_fee_amount: z.number(),
    lower_bin_id: z.number(),
    upper_bin_id: z.number(),
    in_range: z.boolean(),
  })
  .openapi('GatewayClmmOwnedPosition');

export const ClmmEventTypeSchema = z.enum(['OPEN', 'ADD_LIQUIDITY', 'REMOVE_LIQUIDITY', 'COLLECT_FEES', 'CLOSE']);

export const ClmmEventSchema = z
  .object({
    transaction_hash: z.string(),
    timestamp: z.string(),
    event_type: ClmmEventTypeSchema,
    base_token_amount: z.number().nullable(),
    quote_token_amount: z.number().nullable(),
    base_fee_collected: z.number().nullable(),
    quote_fee_collected: z.number().nullable(),
    gas_fee: z.number().nullable(),
    gas_token: z.string().nullable(),
    status: SwapStatusSchema,
    error_message: z.string().nullable(),
  })
  .openapi('GatewayClmmEvent');

export const ClmmEventsQuerySchema = z.object({ event_type: ClmmEventTypeSchema.optional(), limit: wholeNumber().pipe(z.number().min(1).max(1000)).default(100).openapi({ type: 'integer' }) });

export const ClmmEventsResponseSchema = z.object({ data: z.array(ClmmEventSchema), total_count: z.number() }).openapi('GatewayClmmEvents');

const booleanText = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const ClmmPositionSearchSchema = z.object({
  network: NetworkIdSchema.optional(),
  connector: connector.optional(),
  wallet_address: z.string().min(1).optional(),
  trading_pair: TradingPairSchema.optional(),
  status: z.enum(['OPEN', 'CLOSED']).optional(),
  position_addresses: z.union([z.array(positionAddress).max(100), positionAddress.transform((address) => [address])]).optional(),
  limit: pageLimit,
  offset: pageOffset,
  refresh: booleanText.default(false).openapi({ description: "Accepted for the client; open positions' amounts, pending fees and the pools' prices are always read from the chain now" }),
});

export const PnlSummarySchema = z
  .object({
    entry_price: z.number(),
    current_price: z.number(),
    price_change_pct: z.number(),
    initial_base: z.number(),
    initial_quote: z.number(),
    initial_value_quote: z.number(),
    current_base: z.number(),
    current_quote: z.number(),
    withdrawn_base: z.number(),
    withdrawn_quote: z.number(),
    current_lp_value_quote: z.number(),
    total_fees_base: z.number(),
    total_fees_quote: z.number(),
    total_fees_value_quote: z.number(),
    hodl_value_quote: z.number(),
    impermanent_loss_quote: z.number(),
    current_total_value_quote: z.number(),
    total_pnl_quote: z.number(),
    total_pnl_pct: z.number(),
    duration_hours: z.number(),
    fee_apr_estimate: z.number().nullable(),
  })
  .openapi('GatewayClmmPnl');

export const ClmmPositionRowSchema = z
  .object({
    position_address: z.string(),
    pool_address: z.string(),
    network: z.string(),
    connector: z.string(),
    wallet_address: z.string().nullable(),
    trading_pair: z.string(),
    base_token: z.string(),
    quote_token: z.string(),
    created_at: z.string(),
    closed_at: z.string().nullable(),
    status: z.enum(['OPEN', 'CLOSED']),
    lower_price: z.number(),
    upper_price: z.number(),
    lower_bin_id: z.number().nullable(),
    upper_bin_id: z.number().nullable(),
    entry_price: z.number().nullable(),
    current_price: z.number().nullable(),
    percentage: z.number().nullable(),
    initial_base_token_amount: z.number(),
    initial_quote_token_amount: z.number(),
    position_rent: z.number(),
    base_token_amount: z.number(),
    quote_token_amount: z.number(),
    in_range: z.enum(['IN_RANGE', 'OUT_OF_RANGE', 'UNKNOWN']),
    base_fee_collected: z.number(),
    quote_fee_collected: z.number(),
    base_fee_pending: z.number(),
    quote_fee_pending: z.number(),
    pnl_summary: PnlSummarySchema.nullable(),
    last_updated: z.string(),
  })
  .openapi('GatewayClmmPosition');

export const ClmmPositionSearchResponseSchema = z.object({ data: z.array(ClmmPositionRowSchema), pagination: PaginationSchema }).openapi('GatewayClmmPositionSearch');

export type SwapRow = z.infer<typeof SwapRowSchema>;
export type ClmmPositionRow = z.infer<typeof ClmmPositionRowSchema>;
export type PnlSummary = z.infer<typeof PnlSummarySchema>;
