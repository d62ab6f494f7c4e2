import { DurableObject } from 'cloudflare:workers';
import { exchangeSession, unwrap, type ExchangeSessionsEnv } from '../exchanges/session-client';
import type { ExchangeSessionEnv } from '../exchanges/session-env';

export type FeedType = 'candles' | 'order_book' | 'trades';

export interface FeedConfig {
  type: FeedType;
  connector: string;
  tradingPair: string;
  interval?: string;
  maxRecords?: number;
  depth?: number;
  /** Time between polls of the exchange. */
  updateIntervalMs: number;
}

/** Hummingbot API's subscription ids: `candles_{conn}_{pair}_{interval}`, `order_book_{conn}_{pair}`, `trades_{conn}_{pair}`. */
export const subscriptionId = (config: Pick<FeedConfig, 'type' | 'connector' | 'tradingPair' | 'interval'>) =>
  config.type === 'candles' ? `candles_${config.connector}_${config.tradingPair}_${config.interval}` : `${config.type}_${config.connector}_${config.tradingPair}`;

/** What a feed sends its subscribers: the latest data, or why it could not get it. */
export type FeedMessage = { kind: 'data'; data: unknown } | { kind: 'error'; message: string };

type FeedEnv = ExchangeSessionEnv & ExchangeSessionsEnv;

/**
 * One market-data feed (a pair's candles, book or trades on one connector): ONE upstream however
 * many clients listen. It polls the exchange on an alarm while it has subscribers (the WebSocket
 * hibernation API keeps their sockets without keeping the object in memory), pushes data that
 * changed to all of them, and stops when the last one leaves.
 */
export class MarketFeed extends DurableObject<FeedEnv> {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/stats') return Response.json({ subscribers: this.ctx.getWebSockets().length, polls: (await this.ctx.storage.get<number>('polls')) ?? 0 });
    const config = JSON.parse(url.searchParams.get('config') ?? '{}') as FeedConfig;
    await this.ctx.storage.put('config', config);
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    const last = await this.ctx.storage.get<string>('last');
    if (last) server.send(last);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
    return new Response(null, { status: 101, webSocket: client });
  }

  async alarm(): Promise<void> {
    if (this.ctx.getWebSockets().length === 0) return;
    const config = (await this.ctx.storage.get<FeedConfig>('config'))!;
    const polls = ((await this.ctx.storage.get<number>('polls')) ?? 0) + 1;
    await this.ctx.storage.put('polls', polls);
    let message: FeedMessage;
    try {
      message = { kind: 'data', data: await this.poll(config) };
    } catch (error) {
      message = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    const text = JSON.stringify(message);
    const unchanged = text === (await this.ctx.storage.get<string>('last'));
    const empty = message.kind === 'data' && Array.isArray(message.data) && message.data.length === 0;
    if (!unchanged && !empty) {
      await this.ctx.storage.put('last', text);
      for (const socket of this.ctx.getWebSockets()) socket.send(text);
    }
    if (message.kind === 'error') return;
    await this.ctx.storage.setAlarm(Date.now() + config.updateIntervalMs);
  }

  async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    socket.close(code === 1005 ? 1000 : code);
    if (this.ctx.getWebSockets().filter((open) => open !== socket).length === 0) {
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.delete(['last', 'since']);
    }
  }

  private async poll(config: FeedConfig): Promise<unknown> {
    const session = exchangeSession(this.env, config.connector);
    switch (config.type) {
      case 'order_book': {
        const book = unwrap(await session.orderBook(config.connector, { tradingPair: config.tradingPair, depth: config.depth ?? 10 }));
        const side = (levels: { price: string; amount: string }[]) => levels.map(({ price, amount }) => [Number(price), Number(amount)]);
        return { bids: side(book.bids), asks: side(book.asks) };
      }
      case 'candles':
        return unwrap(await session.candles(config.connector, { tradingPair: config.tradingPair, interval: config.interval ?? '1m', maxRecords: config.maxRecords ?? 100 }));
      case 'trades': {
        const since = await this.ctx.storage.get<number>('since');
        const trades = unwrap(await session.recentTrades(config.connector, { tradingPair: config.tradingPair, since }));
        if (trades.length) await this.ctx.storage.put('since', trades[trades.length - 1].timestamp * 1000);
        return since === undefined ? [] : trades.map(({ timestamp, price, amount, side }) => ({ timestamp, price, amount, side }));
      }
    }
  }
}
