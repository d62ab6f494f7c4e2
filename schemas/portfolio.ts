import { z } from '@hono/zod-openapi';
import { SafeNameSchema } from './accounts';

const names = (example: string[]) => z.array(SafeNameSchema).max(100).optional().openapi({ example });
const filters = {
  account_names: names(['master_account']),
  connector_names: names(['binance']).openapi({ description: 'Exchange connectors, or `chain-network` for wallets (e.g. ethereum-mainnet)' }),
};

export const PortfolioStateRequestSchema = z
  .object({ ...filters, skip_gateway: z.boolean().default(false), refresh: z.boolean().default(false).openapi({ description: 'Accepted for compatibility: the state is always read fresh' }) })
  .strict()
  .openapi('PortfolioStateRequest');

export const TokenRowSchema = z
  .object({
    token: z.string(),
    units: z.number(),
    price: z.number().openapi({ description: 'In USDT' }),
    value: z.number().openapi({ description: 'units × price, in USDT' }),
    available_units: z.number(),
    price_missing: z.literal(true).optional().openapi({ description: 'No source priced this token: price and value are 0' }),
  })
  .openapi('PortfolioTokenRow');

export const PortfolioStateSchema = z.record(z.string(), z.record(z.string(), z.array(TokenRowSchema))).openapi('PortfolioState', {
  example: { master_account: { binance: [{ token: 'BTC', units: 1.5, price: 95000, value: 142500, available_units: 1.5 }], 'ethereum-mainnet': [] } },
});

export const PortfolioHistoryRequestSchema = z
  .object({
    ...filters,
    limit: z.number().int().min(1).max(1000).default(100),
    cursor: z.string().datetime({ offset: true }).optional().openapi({ description: "next_cursor of the previous page" }),
    start_time: z.number().int().min(0).optional().openapi({ description: 'Unix ms' }),
    end_time: z.number().int().min(0).optional().openapi({ description: 'Unix ms' }),
    interval: z.enum(['5m', '15m', '30m', '1h', '4h', '12h', '1d']).default('5m'),
  })
  .strict()
  .refine((body) => body.start_time === undefined || body.end_time === undefined || body.end_time >= body.start_time, { message: 'must not be before start_time', path: ['end_time'] })
  .openapi('PortfolioHistoryRequest');

export const PortfolioHistorySchema = z
  .object({
    data: z.array(z.object({ timestamp: z.string(), state: PortfolioStateSchema })),
    pagination: z.object({
      limit: z.number(),
      has_more: z.boolean(),
      next_cursor: z.string().nullable(),
      current_cursor: z.string().nullable(),
      filters: z.object({
        account_names: z.array(z.string()).nullable(),
        connector_names: z.array(z.string()).nullable(),
        start_time: z.number().nullable(),
        end_time: z.number().nullable(),
        interval: z.string(),
      }),
    }),
  })
  .openapi('PortfolioHistory');

export const PortfolioDistributionRequestSchema = z.object(filters).strict().openapi('PortfolioDistributionRequest');

export const PortfolioDistributionSchema = z
  .object({
    total_portfolio_value: z.number(),
    token_count: z.number(),
    distribution: z.array(
      z.object({
        token: z.string(),
        total_value: z.number(),
        total_units: z.number(),
        percentage: z.number(),
        accounts: z.record(
          z.string(),
          z.object({ value: z.number(), units: z.number(), percentage: z.number(), connectors: z.record(z.string(), z.object({ value: z.number(), units: z.number() })) }),
        ),
      }),
    ),
    account_filter: z.string(),
  })
  .openapi('PortfolioDistribution');

export const AccountsDistributionSchema = z
  .object({
    total_portfolio_value: z.number(),
    account_count: z.number(),
    distribution: z.array(z.object({ account: z.string(), total_value: z.number(), percentage: z.number(), connectors: z.record(z.string(), z.object({ value: z.number(), percentage: z.number() })) })),
  })
  .openapi('AccountsDistribution');
