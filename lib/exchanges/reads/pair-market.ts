import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { MarketInterface } from '../../../node_modules/ccxt/js/src/base/types.js';
import { BadRequestError } from '../../errors';
import { EXCHANGE_CONNECTORS, type ExchangeConnector } from '../connectors';
import { connectorMarkets, hummingbotPair } from '../trading-rules';

export class UnknownConnectorError extends BadRequestError {
  constructor(name: string) {
    super(`Connector '${name}' is not supported. Available connectors: ${[...EXCHANGE_CONNECTORS.keys()].join(', ')}`, 'CONNECTOR_NOT_SUPPORTED');
  }
}

export class UnknownTradingPairError extends BadRequestError {
  constructor(connector: string, pair: string) {
    super(`Trading pair '${pair}' is not listed on ${connector}`, 'TRADING_PAIR_NOT_FOUND');
  }
}

/** The connector called `name` for market data: a 400 naming it (and the available ones) otherwise. */
export function marketDataConnector(name: string): ExchangeConnector {
  const connector = EXCHANGE_CONNECTORS.get(name);
  if (!connector) throw new UnknownConnectorError(name);
  return connector;
}

/** The connector's market for a Hummingbot pair (`BTC-USDT`); a 400 naming the pair if it has none. */
export function pairMarket(exchange: Exchange, connector: ExchangeConnector, pair: string): MarketInterface {
  const market = connectorMarkets(exchange, connector).find((candidate) => hummingbotPair(candidate) === pair);
  if (!market) throw new UnknownTradingPairError(connector.name, pair);
  return market;
}
