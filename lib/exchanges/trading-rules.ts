import type Exchange from '../../node_modules/ccxt/js/src/base/Exchange.js';
import type { MarketInterface } from '../../node_modules/ccxt/js/src/base/types.js';
import type { ExchangeConnector } from './connectors';

/** Hummingbot's `TradingRule` as Hummingbot API serialises it (`/connectors/{name}/trading-rules`). */
export interface TradingRule {
  min_order_size: number;
  max_order_size: number | null;
  min_price_increment: number;
  min_base_amount_increment: number;
  min_quote_amount_increment: number;
  min_notional_size: number;
  min_order_value: number;
  max_price_significant_digits: number;
  supports_limit_orders: boolean;
  supports_market_orders: boolean;
  buy_order_collateral_token: string;
  sell_order_collateral_token: string;
}

export type TradingRules = Record<string, TradingRule | { error: string }>;

// Hummingbot's defaults for what an exchange does not state (trading_rule.pyx: s_decimal_max, s_decimal_min).
const UNBOUNDED = 1e56;
const FINEST = 1e-56;

// CCXT's precision modes (ccxt/js/src/base/functions/number.js).
const DECIMAL_PLACES = 2;
const SIGNIFICANT_DIGITS = 3;

/** Hummingbot's pair name for a market: `BTC-USDT`, perpetuals included (`BTC/USDT:USDT` → `BTC-USDT`). */
export const hummingbotPair = (market: Pick<MarketInterface, 'base' | 'quote'>) => `${market.base}-${market.quote}`;

/** The markets a connector trades: its market type only, still listed as active. */
export function connectorMarkets(exchange: Exchange, connector: ExchangeConnector): MarketInterface[] {
  return Object.values(exchange.markets ?? {}).filter(
    (market): market is MarketInterface => !!market && market.type === connector.marketType && market.active !== false && (connector.marketType === 'spot' || market.linear !== false),
  );
}

function step(exchange: Exchange, precision: number | undefined): number | undefined {
  if (precision === undefined || precision === null) return undefined;
  return exchange.precisionMode === DECIMAL_PLACES ? 10 ** -precision : Number(precision);
}

function tradingRule(exchange: Exchange, connector: ExchangeConnector, market: MarketInterface): TradingRule {
  const significantDigits = exchange.precisionMode === SIGNIFICANT_DIGITS;
  const collateral = market.settle ?? market.quote;
  return {
    min_order_size: market.limits.amount?.min ?? 0,
    max_order_size: market.limits.amount?.max ?? UNBOUNDED,
    min_price_increment: (significantDigits ? undefined : step(exchange, market.precision.price)) ?? FINEST,
    min_base_amount_increment: step(exchange, market.precision.amount) ?? FINEST,
    min_quote_amount_increment: step(exchange, market.precision.cost) ?? FINEST,
    min_notional_size: market.limits.cost?.min ?? 0,
    min_order_value: 0,
    max_price_significant_digits: significantDigits && market.precision.price !== undefined ? Number(market.precision.price) : UNBOUNDED,
    supports_limit_orders: connector.orderTypes.includes('LIMIT'),
    supports_market_orders: connector.orderTypes.includes('MARKET'),
    buy_order_collateral_token: collateral,
    sell_order_collateral_token: collateral,
  };
}

/**
 * The connector's trading rules by Hummingbot pair, from the exchange's loaded markets: all of them,
 * or those of `tradingPairs` (an unknown pair gets `{error}`, as in Hummingbot API).
 */
export function tradingRules(exchange: Exchange, connector: ExchangeConnector, tradingPairs?: string[]): TradingRules {
  const byPair = new Map(connectorMarkets(exchange, connector).map((market) => [hummingbotPair(market), market]));
  const pairs = tradingPairs?.length ? tradingPairs : [...byPair.keys()].sort();
  const rules: TradingRules = {};
  for (const pair of pairs) {
    const market = byPair.get(pair);
    rules[pair] = market ? tradingRule(exchange, connector, market) : { error: `Trading pair ${pair} not found` };
  }
  return rules;
}
