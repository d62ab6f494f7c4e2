// Every call an executor's runtime makes to an exchange, in this one module: orders go through the
// account's exchange session (which records them in `orders`/`trades` and follows them over the user
// data stream), rules and balances come from it too. When the typed exchange service replaces the
// session stubs, only this file changes.
import type { ExchangeSessionsEnv } from '../../exchanges/session-client';
import { exchangeSession } from '../../exchanges/session-client';
import type { TradingRule } from '../../exchanges/trading-rules';
import { decimalText } from '../../../schemas/exchange-trading';
import { BadRequestError } from '../../errors';
import { toResult, unwrapResult, type RpcResult } from '../../rpc';
import type { ExecutorAction, MarketRules, Market } from '../core';

export type PlaceOrderAction = Extract<ExecutorAction, { type: 'place_order' }>;

/**
 * Fees a connector charges when its rules do not say (the local exchange and Binance's base tier):
 * cores price their barriers with them; the executor's figures use the fees the fills carry.
 */
const BASE_FEES: Record<string, { makerFee: number; takerFee: number }> = {
  binance: { makerFee: 0.001, takerFee: 0.001 },
  binance_perpetual: { makerFee: 0.0002, takerFee: 0.0005 },
};

/** The pair's trading rules as a core reads them; a 400 naming the pair when the connector does not list it. */
export async function marketRules(env: ExchangeSessionsEnv, market: Market): Promise<MarketRules> {
  const rules = unwrapResult(await exchangeSession(env, market.connector).tradingRules(market.connector, [market.tradingPair]));
  const rule = rules[market.tradingPair] as TradingRule | { error: string } | undefined;
  if (!rule || 'error' in rule) throw new UnlistedPairError(market);
  return {
    minOrderSize: rule.min_order_size,
    minNotional: rule.min_notional_size,
    sizeIncrement: rule.min_base_amount_increment,
    priceIncrement: rule.min_price_increment,
    ...(BASE_FEES[market.connector] ?? { makerFee: 0.001, takerFee: 0.001 }),
  };
}

/** The account's free balances on a connector, by asset. */
export async function freeBalances(env: ExchangeSessionsEnv, account: string, connector: string): Promise<Record<string, number>> {
  const held = unwrapResult(await exchangeSession(env, connector, account).balances(account, connector));
  return Object.fromEntries(Object.entries(held).map(([asset, { available }]) => [asset, Number(available)]));
}

/** A REST snapshot of the pair's book: used only until the pair's market feed has pushed one. */
export async function bookSnapshot(env: ExchangeSessionsEnv, market: Market, depth: number) {
  const book = unwrapResult(await exchangeSession(env, market.connector).orderBook(market.connector, { tradingPair: market.tradingPair, depth }));
  const levels = (side: { price: string; amount: string }[]) => side.map(({ price, amount }) => [Number(price), Number(amount)] as const);
  return { bids: levels(book.bids), asks: levels(book.asks) };
}

/**
 * Sends an executor's order under its derived client order id: sending it again (a retry, a restart)
 * is the same order. Refusals come back as values, so the runtime tells a refusal from an outage.
 */
export function placeOrder(env: ExchangeSessionsEnv, account: string, action: PlaceOrderAction, clientOrderId: string): Promise<RpcResult<unknown>> {
  const { market } = action;
  return exchangeSession(env, market.connector, account).placeOrder({
    account_name: account,
    connector_name: market.connector,
    trading_pair: market.tradingPair,
    trade_type: action.side,
    amount: decimalText(action.amount),
    order_type: action.orderType,
    price: action.price === undefined ? undefined : decimalText(action.price),
    // NIL (spot orders) sends as OPEN, as Hummingbot's connectors do.
    position_action: action.positionAction === 'CLOSE' ? 'CLOSE' : 'OPEN',
    clientOrderId,
  });
}

export function cancelOrder(env: ExchangeSessionsEnv, account: string, connector: string, clientOrderId: string): Promise<RpcResult<void>> {
  return exchangeSession(env, connector, account).cancelOrder(account, connector, clientOrderId);
}

/** Whether `account` has credentials for `connector` (one balance read); the error as a value when not. */
export function checkAccount(env: ExchangeSessionsEnv, account: string, connector: string): Promise<RpcResult<Record<string, number>>> {
  return toResult(() => freeBalances(env, account, connector));
}

export class UnlistedPairError extends BadRequestError {
  constructor(market: Market) {
    super(`Trading pair '${market.tradingPair}' is not traded on ${market.connector}.`, 'UNKNOWN_TRADING_PAIR', { field: 'trading_pair' });
  }
}
