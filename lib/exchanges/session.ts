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
import { closeUserDataStream, hasUserDataStream, keepUserDataStreamAlive, LISTEN_KEY_KEEP_ALIVE_MS, openUserDataStream, type UserDataStream } from './orders/user-data-stream';
import { getCandles, type GetCandlesParameters, type OpenCandles } from '../market-data/candles';
import { getFundingInfo, type GetFundingInfoParameters } from '../market-data/funding-info';
import { holdCandles, type HoldCandlesParameters } from '../market-data/hold-candles';
import { supportedIntervals } from '../market-data/intervals';
import { pairMarket } from '../market-data/markets';
import { getLastPrices, type GetLastPricesParameters } from '../market-data/last-prices';
import { getOrderBook, type GetOrderBookParameters } from '../market-data/order-book';
import { getRecentTrades, type GetRecentTradesParameters } from '../market-data/recent-trades';
import { getBalances } from '../portfolio/balances';
import { log } from '../log';
import { toResult, type RpcResult } from '../rpc';

/** How often the session polls the exchange while the account has active orders and no user data stream. */
const FOLLOW_INTERVAL_MS = 2_000;
/**
 * How often the session looks at its orders while the user data stream follows them: no exchange
 * request (the listenKey's keep-alive every 30 minutes aside), only placements cut off by a restart.
 */
const STREAM_CHECK_INTERVAL_MS = 60_000;
/** After the stream could not be opened, or dropped right after opening, polling only for this long. */
const STREAM_RETRY_MS = 30_000;
/** A stream that ends sooner than this after opening is taken as refused, not as a drop to reconnect at once. */
const STREAM_MIN_LIFE_MS = 10_000;

/**
 * One exchange session per (account, connector), or per connector for public data: the CCXT instance
 * with its markets, kept warm between requests (constructing it costs 13-42 ms of CPU, parsing
 * Binance's markets ~220 ms), and the one place that account's requests go through, so CCXT's rate
 * limiter paces all of them together.
 */
export class ExchangeSession extends DurableObject<ExchangeSessionEnv> {
  private exchange?: Exchange;
  /** The first request's instance being made: concurrent first requests share it (see {@link shared}). */
  private creating?: Promise<Exchange>;
  /** The instance the markets were loaded into, and when they were fetched. */
  private marketsOf?: Exchange;
  private marketsFetchedAt = 0;
  private marketsLoading?: Promise<void>;
  // Trading (lib/exchanges/orders/): orders being sent, the position mode, the follower's round.
  private readonly placing = new Set<string>();
  private knownPositionMode?: PositionMode;
  private following?: Promise<RpcResult<number>>;
  // The account's user data stream (orders/user-data-stream.ts), its events applied one at a time.
  private stream?: UserDataStream;
  private streamOpening?: Promise<boolean>;
  private streamRetryAt = 0;
  private streamEvents: Promise<void> = Promise.resolve();
  /** An event could not be recorded: the next round reconciles over REST although the stream is up. */
  private reconcile = false;
  private readonly recentPrices = new Map<string, { price: number; fetchedAt: number }>();
  private readonly openCandles: OpenCandles = new Map();

  /** The connector's trading rules (all pairs, or `tradingPairs`) from this session's markets. */
  async tradingRules(connectorName: string, tradingPairs?: string[]): Promise<RpcResult<TradingRules>> {
    return this.run(connectorName, (connector) => this.shared(() => createExchange(this.env, connector)), async (exchange, connector) => {
      await this.freshMarkets(exchange, connector);
      return tradingRules(exchange, connector, tradingPairs);
    });
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

  // Market data (lib/market-data/) from the connector's public session; balances (lib/portfolio/) from an account's.
  candles(connectorName: string, parameters: GetCandlesParameters) {
    return this.public(connectorName, (exchange, connector) => getCandles(this.env, exchange, connector, parameters, this.openCandles));
  }

  /** Backtests: puts a range of closed candles in Postgres (lib/market-data/hold-candles.ts) without sending them over RPC. */
  holdCandles(connectorName: string, parameters: HoldCandlesParameters) {
    return this.public(connectorName, (exchange, connector) => holdCandles(this.env, exchange, connector, parameters));
  }

  /** The candle intervals the connector serves for a pair it lists (a 400 naming the pair otherwise). */
  candleIntervals(connectorName: string, tradingPair: string) {
    return this.public(connectorName, async (exchange, connector) => {
      pairMarket(exchange, connector, tradingPair);
      return supportedIntervals(exchange, connector.name);
    });
  }

  lastPrices(connectorName: string, parameters: GetLastPricesParameters) {
    return this.public(connectorName, (exchange, connector) => getLastPrices(exchange, connector, parameters));
  }

  orderBook(connectorName: string, parameters: GetOrderBookParameters) {
    return this.public(connectorName, (exchange, connector) => getOrderBook(exchange, connector, parameters));
  }

  recentTrades(connectorName: string, parameters: GetRecentTradesParameters) {
    return this.public(connectorName, (exchange, connector) => getRecentTrades(exchange, connector, parameters));
  }

  fundingInfo(connectorName: string, parameters: GetFundingInfoParameters) {
    return this.public(connectorName, (exchange, connector) => getFundingInfo(exchange, connector, parameters));
  }

  balances(account: string, connectorName: string) {
    return this.run(connectorName, (connector) => this.shared(async () => createExchange(this.env, connector, await openCredentials(this.env, account, connector.name))), (exchange) => getBalances(exchange));
  }

  private public<T>(connectorName: string, work: (exchange: Exchange, connector: ExchangeConnector) => Promise<T>): Promise<RpcResult<T>> {
    return this.run(connectorName, (connector) => this.shared(() => createExchange(this.env, connector)), async (exchange, connector) => {
      await this.freshMarkets(exchange, connector);
      return await work(exchange, connector);
    });
  }

  /** Drops the CCXT instance (its credentials were deleted); the next request starts a new one. */
  async forget(): Promise<void> {
    if (this.stream) {
      this.stream.closing = true;
      this.stream.socket.close(1000, 'credentials deleted');
      this.stream = undefined;
    }
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

  /**
   * Follows the account's active orders (orders/follow-orders.ts) while any is left: every few seconds by
   * polling, or, while the user data stream delivers their changes, once a minute without asking the exchange.
   */
  override async alarm(): Promise<void> {
    const followed = await this.ctx.storage.get<{ account: string; connector: string }>('following');
    if (!followed) return;
    // One round at a time, even when a test runs the alarm by hand while one is due.
    const round = (this.following ?? Promise.resolve()).then(() => this.trade(followed.account, followed.connector, (context) => this.followRound(context)));
    this.following = round;
    const result = await round;
    // Credentials gone (400) or account deleted (404): nothing left to follow with.
    const stop = result.ok ? result.value === 0 : result.error.statusCode === 400 || result.error.statusCode === 404;
    if (!stop) await this.ctx.storage.setAlarm(Date.now() + (this.stream && !this.reconcile ? STREAM_CHECK_INTERVAL_MS : FOLLOW_INTERVAL_MS));
  }

  /**
   * One round of following. With the stream up since the last round: only interrupted placements, and
   * the listenKey's keep-alive when due. Otherwise the stream is (re)opened first, then the orders are
   * reconciled over REST once, so nothing that happened while it was down is missed. The stream is
   * closed when no order is left open.
   */
  private async followRound(context: TradingContext): Promise<number> {
    let streaming = this.stream !== undefined && !this.reconcile;
    this.reconcile = false;
    if (this.stream && Date.now() - this.stream.keptAliveAt >= LISTEN_KEY_KEEP_ALIVE_MS) {
      try {
        await keepUserDataStreamAlive(context.exchange, context.connector, this.stream);
      } catch (error) {
        log('warn', 'user data stream keep-alive failed; reopening it', { connector: context.connector.name, error: error instanceof Error ? error.message : String(error) });
        await this.closeStream(context);
        streaming = false;
      }
    }
    if (!this.stream && (await orders.hasActiveOrders(context))) await this.openStream(context);
    const active = await orders.followOrders(context, { streaming });
    if (active === 0 && this.placing.size === 0) await this.closeStream(context);
    return active;
  }

  /** Opens the account's user data stream if its connector has one and it is not open; whether it is open. */
  private async openStream(context: TradingContext): Promise<boolean> {
    if (this.stream) return true;
    if (!hasUserDataStream(context.connector) || Date.now() < this.streamRetryAt) return false;
    const { account, connector } = context;
    this.streamOpening ??= openUserDataStream(this.env, context.exchange, connector, {
      onEvent: (event) => this.applyUserEvent(account, connector.name, event),
      onDrop: (stream) => this.streamDropped(stream),
    })
      .then(
        (stream) => {
          this.stream = stream;
          return true;
        },
        (error) => {
          this.streamRetryAt = Date.now() + STREAM_RETRY_MS;
          log('warn', 'user data stream unavailable; following orders by polling', { connector: connector.name, error: error instanceof Error ? error.message : String(error) });
          return false;
        },
      )
      .finally(() => {
        this.streamOpening = undefined;
      });
    return this.streamOpening;
  }

  private async closeStream(context: TradingContext): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.stream = undefined;
    await closeUserDataStream(context.exchange, context.connector, stream);
  }

  /** Events are recorded in the order they came; one that could not be has the next round reconcile. */
  private applyUserEvent(account: string, connector: string, event: Record<string, unknown>): void {
    this.streamEvents = this.streamEvents
      .then(async () => {
        const result = await this.trade(account, connector, (context) => orders.applyUserEvent(context, event));
        if (!result.ok) throw new Error(result.error.message);
      })
      .catch(async (error) => {
        log('warn', 'recording a user data stream event failed; reconciling over REST', { connector, error: error instanceof Error ? error.message : String(error) });
        this.reconcile = true;
        await this.ctx.storage.setAlarm(Date.now() + FOLLOW_INTERVAL_MS);
      });
  }

  /** The stream ended by itself: reconnect and reconcile now, unless it was refused right away (then poll a while). */
  private streamDropped(stream: UserDataStream): void {
    if (this.stream !== stream) return;
    this.stream = undefined;
    if (Date.now() - stream.openedAt < STREAM_MIN_LIFE_MS) this.streamRetryAt = Date.now() + STREAM_RETRY_MS;
    log('warn', 'user data stream dropped; reconciling over REST', {});
    this.ctx.waitUntil(this.ctx.storage.setAlarm(Date.now()));
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
        follow: async (mayRest) => {
          await this.ctx.storage.put('following', { account, connector: connector.name });
          // The stream is up before an order that may rest is sent, so none of its events is missed.
          if (mayRest) await this.openStream(context);
          const due = Date.now() + (this.stream ? STREAM_CHECK_INTERVAL_MS : FOLLOW_INTERVAL_MS);
          const alarm = await this.ctx.storage.getAlarm();
          if (alarm === null || alarm > due) await this.ctx.storage.setAlarm(due);
        },
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
