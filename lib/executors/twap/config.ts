import { z } from '@hono/zod-openapi';
import { decimalNumber } from '../../../schemas/numbers';
import { ConnectorNameSchema, executorBase, fraction, leverage, positive, seconds, TradeSideSchema, TradingPairSchema } from '../config';

/** Hummingbot's `TWAPMode` (string-valued). */
export const TwapModeSchema = z.enum(['TAKER', 'MAKER'], { error: 'must be one of TAKER, MAKER' });

/** At most this many slices: a 1-second interval over a day. */
const SLICES_MAX = 86_400;

/** Hummingbot's `TWAPExecutorConfig` (§2.5): a total split into equal slices sent at a fixed interval. */
export const TwapConfigSchema = z
  .object({
    ...executorBase('twap_executor'),
    connector_name: ConnectorNameSchema,
    trading_pair: TradingPairSchema,
    side: TradeSideSchema,
    leverage: leverage().default(1),
    total_amount_quote: positive(),
    total_duration: seconds(),
    order_interval: seconds(),
    mode: TwapModeSchema.default('TAKER'),
    /** MAKER: how far from mid each slice's limit rests (a fraction). */
    limit_order_buffer: fraction().nullish(),
    /** MAKER: seconds before an unfilled slice is cancelled and sent again at the new mid. */
    order_resubmission_time: decimalNumber(z.number().int('must be whole seconds').positive('must be greater than 0')).nullish(),
  })
  .superRefine((config, context) => {
    if (config.order_interval > config.total_duration) {
      context.addIssue({ code: 'custom', path: ['order_interval'], message: `must not exceed total_duration (${config.total_duration} s)` });
    } else if (Math.floor(config.total_duration / config.order_interval) + 1 > SLICES_MAX) {
      context.addIssue({ code: 'custom', path: ['order_interval'], message: `gives more than ${SLICES_MAX} slices over total_duration` });
    }
    // Hummingbot accepts a MAKER TWAP without a buffer and crashes on its first slice.
    if (config.mode === 'MAKER' && config.limit_order_buffer == null) {
      context.addIssue({ code: 'custom', path: ['limit_order_buffer'], message: 'is required in MAKER mode' });
    }
  })
  .openapi('TWAPExecutorConfig');

export type TwapConfig = z.infer<typeof TwapConfigSchema>;
