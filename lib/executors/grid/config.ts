import { z } from '@hono/zod-openapi';
import { decimalNumber, text } from '../../../schemas/numbers';
import { ConnectorNameSchema, executorBase, fraction, leverage, nonNegative, positive, TradeSideSchema, TradingPairSchema, TripleBarrierSchema } from '../config';

const wholeCount = () => decimalNumber(z.number().int('must be a whole number').min(1, 'must be 1 or more'));

/** Hummingbot's `GridExecutorConfig` (§2.3): levels from start to end price, each bought (sold) and taken profit on, over and over. */
export const GridConfigSchema = z
  .object({
    ...executorBase('grid_executor'),
    connector_name: ConnectorNameSchema,
    trading_pair: TradingPairSchema,
    start_price: positive(),
    end_price: positive(),
    /** Beyond it the grid stops: below start for a BUY grid, above end for a SELL grid. */
    limit_price: positive(),
    side: TradeSideSchema.default('BUY'),
    total_amount_quote: positive(),
    min_spread_between_orders: fraction().default(0.0005),
    min_order_amount_quote: positive().default(5),
    max_open_orders: wholeCount().default(5),
    max_orders_per_batch: wholeCount().nullish(),
    /** Seconds between two batches of open orders. */
    order_frequency: decimalNumber(z.number().int('must be whole seconds').nonnegative('must be 0 or more')).default(0),
    activation_bounds: fraction().nullish(),
    safe_extra_spread: nonNegative().default(0.0001),
    triple_barrier_config: TripleBarrierSchema,
    leverage: leverage().default(20),
    level_id: text(64).nullish(),
    deduct_base_fees: z.boolean().default(false),
    keep_position: z.boolean().default(false),
    coerce_tp_to_step: z.boolean().default(false),
  })
  .superRefine((config, context) => {
    if (config.start_price >= config.end_price) context.addIssue({ code: 'custom', path: ['start_price'], message: `must be below end_price (${config.end_price})` });
    if (config.side === 'BUY' && config.limit_price >= config.start_price) {
      context.addIssue({ code: 'custom', path: ['limit_price'], message: `must be below start_price (${config.start_price}) for a BUY grid` });
    }
    if (config.side === 'SELL' && config.limit_price <= config.end_price) {
      context.addIssue({ code: 'custom', path: ['limit_price'], message: `must be above end_price (${config.end_price}) for a SELL grid` });
    }
  })
  .openapi('GridExecutorConfig');

export type GridConfig = z.infer<typeof GridConfigSchema>;
