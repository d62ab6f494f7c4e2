import { DurableObject } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { decimalText } from '../../../schemas/exchange-trading';
import { getDb } from '../../db/client';
import { executorOrders, executors } from '../../db/schema';
import type { RouterEnv } from '../../env';
import { BadRequestError, HttpError } from '../../errors';
import type { ExchangeSessionsEnv } from '../../exchanges/session-client';
import { log as logLine } from '../../log';
import type { MarketFeed } from '../../market-data/feed';
import { toResult, type RpcResult } from '../../rpc';
import { marketKey, type ExecutorAction, type ExecutorEvent, type ExecutorReport, type ExecutorType, type Market, type MarketRules, type MarketView, type Quote, type Step } from '../core';
import { executorTypes } from '../registry';
import { executorClientOrderId, executorOrderTag } from './client-order-id';
import { bookSnapshot, cancelOrder, freeBalances, marketRules, placeOrder, type PlaceOrderAction } from './exchange';
import { readOrderEvents, type SentOrder } from './order-events';
import { recordPositionHold } from './position-holds';

export interface ExecutorRuntimeEnv extends RouterEnv, ExchangeSessionsEnv {
  MARKET_FEEDS: DurableObjectNamespace<MarketFeed>;
}

/** How often a running executor steps (Hummingbot API's `update_interval`). */
export const TICK_MS = 1_000;
/** Log entries an executor keeps (Hummingbot keeps 50 in memory and loses them on completion; these stay). */
const LOG_LIMIT = 200;
/** Book levels per side a core sees (VWAP for arbitrage and XEMM). */
const BOOK_DEPTH = 20;

export interface ExecutorLogEntry {
  timestamp: number;
  level: 'INFO' | 'WARNING' | 'ERROR';
  message: string;
}

interface RuntimeOrder extends SentOrder {
  action: PlaceOrderAction;
}

/** Everything a runtime keeps in its storage, written in one put per step. */
interface RuntimeRecord {
  executorId: string;
  type: ExecutorType;
  account: string;
  controllerId: string;
  config: unknown;
  state: unknown;
  /** The prefix of this executor's client order ids. */
  tag: string;
  orderCount: number;
  orders: RuntimeOrder[];
  /** Events for the next step that came from outside the order rows: stops, refused sends. */
  inbox: ExecutorEvent[];
  rules: Record<string, MarketRules>;
  logs: ExecutorLogEntry[];
  errorCount: number;
  lastError: string | null;
  report: ExecutorReport;
  /** The executor ended and its last figures (and any position hold) are written: no more ticks. */
  finished: boolean;
}

export interface StartExecutor {
  executorId: string;
  type: ExecutorType;
  account: string;
  controllerId: string;
  /** The config as parsed by its type's schema (enum names, defaults applied). */
  config: unknown;
  /** The executor's main market, for its row (null for the two-market types). */
  market: Market | null;
}

/** The core of a type the registry lists (the routes accept only those). */
function executorCore(type: ExecutorType) {
  const info = executorTypes[type];
  if (!info) throw new BadRequestError(`Unknown executor type '${type}'`, 'UNKNOWN_EXECUTOR_TYPE');
  return info.core;
}

export class ExecutorNotRunningError extends BadRequestError {
  constructor(executorId: string) {
    super(`Executor ${executorId} is already finished.`, 'EXECUTOR_NOT_RUNNING');
  }
}

const asText = (value: number) => decimalText(Number.isFinite(value) ? value : 0);

/**
 * One executor, live: its pure core (lib/executors/<type>/) stepped on an alarm every second while it
 * runs, fed with its orders' fills as the exchange session records them, quotes from the pair's
 * market feed (one exchange stream per pair, however many executors read it) and its rules read once.
 *
 * Exactly once: a step's decisions are written (the core's state and each order under its derived
 * client order id, in storage, then `executor_orders`) before any order is sent; an order not yet
 * taken by the exchange session is sent again, under the same id, on every later step, so a crash or a
 * restart between deciding and sending sends it once. The alarm is set before the step's work, so a
 * runtime that died mid-step resumes on its own.
 */
export class ExecutorRuntime extends DurableObject<ExecutorRuntimeEnv> {
  private record?: RuntimeRecord;
  private work: Promise<unknown> = Promise.resolve();
  private readonly feeds = new Map<string, { socket: WebSocket; quote?: Quote }>();

  /** Starts the executor (again: returns it as it is); its figures after the first step. */
  async start(input: StartExecutor): Promise<RpcResult<ExecutorReport>> {
    return this.serial(() =>
      toResult(async () => {
        const existing = await this.load();
        if (existing) return existing.report;
        const core = executorCore(input.type);
        const rules: Record<string, MarketRules> = {};
        const markets = core.markets(input.config);
        for (const market of markets) rules[marketKey(market)] = await marketRules(this.env, market);
        const balances: Record<string, Record<string, number>> = {};
        for (const connector of new Set(markets.map((market: Market) => market.connector))) balances[connector] = await freeBalances(this.env, input.account, connector);
        const view = await this.view(markets, rules, balances);
        const step = core.start(input.config, view);
        const record: RuntimeRecord = {
          executorId: input.executorId,
          type: input.type,
          account: input.account,
          controllerId: input.controllerId,
          config: input.config,
          state: step.state,
          tag: await executorOrderTag(input.executorId),
          orderCount: 0,
          orders: [],
          inbox: [],
          rules,
          logs: [],
          errorCount: 0,
          lastError: null,
          report: core.report(step.state, view),
          finished: false,
        };
        await this.ctx.storage.setAlarm(Date.now() + TICK_MS);
        await getDb(this.env)
          .insert(executors)
          .values({
            executorId: input.executorId,
            executorType: input.type,
            accountName: input.account,
            connectorName: input.market?.connector ?? null,
            tradingPair: input.market?.tradingPair ?? null,
            controllerId: input.controllerId,
            config: input.config as Record<string, unknown>,
          })
          .onConflictDoNothing();
        await this.commit(record, step, view);
        await this.send(record);
        await this.finishIfDone(record);
        return record.report;
      }),
    );
  }

  /** Asks the executor to stop (its core closes or keeps the position); 400 once it is finished. */
  async stop(keepPosition: boolean): Promise<RpcResult<ExecutorReport>> {
    return this.serial(() =>
      toResult(async () => {
        const record = await this.load();
        if (!record || record.report.status === 'TERMINATED') throw new ExecutorNotRunningError(record?.executorId ?? 'unknown');
        record.inbox.push({ type: 'stop', keepPosition });
        await this.ctx.storage.put('record', record);
        await this.tick(record);
        return record.report;
      }),
    );
  }

  async logs(): Promise<ExecutorLogEntry[]> {
    return (await this.load())?.logs ?? [];
  }

  /** Steps now (a fill of one of its orders was recorded): the alarm would, within a second. */
  async wake(): Promise<void> {
    const record = await this.load();
    if (record && !record.finished) await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    await this.serial(async () => {
      const record = await this.load();
      if (!record || record.finished) return;
      try {
        await this.tick(record);
      } catch (error) {
        // The next alarm (set before the step) tries again; the error is the executor's to show.
        record.errorCount += 1;
        record.lastError = error instanceof Error ? error.message : String(error);
        this.log(record, 'ERROR', `step failed: ${record.lastError}`);
        await this.ctx.storage.put('record', record);
        logLine('warn', 'executor step failed', { executorId: record.executorId, error: record.lastError });
      }
    });
  }

  private async tick(record: RuntimeRecord): Promise<void> {
    await this.ctx.storage.setAlarm(Date.now() + TICK_MS);
    // Orders decided but not taken by the session (a crash, an outage) go first, under their ids.
    await this.send(record);
    const core = executorCore(record.type);
    const events = [...record.inbox, ...(await readOrderEvents(getDb(this.env), record.orders))];
    record.inbox = [];
    const view = await this.view(core.markets(record.config), record.rules);
    const step = core.step(record.state, view, events);
    await this.commit(record, step, view, events.length > 0);
    await this.send(record);
    await this.finishIfDone(record);
  }

  /**
   * Takes a step's decisions: numbers its new orders, writes the state and the orders to storage in
   * one put, then the executor's row and its new order rows to Postgres in one batch. Nothing is sent
   * before this returns.
   */
  private async commit(record: RuntimeRecord, step: Step<unknown>, view: MarketView, ordersChanged = true): Promise<void> {
    const core = executorCore(record.type);
    const decided: RuntimeOrder[] = [];
    for (const action of step.actions) this.decide(record, action, decided);
    record.state = step.state;
    record.report = core.report(step.state, view);
    await this.ctx.storage.put('record', record);
    const db = getDb(this.env);
    const report = record.report;
    const rowUpdate = db
      .update(executors)
      .set({
        status: report.status,
        closeType: report.closeType,
        closedAt: report.closeTimestamp === null ? null : new Date(report.closeTimestamp),
        side: report.side,
        netPnlQuote: asText(report.netPnlQuote),
        netPnlPct: asText(report.netPnlPct),
        cumFeesQuote: asText(report.cumFeesQuote),
        filledAmountQuote: asText(report.filledAmountQuote),
        isTrading: report.isTrading,
        customInfo: report.customInfo,
        errorCount: record.errorCount,
        lastError: record.lastError,
        updatedAt: sql`now()`,
      })
      .where(eq(executors.executorId, record.executorId));
    const queries = [];
    if (decided.length) {
      queries.push(
        db
          .insert(executorOrders)
          .values(
            decided.map(({ ref, clientOrderId, action }) => ({
              executorId: record.executorId,
              ref,
              clientOrderId,
              connectorName: action.market.connector,
              tradingPair: action.market.tradingPair,
              orderType: action.orderType,
              tradeType: action.side,
              positionAction: action.positionAction,
              amount: asText(action.amount),
              price: action.price === undefined ? null : asText(action.price),
            })),
          )
          .onConflictDoNothing(),
      );
    }
    if (ordersChanged) queries.push(db.execute(syncOrderRows(record.executorId)));
    await db.batch([rowUpdate, ...queries]);
  }

  private decide(record: RuntimeRecord, action: ExecutorAction, decided: RuntimeOrder[]): void {
    switch (action.type) {
      case 'place_order': {
        record.orderCount += 1;
        const order: RuntimeOrder = {
          ref: action.ref,
          number: record.orderCount,
          clientOrderId: executorClientOrderId(record.tag, record.orderCount),
          connector: action.market.connector,
          tradingPair: action.market.tradingPair,
          sent: false,
          accepted: false,
          done: false,
          tradeIds: [],
          cancelPending: false,
          action,
        };
        record.orders.push(order);
        decided.push(order);
        return;
      }
      case 'cancel_order': {
        const order = record.orders.find((candidate) => candidate.ref === action.ref);
        if (order && !order.done) order.cancelPending = true;
        return;
      }
      case 'log':
        this.log(record, action.level, action.message);
    }
  }

  /**
   * Sends what is decided and not yet taken: new orders under their client order ids, cancels. A
   * refusal (4xx) is the order's end, told to the core as FAILED on the next step; an outage leaves
   * it to be sent again.
   */
  private async send(record: RuntimeRecord): Promise<void> {
    let changed = false;
    await Promise.all(
      record.orders.map(async (order) => {
        if (!order.sent) {
          const result = await placeOrder(this.env, record.account, order.action, order.clientOrderId);
          if (result.ok) order.sent = true;
          else if (result.error.statusCode < 500 && result.error.statusCode !== 429) {
            order.sent = true;
            order.done = true;
            record.inbox.push({ type: 'order_done', ref: order.ref, status: 'FAILED', reason: result.error.message });
            this.log(record, 'WARNING', `order ${order.clientOrderId} refused: ${result.error.message}`);
          } else {
            record.errorCount += 1;
            record.lastError = result.error.message;
            return;
          }
          changed = true;
        }
        if (order.cancelPending && order.sent && !order.done) {
          const result = await cancelOrder(this.env, record.account, order.connector, order.clientOrderId);
          // 404: the order is no longer active (filled or cancelled meanwhile); its row tells the core how it ended.
          if (result.ok || result.error.statusCode === 404) {
            order.cancelPending = false;
            changed = true;
          }
        }
      }),
    );
    if (changed || record.inbox.length) await this.ctx.storage.put('record', record);
  }

  /** A terminated executor with nothing left on the exchange writes its last figures and rests. */
  private async finishIfDone(record: RuntimeRecord): Promise<void> {
    if (record.report.status !== 'TERMINATED' || record.orders.some((order) => !order.done || !order.sent)) return;
    if (record.report.closeType === 'POSITION_HOLD') await recordPositionHold(this.env, record.executorId);
    record.finished = true;
    await this.ctx.storage.put('record', record);
    await this.ctx.storage.deleteAlarm();
    for (const { socket } of this.feeds.values()) socket.close(1000);
    this.feeds.clear();
  }

  /** The market as a core sees it: each market's book from its feed (a REST snapshot until the feed pushed one). */
  private async view(markets: Market[], rules: Record<string, MarketRules>, balances?: MarketView['balances']): Promise<MarketView> {
    const quotes: Record<string, Quote> = {};
    for (const market of markets) {
      const key = marketKey(market);
      const feed = await this.feed(market);
      quotes[key] = feed.quote ?? (feed.quote = quoteOf(await bookSnapshot(this.env, market, BOOK_DEPTH)));
    }
    return { now: Date.now(), quotes, rules, ...(balances ? { balances } : {}) };
  }

  /** The market's order-book feed (lib/market-data/feed.ts), subscribed once per runtime. */
  private async feed(market: Market): Promise<{ socket: WebSocket; quote?: Quote }> {
    const key = marketKey(market);
    const known = this.feeds.get(key);
    if (known) return known;
    const config = { type: 'order_book', connector: market.connector, tradingPair: market.tradingPair, depth: BOOK_DEPTH, updateIntervalMs: TICK_MS };
    const id = `order_book_${market.connector}_${market.tradingPair}`;
    const stub = this.env.MARKET_FEEDS.get(this.env.MARKET_FEEDS.idFromName(id));
    const response = await stub.fetch(`https://feed.internal/connect?config=${encodeURIComponent(JSON.stringify(config))}`, { headers: { upgrade: 'websocket' } });
    const socket = response.webSocket;
    if (!socket) throw new HttpError(502, `The ${id} market feed could not be opened`);
    socket.accept();
    const entry: { socket: WebSocket; quote?: Quote } = { socket };
    socket.addEventListener('message', (event) => {
      const pushed = JSON.parse(String(event.data)) as { kind: string; data?: { bids: [number, number][]; asks: [number, number][] } };
      if (pushed.kind === 'data' && pushed.data?.bids?.length && pushed.data.asks?.length) entry.quote = quoteOf(pushed.data);
    });
    const dropped = () => {
      if (this.feeds.get(key) === entry) this.feeds.delete(key);
    };
    socket.addEventListener('close', dropped);
    socket.addEventListener('error', dropped);
    this.feeds.set(key, entry);
    return entry;
  }

  private log(record: RuntimeRecord, level: ExecutorLogEntry['level'], message: string): void {
    record.logs.push({ timestamp: Date.now(), level, message });
    record.logs.splice(0, Math.max(0, record.logs.length - LOG_LIMIT));
  }

  private async load(): Promise<RuntimeRecord | undefined> {
    this.record ??= await this.ctx.storage.get<RuntimeRecord>('record');
    return this.record;
  }

  /** Entry points run one at a time: an RPC call's awaits would otherwise let a stop interleave with a step. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.work.then(work, work);
    this.work = next.catch(() => undefined);
    return next;
  }
}

function quoteOf(book: { bids: ReadonlyArray<readonly [number, number]>; asks: ReadonlyArray<readonly [number, number]> }): Quote {
  const bestBid = book.bids[0]?.[0] ?? 0;
  const bestAsk = book.asks[0]?.[0] ?? 0;
  return { bestBid, bestAsk, mid: (bestBid + bestAsk) / 2, bids: book.bids, asks: book.asks };
}

/** Copies each of the executor's orders' status, fill and fees from the row the exchange session keeps. */
function syncOrderRows(executorId: string) {
  return sql`update ${executorOrders} eo set
      status = o.status,
      exchange_order_id = o.exchange_order_id,
      filled_amount = o.filled_amount,
      average_fill_price = o.average_fill_price,
      fee_quote = case
        when o.fee_currency is null or o.fee_currency = split_part(o.trading_pair, '-', 2) then coalesce(o.fee_paid, 0)
        when o.fee_currency = split_part(o.trading_pair, '-', 1) then coalesce(o.fee_paid, 0) * coalesce(o.average_fill_price, 0)
        else 0 end,
      updated_at = now()
    from orders o
    where o.client_order_id = eo.client_order_id and eo.executor_id = ${executorId}
      and (eo.status is distinct from o.status or eo.filled_amount is distinct from o.filled_amount)`;
}

