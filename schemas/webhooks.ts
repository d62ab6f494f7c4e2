import { z } from '@hono/zod-openapi';
import { SafeNameSchema } from './accounts';
import { ChainNetworkSchema } from './chains';
import { DecimalInputSchema } from './exchange-trading';
import { text } from './numbers';
import { DexConnectorSchema } from './trading';

// Webhook-triggered trades (`/webhooks`, `/hooks/{id}`): a webhook is an action template, the fields an
// alert may set in it, limits and a secret; each alert it receives is a delivery.

const PositiveDecimal = DecimalInputSchema.refine((value) => Number(value) > 0, 'must be greater than 0');
const TradingPair = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9]+-[A-Za-z0-9]+$/, "must be BASE-QUOTE, e.g. 'BTC-USDT'")
  .transform((pair) => pair.toUpperCase());
const Side = z.enum(['BUY', 'SELL']);

/** The fields an alert may set, per action type. */
export const ORDER_ALERT_FIELDS = ['side', 'amount', 'price', 'trading_pair', 'order_type'] as const;
export const SWAP_ALERT_FIELDS = ['side', 'amount', 'trading_pair'] as const;
export type AlertField = (typeof ORDER_ALERT_FIELDS)[number];

export const OrderActionSchema = z
  .object({
    type: z.literal('order'),
    account_name: SafeNameSchema.openapi({ example: 'master_account' }),
    connector_name: SafeNameSchema.openapi({ example: 'binance' }),
    trading_pair: TradingPair.optional().openapi({ example: 'BTC-USDT' }),
    side: Side.optional(),
    amount: PositiveDecimal.optional().openapi({ type: 'string', example: '0.001', description: 'Base amount' }),
    order_type: z.enum(['LIMIT', 'MARKET', 'LIMIT_MAKER']).optional().openapi({ description: 'Default MARKET' }),
    price: PositiveDecimal.optional().openapi({ type: 'string', description: 'Required for LIMIT and LIMIT_MAKER' }),
  })
  .openapi('WebhookOrderAction');

export const SwapActionSchema = z
  .object({
    type: z.literal('swap'),
    chainNetwork: ChainNetworkSchema,
    connector: DexConnectorSchema,
    trading_pair: TradingPair.optional().openapi({ example: 'WETH-USDC', description: 'BASE-QUOTE token symbols' }),
    side: Side.optional(),
    amount: PositiveDecimal.optional().openapi({ type: 'string', example: '0.1', description: 'Base amount' }),
    walletAddress: z.string().min(1).max(100).optional().openapi({ description: "Defaults to the chain's defaultWallet" }),
    slippagePct: z.number().min(0).max(100).optional(),
  })
  .openapi('WebhookSwapAction');

export const WebhookActionSchema = z.discriminatedUnion('type', [OrderActionSchema, SwapActionSchema]);

export const WebhookLimitsSchema = z
  .object({
    maxAmount: PositiveDecimal.optional().openapi({ type: 'string', example: '0.05', description: 'Largest base amount one alert may trade' }),
    maxTradesPerHour: z.number().int().min(1).max(100_000).optional().openapi({ example: 60 }),
    tradingPairs: z.array(TradingPair).max(100).optional().openapi({ example: ['BTC-USDT', 'ETH-USDT'], description: 'Pairs an alert may trade; the template’s pair alone when unset' }),
    cooldownSeconds: z.number().int().min(0).max(86_400).optional().openapi({ example: 0, description: 'Least time between two accepted alerts' }),
  })
  .openapi('WebhookLimits');

const alertFields = z
  .array(z.enum(ORDER_ALERT_FIELDS))
  .max(ORDER_ALERT_FIELDS.length)
  .openapi({ description: `Fields an alert may set: ${ORDER_ALERT_FIELDS.join(', ')} (a swap: ${SWAP_ALERT_FIELDS.join(', ')})`, example: ['side', 'amount'] });

export const WebhookAuthSchema = z.enum(['hmac', 'body-secret']).openapi({
  description: '`hmac`: the `X-Colibri-Signature` header; `body-secret`: a `secret` field in the JSON body (TradingView cannot sign)',
});

export const CreateWebhookSchema = z
  .object({
    name: text(100).openapi({ example: 'btc-breakout' }),
    action: WebhookActionSchema,
    auth: WebhookAuthSchema.default('hmac'),
    alertFields: alertFields.default([]),
    limits: WebhookLimitsSchema.default({}),
    enabled: z.boolean().default(true),
  })
  .openapi('CreateWebhook');

export const UpdateWebhookSchema = z
  .object({
    name: text(100).optional(),
    action: WebhookActionSchema.optional(),
    auth: WebhookAuthSchema.optional(),
    alertFields: alertFields.optional(),
    limits: WebhookLimitsSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('UpdateWebhook');

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    url: z.string().openapi({ example: '/hooks/0b5e3c1e-8a57-4a8e-9d0c-2f1f5b1c2d3e' }),
    action: z.record(z.string(), z.unknown()),
    auth: WebhookAuthSchema,
    alertFields: z.array(z.string()),
    limits: z.record(z.string(), z.unknown()),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');

export const WebhookSecretSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    secret: z.string().openapi({ description: 'Shown once: Colibri keeps it sealed and never returns it again', example: 'whsec_3f1c…' }),
  })
  .openapi('WebhookSecret');

export const DELIVERY_STATUSES = ['accepted', 'duplicate', 'rejected', 'executed', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The delivery id: the alert’s Idempotency-Key, else the SHA-256 of its signed content' }),
    webhookId: z.uuid(),
    receivedAt: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    reason: z.string().nullable().openapi({ description: 'Why it was rejected or failed (or the last transient error while retried)' }),
    trade: z
      .object({ request: z.record(z.string(), z.unknown()), result: z.record(z.string(), z.unknown()).nullable() })
      .nullable()
      .openapi({ description: 'The trade the alert resolved to, and what the trading or connectors worker answered' }),
    attempts: z.number().int().openapi({ description: 'Times the queue consumer ran the trade' }),
    duplicates: z.number().int().openapi({ description: 'Repeats of this alert answered with this delivery' }),
    finishedAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

export const DeliveryAnswerSchema = z
  .object({
    status: z.enum(['accepted', 'duplicate']).openapi({ description: '`duplicate`: this delivery id was seen before; `delivery` is the first one' }),
    delivery: DeliverySchema,
  })
  .openapi('WebhookDeliveryAnswer');

export const WebhookIdPathSchema = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b5e3c1e-8a57-4a8e-9d0c-2f1f5b1c2d3e' }) });

export const DeliveriesQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z
    .union([z.number(), z.string().regex(/^\d+$/, 'must be an integer').transform(Number)])
    .pipe(z.number().int().min(1).max(1000))
    .default(100)
    .openapi({ type: 'integer', example: 100 }),
});

/** The queue message for one accepted delivery: the trade it resolved to travels with it. */
export interface TradeSignal {
  webhookId: string;
  deliveryId: string;
  trade: ResolvedTrade;
}

/** An alert resolved against its webhook's template: the request the trading or connectors worker gets. */
export type ResolvedTrade =
  | { type: 'order'; request: { account_name: string; connector_name: string; trading_pair: string; trade_type: 'BUY' | 'SELL'; amount: string; order_type: 'LIMIT' | 'MARKET' | 'LIMIT_MAKER'; price?: string } }
  | { type: 'swap'; request: { chainNetwork: string; connector?: string; baseToken: string; quoteToken: string; amount: string; side: 'BUY' | 'SELL'; walletAddress?: string; slippagePct?: number } };

export type WebhookAction = z.infer<typeof WebhookActionSchema>;
export type WebhookLimits = z.infer<typeof WebhookLimitsSchema>;
export type CreateWebhook = z.infer<typeof CreateWebhookSchema>;
