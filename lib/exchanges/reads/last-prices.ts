import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { ExchangeConnector } from '../connectors';
import { hummingbotPair } from '../trading-rules';
import { pairMarket } from './pair-market';

export interface GetLastPricesParameters {
  /** Hummingbot pairs, `BTC-USDT`; each must be listed on the connector. */
  tradingPairs: string[];
  /** Pairs not listed are left out instead of refused (portfolio pricing asks for pairs that may not exist). */
  skipUnlisted?: boolean;
}

/** Last traded price by pair, as exchange decimal text. */
export type GetLastPricesReturnType = Record<string, string>;

/** The last traded prices of many pairs in ONE tickers request to the exchange. */
export async function getLastPrices(exchange: Exchange, connector: ExchangeConnector, parameters: GetLastPricesParameters): Promise<GetLastPricesReturnType> {
  const markets = parameters.tradingPairs.flatMap((pair) => {
    try {
      return [pairMarket(exchange, connector, pair)];
    } catch (error) {
      if (parameters.skipUnlisted) return [];
      throw error;
    }
  });
  if (markets.length === 0) return {};
  const tickers = await exchange.fetchTickers(markets.map((market) => market.symbol));
  const prices: GetLastPricesReturnType = {};
  for (const market of markets) {
    const last = tickers[market.symbol]?.last ?? tickers[market.symbol]?.close;
    if (last !== undefined && last !== null) prices[hummingbotPair(market)] = String(last);
  }
  return prices;
}
