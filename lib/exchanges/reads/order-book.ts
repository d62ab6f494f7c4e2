import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { ExchangeConnector } from '../connectors';
import { pairMarket } from './pair-market';

/** A price level, exchange decimal text. */
export interface Level {
  price: string;
  amount: string;
}

export interface GetOrderBookParameters {
  tradingPair: string;
  /** Levels per side. */
  depth: number;
}

export interface GetOrderBookReturnType {
  /** Best first. */
  bids: Level[];
  asks: Level[];
  /** Unix ms of the snapshot. */
  timestamp: number;
}

// Binance USD-M serves these depths only (the spot API takes any up to 5000).
const PERPETUAL_DEPTHS = [5, 10, 20, 50, 100, 500, 1000];

function requestDepth(connector: ExchangeConnector, depth: number): number {
  if (connector.marketType !== 'swap') return depth;
  return PERPETUAL_DEPTHS.find((allowed) => allowed >= depth) ?? PERPETUAL_DEPTHS[PERPETUAL_DEPTHS.length - 1];
}

/** A REST snapshot of the pair's book, `depth` levels per side: one exchange request. */
export async function getOrderBook(exchange: Exchange, connector: ExchangeConnector, parameters: GetOrderBookParameters): Promise<GetOrderBookReturnType> {
  const market = pairMarket(exchange, connector, parameters.tradingPair);
  const book = await exchange.fetchOrderBook(market.symbol, requestDepth(connector, parameters.depth));
  const levels = (side: (number | string | undefined)[][]) => side.slice(0, parameters.depth).map(([price, amount]): Level => ({ price: String(price), amount: String(amount) }));
  return { bids: levels(book.bids), asks: levels(book.asks), timestamp: book.timestamp ?? Date.now() };
}
