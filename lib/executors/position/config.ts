import { z } from '@hono/zod-openapi';
import { text } from '../../../schemas/numbers';
import {
  ActivationBoundsSchema,
  ConnectorNameSchema,
  executorBase,
  leverage,
  positive,
  TradeSideSchema,
  TradingPairSchema,
  TripleBarrierSchema,
} from '../config';

/** Hummingbot's `PositionExecutorConfig` (§2.1): one position with a stop-loss, a take-profit, a trailing stop and a time limit. */
export const PositionConfigSchema = z
  .object({
    ...executorBase('position_executor'),
    connector_name: ConnectorNameSchema,
    trading_pair: TradingPairSchema,
    side: TradeSideSchema,
    /** Absent: the best bid (BUY) or ask (SELL) when the executor starts. */
    entry_price: positive().nullish(),
    /** Base amount. */
    amount: positive(),
    triple_barrier_config: TripleBarrierSchema.prefault({}),
    leverage: leverage().default(1),
    activation_bounds: ActivationBoundsSchema.nullish(),
    level_id: text(64).nullish(),
  })
  .openapi('PositionExecutorConfig');

export type PositionConfig = z.infer<typeof PositionConfigSchema>;
