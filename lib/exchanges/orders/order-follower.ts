import { log } from '../../log';
import type { RpcResult } from '../../rpc';
import type { ExchangeSessionEnv } from '../session-env';
import type { TradingContext } from './context';
import { followOrders, hasActiveOrders } from './follow-orders';
import { applyUserEvent } from './apply-user-event';
import { closeUserDataStream, hasUserDataStream, keepUserDataStreamAlive, LISTEN_KEY_KEEP_ALIVE_MS, openUserDataStream, type UserDataStream } from './user-data-stream';

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

/** Runs `work` with the account's trading context in the session that owns the follower. */
export type RunTrade = <T>(account: string, connector: string, work: (context: TradingContext) => Promise<T>) => Promise<RpcResult<T>>;

/**
 * Follows one account's active orders until none is left: over the exchange's user data stream while
 * it is up (events applied in order, the alarm only checking once a minute), by polling on the Durable
 * Object's alarm otherwise, and reconciling over REST whenever the stream was down. What is followed
 * is kept in storage, so a restarted session resumes on its next alarm.
 */
export class OrderFollower {
  private stream?: UserDataStream;
  private streamOpening?: Promise<boolean>;
  private streamRetryAt = 0;
  private streamEvents: Promise<void> = Promise.resolve();
  /** An event could not be recorded: the next round reconciles over REST although the stream is up. */
  private reconcile = false;
  private round?: Promise<RpcResult<number>>;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: ExchangeSessionEnv,
    private readonly runTrade: RunTrade,
  ) {}

  /**
   * Starts following `context`'s account (an order was just placed or cancelled); the stream is up
   * before an order that may rest is sent (`mayRest`), so none of its events is missed.
   */
  async follow(context: TradingContext, mayRest: boolean): Promise<void> {
    await this.ctx.storage.put('following', { account: context.account, connector: context.connector.name });
    if (mayRest) await this.openStream(context);
    const due = Date.now() + (this.stream ? STREAM_CHECK_INTERVAL_MS : FOLLOW_INTERVAL_MS);
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > due) await this.ctx.storage.setAlarm(due);
  }

  /** The Durable Object's alarm: one round of following, and the next alarm while orders are left. */
  async alarm(): Promise<void> {
    const followed = await this.ctx.storage.get<{ account: string; connector: string }>('following');
    if (!followed) return;
    // One round at a time, even when a test runs the alarm by hand while one is due.
    const round = (this.round ?? Promise.resolve()).then(() => this.runTrade(followed.account, followed.connector, (context) => this.followRound(context)));
    this.round = round;
    const result = await round;
    // Credentials gone (400) or account deleted (404): nothing left to follow with.
    const stop = result.ok ? result.value === 0 : result.error.statusCode === 400 || result.error.statusCode === 404;
    if (!stop) await this.ctx.storage.setAlarm(Date.now() + (this.stream && !this.reconcile ? STREAM_CHECK_INTERVAL_MS : FOLLOW_INTERVAL_MS));
  }

  /** Closes the stream without asking the exchange (the credentials that opened it were deleted). */
  drop(): void {
    if (!this.stream) return;
    this.stream.closing = true;
    this.stream.socket.close(1000, 'credentials deleted');
    this.stream = undefined;
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
    if (!this.stream && (await hasActiveOrders(context))) await this.openStream(context);
    const active = await followOrders(context, { streaming });
    if (active === 0 && context.placing.size === 0) await this.closeStream(context);
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
        const result = await this.runTrade(account, connector, (context) => applyUserEvent(context, event));
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
}
