import { z } from '@hono/zod-openapi';
import { text } from '../../../schemas/numbers';
import { ConnectorNameSchema, executorBase, fraction, leverage, positive, TradeSideSchema, TradingPairSchema } from '../config';

export const EXECUTION_STRATEGIES = ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'LIMIT_CHASER'] as const;

/** Hummingbot's `LimitChaserConfig`: the order rests `distance` from the best quote, re-priced once the market runs `refresh_threshold` away. */
export const ChaserConfigSchema = z.object({ distance: fraction(), refresh_threshold: fraction() });

/** Hummingbot's `OrderExecutorConfig` (§2.2): one order, placed and followed to its end, its fill kept as a position hold. */
export const OrderConfigSchema = z
  .object({
    ...executorBase('order_executor'),
    connector_name: ConnectorNameSchema,
    trading_pair: TradingPairSchema,
    side: TradeSideSchema,
    /** Base amount. */
    amount: positive(),
    position_action: z.enum(['OPEN', 'CLOSE'], { error: 'must be OPEN or CLOSE' }).default('OPEN'),
    /** The limit price of LIMIT and LIMIT_MAKER. */
    price: positive().nullish(),
    chaser_config: ChaserConfigSchema.nullish(),
    execution_strategy: z.enum(EXECUTION_STRATEGIES, { error: `must be one of ${EXECUTION_STRATEGIES.join(', ')}` }),
    leverage: leverage().default(1),
    level_id: text(64).nullish(),
  })
  // Hummingbot checks these only for enum instances; a JSON client would get an executor that cannot place its order.
  .superRefine((config, context) => {
    if ((config.execution_strategy === 'LIMIT' || config.execution_strategy === 'LIMIT_MAKER') && config.price == null) {
      context.addIssue({ code: 'custom', path: ['price'], message: `required for ${config.execution_strategy}` });
    }
    if (config.execution_strategy === 'LIMIT_CHASER' && config.chaser_config == null) {
      context.addIssue({ code: 'custom', path: ['chaser_config'], message: 'required for LIMIT_CHASER' });
    }
  })
  .openapi('OrderExecutorConfig');

export type OrderConfig = z.infer<typeof OrderConfigSchema>;
