import { z } from '@hono/zod-openapi';
import { SafeNameSchema } from './accounts';

export const ConnectorPathSchema = z.object({
  connector_name: SafeNameSchema.openapi({ param: { name: 'connector_name', in: 'path' }, example: 'binance' }),
});

export const ConfigMapSchema = z
  .record(
    z.string(),
    z.object({
      type: z.string().openapi({ description: "Hummingbot's pydantic type: SecretStr, str, bool or Literal" }),
      required: z.boolean(),
      allowed_values: z.array(z.string()).optional(),
    }),
  )
  .openapi('ConnectorConfigMap', { example: { binance_api_key: { type: 'SecretStr', required: true }, binance_api_secret: { type: 'SecretStr', required: true } } });

export const TradingRuleSchema = z
  .object({
    min_order_size: z.number(),
    max_order_size: z.number().nullable(),
    min_price_increment: z.number(),
    min_base_amount_increment: z.number(),
    min_quote_amount_increment: z.number(),
    min_notional_size: z.number(),
    min_order_value: z.number(),
    max_price_significant_digits: z.number(),
    supports_limit_orders: z.boolean(),
    supports_market_orders: z.boolean(),
    buy_order_collateral_token: z.string(),
    sell_order_collateral_token: z.string(),
  })
  .openapi('TradingRule');

export const TradingRulesSchema = z
  .record(z.string(), z.union([TradingRuleSchema, z.object({ error: z.string() })]))
  .openapi('TradingRules', { description: 'By Hummingbot trading pair (BTC-USDT); a requested pair the exchange does not list gets {error}' });

export const TradingRulesQuerySchema = z.object({
  trading_pairs: z
    .union([z.string().max(50), z.array(z.string().max(50)).max(500)])
    .optional()
    .openapi({ description: 'Repeatable: trading_pairs=BTC-USDT&trading_pairs=ETH-USDT. All pairs when absent.' }),
});

export const OrderTypesSchema = z
  .object({ connector: z.string(), supported_order_types: z.array(z.enum(['LIMIT', 'MARKET', 'LIMIT_MAKER'])) })
  .openapi('ConnectorOrderTypes');
