import { DurableObject } from 'cloudflare:workers';
import { exchangeSession, type ExchangeSessionsEnv } from '../exchanges/session-client';
import { unwrapResult } from '../rpc';
import type { ExchangeSessionEnv } from '../exchanges/session-env';
import type { CandleRow } from '../exchanges/reads/candle-row';
import { marketStreamUrl, parseStreamMessage, type StreamedFeed } from './exchange-streams';

export type FeedType = 'candles' | 'order_book' | 'trades';

export interface FeedConfig {
  type: FeedType;
  connector: string;
  tradingPair: string;
  interval?: string;
  maxRecords?: number;
  depth?: number;
  /** Time between polls of the exchange (feeds without an exchange stream). */
  updateIntervalMs: number;
}

/** Hummingbot API's subscription ids: `candles_{conn}_{pair}_{interval}`, `order_book_{conn}_{pair}`, `trades_{conn}_{pair}`. */
export const subscriptionId = (config: Pick<FeedConfig, 'type' | 'connector' | 'tradingPair' | 'interval'>) =>
  config.type === 'candles' ? `candles_${config.connector}_${config.tradingPair}_${config.interval}` : `${config.type}_${config.connector}_${config.tradingPair}`;

/** What a feed sends its subscribers: the latest data, or why it could not get it. */
export type FeedMessage = { kind: 'data'; data: unknown } | { kind: 'error'; message: string };

type FeedEnv = ExchangeSessionEnv & ExchangeSessionsEnv;

/** How often a streaming feed checks that its upstream is still open (it may have been evicted). */
const WATCHDOG_MS = 5_000;
/** Wait before opening a dropped upstream again. */
const RECONNECT_MS = 1_000;
/** Book and candle streams send every 100 ms-1 s: this long silent, the connection is taken as dead (trades may be quiet). */
const SILENT_STREAM_MS = 30_000;

const streamedFeed = (config: FeedConfig): StreamedFeed =>
  config.type === 'order_book' ? { type: 'order_book', depth: config.depth ?? 10 } : config.type === 'candles' ? { type: 'candles', interval: config.interval ?? '1m' } : { type: 'trades' };

/**
 * One market-data feed (a pair's candles, book or trades on one connector): ONE upstream however
 * many clients listen, fanned out to all of them, stopped when the last one leaves. The upstream is
 * the exchange's WebSocket market stream where it has one (after one REST snapshot, which also
 * checks the pair): opened again when it drops, with a new snapshot. Elsewhere the feed polls the
 * exchange on an alarm and pushes data that changed. Clients' sockets use the hibernation API.
 */
export class MarketFeed extends DurableObject<FeedEnv> {
  private upstream?: WebSocket;
  private opening?: Promise<boolean>;
  private upstreamOpens = 0;
  private upstreamHeardAt = 0;
  /** The last message pushed (streaming feeds keep it in memory; polling ones in storage too). */
  private latest?: string;
  /** A streaming candles feed's rows, oldest first. */
  private rows?: CandleRow[];

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/stats') {
      const polls = (await this.ctx.storage.get<number>('polls')) ?? 0;
      return Response.json({ subscribers: this.ctx.getWebSockets().length, polls, upstream: this.upstream ? 'stream' : polls > 0 && this.ctx.getWebSockets().length > 0 ? 'polling' : 'none', upstreamOpens: this.upstreamOpens });
    }
    const config = JSON.parse(url.searchParams.get('config') ?? '{}') as FeedConfig;
    await this.ctx.storage.put('config', config);
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const last = this.latest ?? (await this.ctx.storage.get<string>('last'));
    if (last) server.send(last);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
    return new Response(null, { status: 101, webSocket: client });
  }

  async alarm(): Promise<void> {
    if (this.ctx.getWebSockets().length === 0) return this.stop();
    const config = (await this.ctx.storage.get<FeedConfig>('config'))!;
    const streamUrl = marketStreamUrl(this.env, config.connector, config.tradingPair, streamedFeed(config));
    if (streamUrl) {
      if (this.upstream && config.type !== 'trades' && Date.now() - this.upstreamHeardAt > SILENT_STREAM_MS) this.closeUpstream();
      this.opening ??= this.openUpstream(config, streamUrl).finally(() => {
        this.opening = undefined;
      });
      if (await this.opening) await this.ctx.storage.setAlarm(Date.now() + (this.upstream ? WATCHDOG_MS : RECONNECT_MS));
      return;
    }
    this.latest ??= await this.ctx.storage.get<string>('last');
    const polls = ((await this.ctx.storage.get<number>('polls')) ?? 0) + 1;
    await this.ctx.storage.put('polls', polls);
    const message = await this.poll(config).then(
      (data): FeedMessage => ({ kind: 'data', data }),
      (error: unknown): FeedMessage => ({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    const empty = message.kind === 'data' && Array.isArray(message.data) && message.data.length === 0;
    if (!empty && this.push(message)) await this.ctx.storage.put('last', this.latest);
    if (message.kind === 'error') return;
    await this.ctx.storage.setAlarm(Date.now() + config.updateIntervalMs);
  }

  async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    socket.close(code === 1005 ? 1000 : code);
    if (this.ctx.getWebSockets().filter((open) => open !== socket).length === 0) await this.stop();
  }

  /** No subscriber left: the upstream closes and the feed forgets its data. */
  private async stop(): Promise<void> {
    this.closeUpstream();
    this.latest = undefined;
    this.rows = undefined;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.delete(['last', 'since']);
  }

  private closeUpstream(): void {
    const upstream = this.upstream;
    this.upstream = undefined;
    upstream?.close(1000);
  }

  /**
   * A REST snapshot pushed to the subscribers, then the exchange stream. False when the snapshot
   * failed (the pair is not listed, the exchange refused): the subscribers got the error and the
   * feed stops. A stream that cannot be opened is tried again by the caller.
   */
  private async openUpstream(config: FeedConfig, streamUrl: string): Promise<boolean> {
    if (this.upstream) return true;
    let snapshot: unknown;
    try {
      snapshot = await this.poll(config);
    } catch (error) {
      this.push({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      return false;
    }
    if (config.type === 'candles') this.rows = snapshot as CandleRow[];
    if (config.type !== 'trades') this.push({ kind: 'data', data: snapshot });
    let socket: WebSocket | null = null;
    try {
      socket = (await fetch(streamUrl, { headers: { Upgrade: 'websocket' } })).webSocket;
    } catch {
      socket = null;
    }
    if (!socket) return true;
    socket.accept();
    this.upstream = socket;
    this.upstreamOpens += 1;
    this.upstreamHeardAt = Date.now();
    const feed = streamedFeed(config);
    socket.addEventListener('message', (event) => {
      this.upstreamHeardAt = Date.now();
      const update = parseStreamMessage(String(event.data), feed);
      if (update) this.apply(config, update);
    });
    const dropped = () => {
      if (this.upstream !== socket) return;
      this.upstream = undefined;
      if (this.ctx.getWebSockets().length > 0) void this.ctx.storage.setAlarm(Date.now() + RECONNECT_MS);
    };
    socket.addEventListener('close', dropped);
    socket.addEventListener('error', dropped);
    return true;
  }

  private apply(config: FeedConfig, update: NonNullable<ReturnType<typeof parseStreamMessage>>): void {
    switch (update.kind) {
      case 'book':
        this.push({ kind: 'data', data: { bids: update.bids, asks: update.asks } });
        return;
      case 'trade':
        this.push({ kind: 'data', data: [update.trade] });
        return;
      case 'candle': {
        const rows = (this.rows ??= []);
        const newest = rows[rows.length - 1];
        if (newest && update.row.timestamp < newest.timestamp) return;
        if (newest?.timestamp === update.row.timestamp) rows[rows.length - 1] = update.row;
        else rows.push(update.row);
        rows.splice(0, Math.max(0, rows.length - (config.maxRecords ?? 100)));
        this.push({ kind: 'data', data: rows });
      }
    }
  }

  /** Sends `message` to every subscriber unless it repeats the last one; whether it was sent. */
  private push(message: FeedMessage): boolean {
    const text = JSON.stringify(message);
    if (text === this.latest) return false;
    this.latest = text;
    for (const socket of this.ctx.getWebSockets()) socket.send(text);
    return true;
  }

  private async poll(config: FeedConfig): Promise<unknown> {
    const session = exchangeSession(this.env, config.connector);
    switch (config.type) {
      case 'order_book': {
        const book = unwrapResult(await session.orderBook(config.connector, { tradingPair: config.tradingPair, depth: config.depth ?? 10 }));
        const side = (levels: { price: string; amount: string }[]) => levels.map(({ price, amount }) => [Number(price), Number(amount)]);
        return { bids: side(book.bids), asks: side(book.asks) };
      }
      case 'candles':
        return unwrapResult(await session.candles(config.connector, { tradingPair: config.tradingPair, interval: config.interval ?? '1m', maxRecords: config.maxRecords ?? 100 }));
      case 'trades': {
        const since = await this.ctx.storage.get<number>('since');
        const trades = unwrapResult(await session.recentTrades(config.connector, { tradingPair: config.tradingPair, since }));
        if (trades.length) await this.ctx.storage.put('since', trades[trades.length - 1].timestamp * 1000);
        return since === undefined ? [] : trades.map(({ timestamp, price, amount, side }) => ({ timestamp, price, amount, side }));
      }
    }
  }
}
