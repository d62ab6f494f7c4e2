import { z } from '@hono/zod-openapi';
import { decimalNumber, text } from '../../schemas/numbers';
import type { Market, OrderType, TradeSide } from './core';

// The pieces every executor config is built from, as Hummingbot's clients send them: Decimals as JSON
// numbers or decimal strings, enums as their values (`side: 1`, what pydantic takes) or their names
// (`"BUY"`, what the API's own example shows). Parsed configs carry names only.

/** A Hummingbot int enum taking its values and its names; it parses to the name. */
function intEnum<const Name extends string>(byValue: Readonly<Record<number, Name>>) {
  const names = Object.values(byValue) as [Name, ...Name[]];
  const values = Object.keys(byValue).map(Number) as [number, ...number[]];
  const accepted = `must be one of ${names.map((name, i) => `${name} (${values[i]})`).join(', ')}`;
  return z
    .union([z.enum(names), z.literal(values)], { error: accepted })
    .transform((value): Name => (typeof value === 'number' ? byValue[value] : value));
}

/** `TradeType` BUY=1, SELL=2. */
export const TradeSideSchema = intEnum<TradeSide>({ 1: 'BUY', 2: 'SELL' });
/** `TradeType` with RANGE=3 (an LP position on both sides). */
export const LpSideSchema = intEnum<TradeSide | 'RANGE'>({ 1: 'BUY', 2: 'SELL', 3: 'RANGE' });
/** `OrderType` MARKET=1, LIMIT=2, LIMIT_MAKER=3 (the AMM values are no executor's order type). */
export const OrderTypeSchema = intEnum<OrderType>({ 1: 'MARKET', 2: 'LIMIT', 3: 'LIMIT_MAKER' });

/** A Decimal field > 0. */
export const positive = () => decimalNumber(z.number().positive('must be greater than 0').finite());
/** A Decimal field ≥ 0. */
export const nonNegative = () => decimalNumber(z.number().nonnegative('must be 0 or more').finite());
/** A fraction strictly between 0 and 1 (0.03 is 3 %), as barriers and spreads are. */
export const fraction = () =>
  decimalNumber(z.number().gt(0, 'must be between 0 and 1 (a fraction: 0.03 is 3 %)').lt(1, 'must be between 0 and 1 (a fraction: 0.03 is 3 %)'));
/** Whole seconds > 0. */
export const seconds = () => decimalNumber(z.number().int('must be whole seconds').positive('must be greater than 0'));
export const leverage = () => decimalNumber(z.number().int('must be a whole number').min(1, 'must be 1 or more').max(125, 'at most 125'));

export const ConnectorNameSchema = text(64);
export const TradingPairSchema = z
  .string()
  .regex(/^[A-Za-z0-9.]{1,20}-[A-Za-z0-9.]{1,20}$/, "must be 'BASE-QUOTE', e.g. BTC-USDT")
  .openapi({ example: 'BTC-USDT' });

/** Hummingbot's `ConnectorPair`. */
export const ConnectorPairSchema = z.object({ connector_name: ConnectorNameSchema, trading_pair: TradingPairSchema });

/** Fields of every executor config (`ExecutorConfigBase`); `timestamp` is Hummingbot's: seconds since the epoch. */
export const executorBase = <const Type extends string>(type: Type) => ({
  id: text(64).optional(),
  type: z.literal(type),
  timestamp: decimalNumber(z.number().positive('must be greater than 0')).optional(),
  controller_id: text(64).default('main'),
});

/** Activation bounds: one or two fractions of price (`[b0, b1]`). */
export const ActivationBoundsSchema = z.array(decimalNumber(z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1'))).min(1).max(2);

/** Hummingbot's `TrailingStop`: both fractions of PnL (the "price" in the name notwithstanding). */
export const TrailingStopSchema = z.object({ activation_price: fraction(), trailing_delta: fraction() });

/** Hummingbot's `TripleBarrierConfig`; stop-loss and time-limit closes must be MARKET, as Hummingbot requires. */
export const TripleBarrierSchema = z.object({
  stop_loss: fraction().nullish(),
  take_profit: fraction().nullish(),
  time_limit: seconds().nullish(),
  trailing_stop: TrailingStopSchema.nullish(),
  open_order_type: OrderTypeSchema.default('LIMIT'),
  take_profit_order_type: OrderTypeSchema.default('MARKET'),
  stop_loss_order_type: OrderTypeSchema.default('MARKET').refine((type) => type === 'MARKET', 'must be MARKET'),
  time_limit_order_type: OrderTypeSchema.default('MARKET').refine((type) => type === 'MARKET', 'must be MARKET'),
});
export type TripleBarrier = z.infer<typeof TripleBarrierSchema>;
export type TrailingStop = z.infer<typeof TrailingStopSchema>;

export function marketOf(config: { connector_name: string; trading_pair: string }): Market {
  return { connector: config.connector_name, tradingPair: config.trading_pair };
}

/** Perpetual connectors (`binance_perpetual`) trade on margin: the balance check asks for notional / leverage in quote. */
export function isPerpetual(connector: string): boolean {
  return connector.endsWith('_perpetual') || connector.endsWith('_perpetual_testnet');
}
