import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import type { RouterEnv } from '../../env';
import type { PositionMode } from '../../../schemas/exchange-trading';
import type { ExchangeUrlEnv } from '../base-urls';
import type { ExchangeConnector } from '../connectors';

/** What an order action works with: one account's authenticated exchange session. */
export interface TradingContext {
  env: RouterEnv & ExchangeUrlEnv;
  /** The CCXT instance with the account's credentials and the connector's markets loaded. */
  exchange: Exchange;
  connector: ExchangeConnector;
  account: string;
  /**
   * Client order ids this session is sending right now. A SUBMITTED row without an exchange order id
   * that is not in here was cut off (the session restarted between send and record): it is recovered.
   */
  placing: Set<string>;
  /**
   * Has the session follow the account's open orders until none is left: over the exchange's user data
   * stream (opened first when `mayRest`, an order that may stay open), else by polling on its alarm.
   */
  follow(mayRest: boolean): Promise<void>;
  /** Last prices this session fetched, by CCXT symbol, and when (for local checks of market orders). */
  lastPrices: Map<string, { price: number; fetchedAt: number }>;
  /** The perpetual account's position mode, asked of the exchange once and kept. */
  positionMode(): Promise<PositionMode>;
  rememberPositionMode(mode: PositionMode): void;
}

export const isPerpetual = (connector: ExchangeConnector) => connector.marketType === 'swap';
