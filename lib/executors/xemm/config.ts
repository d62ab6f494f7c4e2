import { z } from '@hono/zod-openapi';
import { decimalNumber } from '../../../schemas/numbers';
import { ConnectorPairSchema, executorBase, positive, TradeSideSchema } from '../config';
import { interchangeable } from '../arbitrage/config';

const profitability = () => decimalNumber(z.number().gt(-1, 'must be greater than −1').lt(1, 'must be less than 1 (a fraction: 0.003 is 0.3 %)'));

/** Hummingbot's `XEMMExecutorConfig` (§2.7): a maker order on one market, hedged by a taker order on the other once filled. */
export const XemmConfigSchema = z
  .object({
    ...executorBase('xemm_executor'),
    buying_market: ConnectorPairSchema,
    selling_market: ConnectorPairSchema,
    /** BUY: the maker order rests on the buying market; SELL: on the selling market. */
    maker_side: TradeSideSchema,
    order_amount: positive(),
    min_profitability: profitability(),
    target_profitability: profitability(),
    max_profitability: profitability(),
  })
  .superRefine((config, context) => {
    if (!(config.min_profitability < config.target_profitability)) {
      context.addIssue({ code: 'custom', path: ['target_profitability'], message: `must be above min_profitability (${config.min_profitability})` });
    }
    if (!(config.target_profitability < config.max_profitability)) {
      context.addIssue({ code: 'custom', path: ['max_profitability'], message: `must be above target_profitability (${config.target_profitability})` });
    }
    if (!interchangeable(config.buying_market.trading_pair, config.selling_market.trading_pair)) {
      context.addIssue({ code: 'custom', path: ['selling_market', 'trading_pair'], message: `its base is not interchangeable with ${config.buying_market.trading_pair}'s` });
    }
  })
  .openapi('XEMMExecutorConfig');

export type XemmConfig = z.infer<typeof XemmConfigSchema>;
