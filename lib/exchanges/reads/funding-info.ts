import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import { BadRequestError } from '../../errors';
import type { ExchangeConnector } from '../connectors';
import { pairMarket } from './pair-market';

export interface GetFundingInfoParameters {
  tradingPair: string;
}

/** Hummingbot API's funding info. */
export interface GetFundingInfoReturnType {
  trading_pair: string;
  funding_rate: number;
  /** Unix seconds. */
  next_funding_time: number;
  mark_price: number;
  index_price: number;
}

/** The pair's current funding rate, next funding time, mark and index prices: one exchange request. */
export async function getFundingInfo(exchange: Exchange, connector: ExchangeConnector, parameters: GetFundingInfoParameters): Promise<GetFundingInfoReturnType> {
  if (connector.marketType !== 'swap') throw new BadRequestError(`Funding info is for perpetual connectors; '${connector.name}' is not one`, 'NOT_A_PERPETUAL_CONNECTOR');
  const market = pairMarket(exchange, connector, parameters.tradingPair);
  const funding = await exchange.fetchFundingRate(market.symbol);
  return {
    trading_pair: parameters.tradingPair,
    funding_rate: Number(funding.fundingRate ?? 0),
    next_funding_time: Number(funding.fundingTimestamp ?? funding.nextFundingTimestamp ?? 0) / 1000,
    mark_price: Number(funding.markPrice ?? 0),
    index_price: Number(funding.indexPrice ?? 0),
  };
}
