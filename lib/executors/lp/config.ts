import { z } from '@hono/zod-openapi';
import { ConnectorNameSchema, executorBase, LpSideSchema, nonNegative, positive, TradingPairSchema } from '../config';

/** Hummingbot's `LPExecutorConfig` (§2.8): a concentrated-liquidity position through Gateway's CLMM routes. */
export const LpConfigSchema = z
  .object({
    ...executorBase('lp_executor'),
    /** The chain network, e.g. `ethereum-localnet`. */
    connector_name: ConnectorNameSchema,
    lp_provider: z.string().regex(/^[a-z0-9-]+\/clmm$/, "must be 'dex/clmm', e.g. uniswap/clmm"),
    swap_provider: z.string().regex(/^[a-z0-9-]+\/(router|amm|clmm)$/, "must be 'dex/type', e.g. uniswap/router").nullish(),
    pool_address: z.string().min(1).max(128),
    trading_pair: TradingPairSchema,
    lower_price: positive(),
    upper_price: positive(),
    base_amount: nonNegative().default(0),
    quote_amount: nonNegative().default(0),
    /** BUY (1): quote only; SELL (2): base only; RANGE (3): both. */
    side: LpSideSchema.default('BUY'),
    upper_limit_price: positive().nullish(),
    lower_limit_price: positive().nullish(),
    extra_params: z.record(z.string(), z.unknown()).nullish(),
    keep_position: z.boolean().default(false),
  })
  .superRefine((config, context) => {
    if (config.lower_price >= config.upper_price) context.addIssue({ code: 'custom', path: ['lower_price'], message: `must be below upper_price (${config.upper_price})` });
    if (config.base_amount === 0 && config.quote_amount === 0) context.addIssue({ code: 'custom', path: ['quote_amount'], message: 'base_amount or quote_amount must be greater than 0' });
    if (config.upper_limit_price != null && config.upper_limit_price < config.upper_price) {
      context.addIssue({ code: 'custom', path: ['upper_limit_price'], message: `must be at or above upper_price (${config.upper_price})` });
    }
    if (config.lower_limit_price != null && config.lower_limit_price > config.lower_price) {
      context.addIssue({ code: 'custom', path: ['lower_limit_price'], message: `must be at or below lower_price (${config.lower_price})` });
    }
  })
  .openapi('LPExecutorConfig');

export type LpConfig = z.infer<typeof LpConfigSchema>;
