import { z } from '@hono/zod-openapi';
import { text } from '../../../schemas/numbers';
import { ActivationBoundsSchema, ConnectorNameSchema, executorBase, fraction, leverage, positive, seconds, TradeSideSchema, TradingPairSchema, TrailingStopSchema } from '../config';

/** Hummingbot's `DCAMode` (string-valued). */
export const DcaModeSchema = z.enum(['MAKER', 'TAKER'], { error: 'must be one of MAKER, TAKER' });

const LEVELS_MAX = 100;

/** Hummingbot's `DCAExecutorConfig` (§2.4): levels bought (sold) one after another, closed together on the barriers. */
export const DcaConfigSchema = z
  .object({
    ...executorBase('dca_executor'),
    connector_name: ConnectorNameSchema,
    trading_pair: TradingPairSchema,
    side: TradeSideSchema,
    leverage: leverage().default(1),
    amounts_quote: z.array(positive()).min(1, 'must list at least one level').max(LEVELS_MAX, `at most ${LEVELS_MAX} levels`),
    prices: z.array(positive()).min(1, 'must list at least one level').max(LEVELS_MAX, `at most ${LEVELS_MAX} levels`),
    take_profit: fraction().nullish(),
    stop_loss: fraction().nullish(),
    trailing_stop: TrailingStopSchema.nullish(),
    time_limit: seconds().nullish(),
    mode: DcaModeSchema.default('MAKER'),
    activation_bounds: ActivationBoundsSchema.nullish(),
    level_id: text(64).nullish(),
  })
  .superRefine((config, context) => {
    if (config.amounts_quote.length !== config.prices.length) {
      context.addIssue({ code: 'custom', path: ['prices'], message: `must have as many entries as amounts_quote (${config.amounts_quote.length}), not ${config.prices.length}` });
    }
  })
  .openapi('DCAExecutorConfig');

export type DcaConfig = z.infer<typeof DcaConfigSchema>;
