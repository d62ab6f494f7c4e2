import { z } from '@hono/zod-openapi';
import { decimalNumber, text } from '../../schemas/numbers';
import type { OrderType, TradeSide } from '../executors/core';
import { marketKey } from '../executors/core';
import { NO_ACTIONS, type ControllerStep, type ControllerView } from './core';

// Hummingbot's directional_trading controller base (strategy_v2/controllers/directional_trading_controller_base.py):
// its config fields and defaults, and its decision: on a signal, one position executor a side at a
// time up to `max_executors_per_side`, after `cooldown_time` since the newest active one on that side.

const ORDER_TYPES: Record<number, OrderType> = { 1: 'MARKET', 2: 'LIMIT', 3: 'LIMIT_MAKER' };
const ORDER_TYPE_MESSAGE = 'must be one of MARKET (1), LIMIT (2), LIMIT_MAKER (3)';

/** `take_profit_order_type`: a name (any case) or a value; null is MARKET, as Hummingbot's validator has it. */
const TakeProfitOrderTypeSchema = z
  .union([z.string(), z.number(), z.null()])
  .transform((value, context): OrderType => {
    if (value === null) return 'MARKET';
    const type = typeof value === 'number' ? ORDER_TYPES[value] : Object.values(ORDER_TYPES).find((name) => name === value.toUpperCase());
    if (type) return type;
    context.addIssue({ code: 'custom', message: ORDER_TYPE_MESSAGE });
    return z.NEVER;
  });

/** A barrier: a fraction > 0, or null / "" for none (Hummingbot's `validate_target`). */
const barrier = <T extends z.ZodNumber>(number: T) =>
  z.union([z.literal('').transform(() => null), z.null(), decimalNumber(number)]);
const fraction = () => z.number().gt(0, 'must be greater than 0 (a fraction: 0.03 is 3 %)').lt(1, 'must be less than 1 (a fraction: 0.03 is 3 %)');

const TrailingStopObjectSchema = z.strictObject({ activation_price: decimalNumber(fraction()), trailing_delta: decimalNumber(fraction()) });
/** `trailing_stop`: null, "" (none), "activation,delta" as Hummingbot's YAML writes it, or the object. */
const TrailingStopSchema = z.union([
  z.null(),
  z.literal('').transform(() => null),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*$/, "must be 'activation_price,trailing_delta', e.g. '0.015,0.003'")
    .transform((value) => value.split(',').map(Number))
    .pipe(z.tuple([fraction(), fraction()]))
    .transform(([activation_price, trailing_delta]) => ({ activation_price, trailing_delta })),
  TrailingStopObjectSchema,
]);

const PositionModeSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(['HEDGE', 'ONEWAY'], { error: 'must be HEDGE or ONEWAY' }));

const InitialPositionSchema = z.strictObject({
  connector_name: text(64),
  trading_pair: text(41),
  amount: decimalNumber(z.number().positive('must be greater than 0')),
  side: z.union([z.enum(['BUY', 'SELL']), z.literal([1, 2]).transform((value) => (value === 1 ? 'BUY' : 'SELL'))]),
});

/** The fields of every directional controller config (ControllerConfigBase + DirectionalTradingControllerConfigBase), with Hummingbot's defaults. */
export const directionalConfigShape = {
  id: z.string().max(64, 'at most 64 characters').default(''),
  controller_type: z.literal('directional_trading').default('directional_trading'),
  total_amount_quote: decimalNumber(z.number().positive('must be greater than 0')).default(100),
  manual_kill_switch: z.boolean().default(false),
  initial_positions: z.array(InitialPositionSchema).max(100).default([]),
  connector_name: text(64).default('binance_perpetual'),
  trading_pair: z
    .string()
    .regex(/^[A-Za-z0-9.]{1,20}-[A-Za-z0-9.]{1,20}$/, "must be 'BASE-QUOTE', e.g. BTC-USDT")
    .default('WLD-USDT'),
  max_executors_per_side: decimalNumber(z.number().int('must be a whole number').min(1, 'must be 1 or more')).default(2),
  cooldown_time: decimalNumber(z.number().int('must be whole seconds').positive('must be greater than 0')).default(300),
  leverage: decimalNumber(z.number().int('must be a whole number').min(1, 'must be 1 or more').max(125, 'at most 125')).default(20),
  position_mode: PositionModeSchema.default('HEDGE'),
  stop_loss: barrier(fraction()).default(0.03),
  take_profit: barrier(fraction()).default(0.02),
  time_limit: barrier(z.number().int('must be whole seconds').positive('must be greater than 0')).default(2700),
  take_profit_order_type: TakeProfitOrderTypeSchema.default('LIMIT'),
  trailing_stop: TrailingStopSchema.default(null),
};

export type DirectionalConfig = { [Field in keyof typeof directionalConfigShape]: z.output<(typeof directionalConfigShape)[Field]> };

/** What a directional controller remembers between ticks: nothing beyond its executors, which the runtime reports. */
export type DirectionalState = null;

/** The position executor config (Hummingbot's JSON) a signal creates: entry at mid, MARKET open, the barriers from the config. */
export function positionExecutorConfig(config: DirectionalConfig, controllerId: string, side: TradeSide, price: number, now: number) {
  return {
    type: 'position_executor',
    timestamp: now / 1000,
    controller_id: controllerId,
    connector_name: config.connector_name,
    trading_pair: config.trading_pair,
    side,
    entry_price: price,
    amount: config.total_amount_quote / price / config.max_executors_per_side,
    triple_barrier_config: {
      stop_loss: config.stop_loss,
      take_profit: config.take_profit,
      time_limit: config.time_limit,
      trailing_stop: config.trailing_stop,
      open_order_type: 'MARKET',
      take_profit_order_type: config.take_profit_order_type,
      stop_loss_order_type: 'MARKET',
      time_limit_order_type: 'MARKET',
    },
    leverage: config.leverage,
  };
}

/**
 * Hummingbot's `create_actions_proposal`: on signal +1 / −1, a BUY / SELL position executor when
 * fewer than `max_executors_per_side` are active on that side and the newest of them is older than
 * `cooldown_time`. Hummingbot's filter counts every active executor for a short signal (an operator
 * precedence slip); this counts the signal's side, as its comment and its long branch intend.
 */
export function decideDirectional(config: DirectionalConfig, controllerId: string, signal: number, view: ControllerView): ControllerStep<DirectionalState> {
  if (!(signal > 0 || signal < 0)) return { state: null, actions: NO_ACTIONS };
  const side: TradeSide = signal > 0 ? 'BUY' : 'SELL';
  let active = 0;
  let newest = 0;
  for (const executor of view.executors) {
    if (!executor.isActive || executor.side !== side) continue;
    active++;
    if (executor.timestamp > newest) newest = executor.timestamp;
  }
  if (active >= config.max_executors_per_side || view.now - newest <= config.cooldown_time * 1000) return { state: null, actions: NO_ACTIONS };
  const quote = view.quotes[marketKey({ connector: config.connector_name, tradingPair: config.trading_pair })];
  if (!quote) return { state: null, actions: NO_ACTIONS };
  return { state: null, actions: [{ type: 'create_executor', config: positionExecutorConfig(config, controllerId, side, quote.mid, view.now) }] };
}
