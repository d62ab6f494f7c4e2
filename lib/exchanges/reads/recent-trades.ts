import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { ExchangeConnector } from '../connectors';
import { pairMarket } from './pair-market';

export interface GetRecentTradesParameters {
  tradingPair: string;
  /** Only trades after this time (Unix ms). */
  since?: number;
}

/** Hummingbot API's trade row (timestamp in Unix seconds). */
export interface TradeRow {
  id: string;
  timestamp: number;
  price: number;
  amount: number;
  side: 'buy' | 'sell';
}

/** The pair's latest public trades, oldest first: one exchange request. */
export async function getRecentTrades(exchange: Exchange, connector: ExchangeConnector, parameters: GetRecentTradesParameters): Promise<TradeRow[]> {
  const market = pairMarket(exchange, connector, parameters.tradingPair);
  const trades = await exchange.fetchTrades(market.symbol, undefined, 100);
  return trades
    .filter((trade) => parameters.since === undefined || (trade.timestamp ?? 0) > parameters.since)
    .map((trade) => ({ id: String(trade.id), timestamp: (trade.timestamp ?? 0) / 1000, price: Number(trade.price), amount: Number(trade.amount), side: trade.side === 'sell' ? 'sell' : 'buy' }));
}
