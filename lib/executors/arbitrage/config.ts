import { z } from '@hono/zod-openapi';
import { decimalNumber } from '../../../schemas/numbers';
import { ConnectorPairSchema, executorBase, positive } from '../config';
import { baseAsset } from '../orders';

/** A base asset's family: ETH and WETH, USDC and USDC.E, UBTC and BTC are one asset on two venues. */
function assetFamily(asset: string): string {
  const upper = asset.toUpperCase();
  if (upper.includes('USD')) return 'USD';
  const plain = upper.endsWith('.E') ? upper.slice(0, -2) : upper;
  return /^[WU][A-Z0-9]{2,}$/.test(plain) ? plain.slice(1) : plain;
}

/** Whether the two pairs' bases can be bought on one venue and sold on the other (Hummingbot's rule). */
export function interchangeable(buyingPair: string, sellingPair: string): boolean {
  const [a, b] = [baseAsset(buyingPair).toUpperCase(), baseAsset(sellingPair).toUpperCase()];
  return a === b || assetFamily(a) === assetFamily(b) || assetFamily(a) === b || a === assetFamily(b);
}

/** A fraction ≥ 0 and < 1. */
const profitability = () => decimalNumber(z.number().nonnegative('must be 0 or more').lt(1, 'must be less than 1 (a fraction: 0.003 is 0.3 %)'));

/** Hummingbot's `ArbitrageExecutorConfig` (§2.6): buy on one market and sell on the other once the spread beats the fees. */
export const ArbitrageConfigSchema = z
  .object({
    ...executorBase('arbitrage_executor'),
    buying_market: ConnectorPairSchema,
    selling_market: ConnectorPairSchema,
    /** Base amount of each leg. */
    order_amount: positive(),
    min_profitability: profitability(),
    /** The native gas token's price in base, to count an AMM leg's gas. */
    gas_conversion_price: positive().nullish(),
  })
  .superRefine((config, context) => {
    if (!interchangeable(config.buying_market.trading_pair, config.selling_market.trading_pair)) {
      context.addIssue({
        code: 'custom',
        path: ['selling_market', 'trading_pair'],
        message: `its base is not interchangeable with ${config.buying_market.trading_pair}'s: the two legs must trade the same asset`,
      });
    }
    if (config.buying_market.connector_name === config.selling_market.connector_name && config.buying_market.trading_pair === config.selling_market.trading_pair) {
      context.addIssue({ code: 'custom', path: ['selling_market'], message: 'must differ from buying_market' });
    }
  })
  .openapi('ArbitrageExecutorConfig');

export type ArbitrageConfig = z.infer<typeof ArbitrageConfigSchema>;
