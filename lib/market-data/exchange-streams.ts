// The exchanges' WebSocket market streams a feed follows instead of polling: Binance spot
// (stream.binance.com) and USD-M (fstream.binance.com), payloads as web-socket-streams.md publishes
// them. Connectors not listed here are polled.
import { exchangeBaseUrl, type ExchangeUrlEnv } from '../exchanges/base-urls';
import { rewriteUrlForLocalExchange } from '../exchanges/local-urls';
import type { CandleRow } from '../exchanges/reads/candle-row';

export type StreamedFeed = { type: 'order_book'; depth: number } | { type: 'candles'; interval: string } | { type: 'trades' };

/** What one stream message changes: the whole visible book, the newest candle, or new trades. */
export type StreamUpdate =
  | { kind: 'book'; bids: [number, number][]; asks: [number, number][] }
  | { kind: 'candle'; row: CandleRow }
  | { kind: 'trade'; trade: { timestamp: number; price: number; amount: number; side: 'buy' | 'sell' } };

const MARKET_STREAM_HOSTS: Record<string, string> = {
  binance: 'wss://stream.binance.com:9443/ws',
  binance_perpetual: 'wss://fstream.binance.com/ws',
};

/** Binance's partial-depth streams: a book up to this deep comes whole in every message. */
const PARTIAL_DEPTHS = [5, 10, 20];

function streamName(tradingPair: string, feed: StreamedFeed): string | undefined {
  const symbol = tradingPair.replace('-', '').toLowerCase();
  switch (feed.type) {
    case 'order_book': {
      const levels = PARTIAL_DEPTHS.find((depth) => depth >= feed.depth);
      return levels === undefined ? undefined : `${symbol}@depth${levels}@100ms`;
    }
    case 'candles':
      return `${symbol}@kline_${feed.interval}`;
    case 'trades':
      return `${symbol}@trade`;
  }
}

/**
 * The URL (http(s), as workerd's `fetch` upgrades it) of the exchange stream carrying `feed`, or
 * undefined when the connector has none for it (the feed polls). Pointed at the stand-in when
 * EXCHANGE_BASE_URLS names one for the connector.
 */
export function marketStreamUrl(env: ExchangeUrlEnv, connector: string, tradingPair: string, feed: StreamedFeed): string | undefined {
  const host = MARKET_STREAM_HOSTS[connector];
  const stream = streamName(tradingPair, feed);
  if (!host || !stream) return undefined;
  const published = `${host}/${stream}`;
  const baseUrl = exchangeBaseUrl(env, connector);
  const url = baseUrl ? rewriteUrlForLocalExchange(published, baseUrl) : published;
  return url.replace(/^ws/, 'http');
}

type Level = [string, string];
type BinanceMessage = {
  e?: string;
  bids?: Level[];
  asks?: Level[];
  b?: Level[];
  a?: Level[];
  k?: { t: number; o: string; h: string; l: string; c: string; v: string; n: number; q: string; V: string; Q: string };
  T?: number;
  p?: string;
  q?: string;
  m?: boolean;
};

const levels = (side: Level[], depth: number): [number, number][] => side.slice(0, depth).map(([price, amount]) => [Number(price), Number(amount)]);

/** One stream message as a feed update; undefined for anything else (subscription replies). */
export function parseStreamMessage(text: string, feed: StreamedFeed): StreamUpdate | undefined {
  const message = JSON.parse(text) as BinanceMessage;
  switch (feed.type) {
    case 'order_book': {
      // Spot's partial depth is {lastUpdateId, bids, asks}; USD-M's is a depthUpdate with b/a.
      const bids = message.bids ?? message.b;
      const asks = message.asks ?? message.a;
      return bids && asks ? { kind: 'book', bids: levels(bids, feed.depth), asks: levels(asks, feed.depth) } : undefined;
    }
    case 'candles': {
      const k = message.k;
      if (message.e !== 'kline' || !k) return undefined;
      return {
        kind: 'candle',
        row: {
          timestamp: k.t / 1000,
          open: Number(k.o),
          high: Number(k.h),
          low: Number(k.l),
          close: Number(k.c),
          volume: Number(k.v),
          quote_asset_volume: Number(k.q),
          n_trades: k.n,
          taker_buy_base_volume: Number(k.V),
          taker_buy_quote_volume: Number(k.Q),
        },
      };
    }
    case 'trades':
      if (message.e !== 'trade' || message.T === undefined) return undefined;
      // The buyer was the maker: the taker sold.
      return { kind: 'trade', trade: { timestamp: message.T / 1000, price: Number(message.p), amount: Number(message.q), side: message.m ? 'sell' : 'buy' } };
  }
}
