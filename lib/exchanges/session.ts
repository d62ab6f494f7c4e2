import { DurableObject } from 'cloudflare:workers';
import type Exchange from '../../node_modules/ccxt/js/src/base/Exchange.js';
import type { PositionMode } from '../../schemas/exchange-trading';
import { openCredentials, storeCredentials } from '../accounts/store';
import type { ExchangeSessionEnv } from './session-env';
import { exchangeConnector, type ExchangeConnector } from './connectors';
import { createExchange, type HummingbotCredentials } from './create-exchange';
import { exchangeHttpError } from './errors';
import { loadMarkets, MARKETS_MAX_AGE_MS } from './markets';
import { tradingRules, type TradingRules } from './trading-rules';
import * as orders from './orders';
import type { TradingContext } from './orders/context';
import { OrderFollower } from './orders/order-follower';
import * as reads from './reads';
import { toResult, type RpcResult } from '../rpc';

/**
 * One exchange session per (account, connector), or per connector for public data: the CCXT instance
 * with its markets, kept warm between requests (constructing it costs 13-42 ms of CPU, parsing
 * Binance's markets ~220 ms), and the one place that account's requests go through, so CCXT's rate
 * limiter paces all of them together. What it serves are one-line calls into ./reads and ./orders;
 * following an account's orders (user data stream, alarm, polling) is the {@link OrderFollower}'s.
 */
export class ExchangeSession extends DurableObject<ExchangeSessionEnv> {
  private exchange?: Exchange;
  /** The first request's instance being made: concurrent first requests share it (see {@link shared}). */
  private creating?: Promise<Exchange>;
  /** The instance the markets were loaded into, and when they were fetched. */
  private marketsOf?: Exchange;
  private marketsFetchedAt = 0;
  private marketsLoading?: Promise<void>;
  // Trading (lib/exchanges/orders/): orders being sent, the position mode, the last prices seen.
  private readonly placing = new Set<string>();
  private knownPositionMode?: PositionMode;
  private readonly recentPrices = new Map<string, { price: number; fetchedAt: number }>();
  private readonly follower = new OrderFollower(this.ctx, this.env, (account, connector, work) => this.trade(account, connector, work));
  private readonly openCandles: reads.OpenCandles = new Map();

  /** The connector's trading rules (all pairs, or `tradingPairs`) from this session's markets. */
  async tradingRules(connectorName: string, tradingPairs?: string[]): Promise<RpcResult<TradingRules>> {
    return this.public(connectorName, async (exchange, connector) => tradingRules(exchange, connector, tradingPairs));
  }

  /**
   * Checks `credentials` with one signed call to the exchange (its balances) and only then stores
   * them, sealed, for `account`: nothing is stored when the exchange refuses them or cannot be
   * reached. The session then trades with them.
   */
  async addCredentials(account: string, connectorName: string, credentials: HummingbotCredentials): Promise<RpcResult<null>> {
    return this.run(connectorName, (connector) => createExchange(this.env, connector, credentials), async (candidate, connector) => {
      const marketsFetchedAt = await this.adoptMarkets(candidate, connector);
      await candidate.fetchBalance();
      await storeCredentials(this.env, account, connector.name, credentials);
      this.exchange = candidate;
      this.marketsOf = candidate;
      this.marketsFetchedAt = marketsFetchedAt;
      return null;
    });
  }

  // Reads, one per file in ./reads: market data from the connector's public session, balances from an account's.
  candles(connectorName: string, parameters: reads.GetCandlesParameters) {
    return this.public(connectorName, (exchange, connector) => reads.getCandles(this.env, exchange, connector, parameters, this.openCandles));
  }

  /** Backtests: puts a range of closed candles in Postgres (reads/hold-candles.ts) without sending them over RPC. */
  holdCandles(connectorName: string, parameters: reads.HoldCandlesParameters) {
    return this.public(connectorName, (exchange, connector) => reads.holdCandles(this.env, exchange, connector, parameters));
  }
  /** The candle intervals the connector serves for a pair it lists (a 400 naming the pair otherwise). */
  candleIntervals(connectorName: string, tradingPair: string) {
    return this.public(connectorName, async (exchange, connector) => {
      reads.pairMarket(exchange, connector, tradingPair);
      return reads.supportedIntervals(exchange, connector.name);
    });
  }
  lastPrices(connectorName: string, parameters: reads.GetLastPricesParameters) {
    return this.public(connectorName, (exchange, connector) => reads.getLastPrices(exchange, connector, parameters));
  }
  orderBook(connectorName: string, parameters: reads.GetOrderBookParameters) {
    return this.public(connectorName, (exchange, connector) => reads.getOrderBook(exchange, connector, parameters));
  }
  recentTrades(connectorName: string, parameters: reads.GetRecentTradesParameters) {
    return this.public(connectorName, (exchange, connector) => reads.getRecentTrades(exchange, connector, parameters));
  }
  fundingInfo(connectorName: string, parameters: reads.GetFundingInfoParameters) {
    return this.public(connectorName, (exchange, connector) => reads.getFundingInfo(exchange, connector, parameters));
  }
  balances(account: string, connectorName: string) {
    return this.run(connectorName, (connector) => this.shared(async () => createExchange(this.env, connector, await openCredentials(this.env, account, connector.name))), (exchange) => reads.getBalances(exchange));
  }

  private public<T>(connectorName: string, work: (exchange: Exchange, connector: ExchangeConnector) => Promise<T>): Promise<RpcResult<T>> {
    return this.run(connectorName, (connector) => this.shared(() => createExchange(this.env, connector)), async (exchange, connector) => {
      await this.freshMarkets(exchange, connector);
      return await work(exchange, connector);
    });
  }

  /** Drops the CCXT instance (its credentials were deleted); the next request starts a new one. */
  async forget(): Promise<void> {
    this.follower.drop();
    this.exchange = undefined;
    this.marketsOf = undefined;
    this.marketsFetchedAt = 0;
    this.knownPositionMode = undefined;
  }

  // Trading, one action per file in ./orders (RPC exposes methods, not fields).
  placeOrder(request: orders.PlaceOrderParameters) {
    return this.trade(request.account_name, request.connector_name, (context) => orders.placeOrder(context, request));
  }
  cancelOrder(account: string, connector: string, clientOrderId: string) {
    return this.trade(account, connector, (context) => orders.cancelOrder(context, clientOrderId));
  }
  positions(account: string, connector: string) {
    return this.trade(account, connector, orders.fetchPositions);
  }
  positionMode(account: string, connector: string) {
    return this.trade(account, connector, (context) => context.positionMode());
  }
  setPositionMode(account: string, connector: string, mode: PositionMode) {
    return this.trade(account, connector, (context) => orders.setPositionMode(context, mode));
  }
  setLeverage(account: string, connector: string, pair: string, leverage: number) {
    return this.trade(account, connector, (context) => orders.setLeverage(context, pair, leverage));
  }
  syncFundingPayments(account: string, connector: string) {
    return this.trade(account, connector, orders.syncFundingPayments);
  }

  /** Follows the account's active orders while any is left (orders/order-follower.ts). */
  override async alarm(): Promise<void> {
    await this.follower.alarm();
  }

  /** `work` with the account's authenticated exchange (credentials opened from Postgres on a cold start) and fresh markets. */
  private trade<T>(account: string, connectorName: string, work: (context: TradingContext) => Promise<T>): Promise<RpcResult<T>> {
    const authenticated = async (connector: ExchangeConnector) => {
      if (!this.exchange?.checkRequiredCredentials(false)) {
        this.exchange = await createExchange(this.env, connector, await openCredentials(this.env, account, connector.name));
        this.marketsFetchedAt = 0;
      }
      return this.exchange;
    };
    return this.run(connectorName, authenticated, async (exchange, connector) => {
      await this.freshMarkets(exchange, connector);
      const context: TradingContext = {
        env: this.env,
        exchange,
        connector,
        account,
        placing: this.placing,
        lastPrices: this.recentPrices,
        follow: (mayRest) => this.follower.follow(context, mayRest),
        positionMode: async () => (this.knownPositionMode ??= await orders.fetchPositionMode({ exchange, connector })),
        rememberPositionMode: (mode) => {
          this.knownPositionMode = mode;
        },
      };
      return await work(context);
    });
  }

  /**
   * The session's instance, made by `create` when it has none. Concurrent first requests wait for
   * one instance: each making its own (and the last one replacing the others while the first loaded
   * the markets into its own) left later requests with an instance without markets, "not listed".
   */
  private async shared(create: () => Promise<Exchange>): Promise<Exchange> {
    if (this.exchange) return this.exchange;
    this.creating ??= create()
      .then((created) => (this.exchange ??= created))
      .finally(() => {
        this.creating = undefined;
      });
    return this.creating;
  }

  /** Loads markets into `exchange` unless it holds fresh ones; concurrent requests share one load. */
  private async freshMarkets(exchange: Exchange, connector: ExchangeConnector): Promise<void> {
    while (this.marketsOf !== exchange || Date.now() - this.marketsFetchedAt >= MARKETS_MAX_AGE_MS) {
      this.marketsLoading ??= loadMarkets(this.env, exchange, connector)
        .then((fetchedAt) => {
          this.marketsOf = exchange;
          this.marketsFetchedAt = fetchedAt.getTime();
        })
        .finally(() => {
          this.marketsLoading = undefined;
        });
      await this.marketsLoading;
    }
  }

  /** Gives a new instance the markets this session already holds, else loads them; when they were fetched. */
  private async adoptMarkets(exchange: Exchange, connector: ExchangeConnector): Promise<number> {
    if (this.exchange?.markets && Date.now() - this.marketsFetchedAt < MARKETS_MAX_AGE_MS) {
      exchange.setMarkets(this.exchange.markets);
      return this.marketsFetchedAt;
    }
    return (await loadMarkets(this.env, exchange, connector)).getTime();
  }

  /** `work` on the exchange `exchangeFor` gives, its errors mapped to HTTP errors and returned as values. */
  private async run<T>(
    connectorName: string,
    exchangeFor: (connector: ExchangeConnector) => Promise<Exchange>,
    work: (exchange: Exchange, connector: ExchangeConnector) => Promise<T>,
  ): Promise<RpcResult<T>> {
    let exchange: Exchange | undefined;
    return toResult(async () => {
      try {
        const connector = exchangeConnector(connectorName);
        exchange = await exchangeFor(connector);
        return await work(exchange, connector);
      } catch (error) {
        throw exchange ? exchangeHttpError(error, connectorName, exchange.id, exchange.last_response_headers as Record<string, string> | undefined) : error;
      }
    });
  }
}
