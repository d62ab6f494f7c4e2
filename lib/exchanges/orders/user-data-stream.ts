import type Exchange from '../../../node_modules/ccxt/js/src/base/Exchange.js';
import { exchangeBaseUrl, type ExchangeUrlEnv } from '../base-urls';
import type { ExchangeConnector } from '../connectors';
import { rewriteUrlForLocalExchange } from '../local-urls';

/** How a connector's exchange hands out a user data stream: a listenKey from REST, then a WebSocket on it. */
interface ListenKeyVenue {
  /** CCXT's API section and path of the listenKey endpoint (POST opens, PUT keeps alive, DELETE closes). */
  api: string;
  path: string;
  /** The published WebSocket URL of the key's stream. */
  streamUrl: (listenKey: string) => string;
}

// Binance's listenKey streams (spot: /api/v3/userDataStream; USD-M: /fapi/v1/listenKey), raw payloads.
const VENUES: Record<string, ListenKeyVenue> = {
  binance: { api: 'public', path: 'userDataStream', streamUrl: (key) => `wss://stream.binance.com:9443/ws/${key}` },
  binance_perpetual: { api: 'fapiPrivate', path: 'listenKey', streamUrl: (key) => `wss://fstream.binance.com/ws/${key}` },
};

/** Binance expires a listenKey 60 minutes after its last keep-alive and asks for one every 30. */
export const LISTEN_KEY_KEEP_ALIVE_MS = 30 * 60_000;

/** How long connecting the stream's WebSocket may take before the session polls instead. */
const STREAM_CONNECT_TIMEOUT_MS = 5_000;

/** An open user data stream: its listenKey and the WebSocket its events arrive on. */
export interface UserDataStream {
  listenKey: string;
  socket: WebSocket;
  openedAt: number;
  keptAliveAt: number;
  /** Set when the session closes it itself, so its close event is not taken for a drop. */
  closing: boolean;
}

export interface UserDataStreamHandlers {
  /** One event, parsed (executionReport, ORDER_TRADE_UPDATE, account updates...). */
  onEvent(event: Record<string, unknown>): void;
  /** The stream ended without being asked to (connection lost, listenKey expired). */
  onDrop(stream: UserDataStream): void;
}

export const hasUserDataStream = (connector: ExchangeConnector) => connector.name in VENUES;

const listenKeyRequest = (exchange: Exchange, venue: ListenKeyVenue, method: 'POST' | 'PUT' | 'DELETE', params: Record<string, string> = {}) =>
  exchange.request(venue.path, venue.api, method, params) as Promise<{ listenKey?: string }>;

/**
 * Opens the account's user data stream: one listenKey request, then the WebSocket (workerd's outbound
 * WebSocket: an upgrade fetch over http(s)). Throws when either fails; the caller then polls.
 */
export async function openUserDataStream(env: ExchangeUrlEnv, exchange: Exchange, connector: ExchangeConnector, handlers: UserDataStreamHandlers): Promise<UserDataStream> {
  const venue = VENUES[connector.name];
  const { listenKey } = await listenKeyRequest(exchange, venue, 'POST');
  if (typeof listenKey !== 'string' || listenKey === '') throw new Error(`${connector.name}: no listenKey in the exchange's answer`);
  const published = venue.streamUrl(listenKey);
  const baseUrl = exchangeBaseUrl(env, connector.name);
  const url = (baseUrl ? rewriteUrlForLocalExchange(published, baseUrl) : published).replace(/^ws/, 'http');
  // Bounded (an order waits for this before it is sent), by a signal that is never fired once connected:
  // aborting it later would close the WebSocket too.
  const connecting = new AbortController();
  const timer = setTimeout(() => connecting.abort(new Error(`${connector.name}: the user data stream did not connect within ${STREAM_CONNECT_TIMEOUT_MS} ms`)), STREAM_CONNECT_TIMEOUT_MS);
  const response = await fetch(url, { headers: { Upgrade: 'websocket' }, signal: connecting.signal }).finally(() => clearTimeout(timer));
  const socket = response.webSocket;
  if (!socket) throw new Error(`${connector.name}: the user data stream refused the connection (HTTP ${response.status})`);
  socket.accept();
  const now = Date.now();
  const stream: UserDataStream = { listenKey, socket, openedAt: now, keptAliveAt: now, closing: false };
  const dropped = () => {
    if (stream.closing) return;
    stream.closing = true;
    handlers.onDrop(stream);
  };
  socket.addEventListener('message', (message) => {
    let event: unknown;
    try {
      event = JSON.parse(typeof message.data === 'string' ? message.data : new TextDecoder().decode(message.data));
    } catch {
      return;
    }
    if (typeof event !== 'object' || event === null) return;
    // The key expired (a keep-alive was missed): this stream carries nothing more.
    if ((event as { e?: unknown }).e === 'listenKeyExpired') {
      socket.close(1000, 'listenKey expired');
      return dropped();
    }
    handlers.onEvent(event as Record<string, unknown>);
  });
  socket.addEventListener('close', dropped);
  socket.addEventListener('error', dropped);
  return stream;
}

/** Extends the stream's listenKey (one request); throws when the exchange no longer knows it. */
export async function keepUserDataStreamAlive(exchange: Exchange, connector: ExchangeConnector, stream: UserDataStream): Promise<void> {
  await listenKeyRequest(exchange, VENUES[connector.name], 'PUT', { listenKey: stream.listenKey });
  stream.keptAliveAt = Date.now();
}

/** Closes the WebSocket and the listenKey (one request; a key the exchange already dropped is no error). */
export async function closeUserDataStream(exchange: Exchange, connector: ExchangeConnector, stream: UserDataStream): Promise<void> {
  stream.closing = true;
  try {
    stream.socket.close(1000, 'no open orders');
  } catch {
    // Already closed.
  }
  await listenKeyRequest(exchange, VENUES[connector.name], 'DELETE', { listenKey: stream.listenKey }).catch(() => undefined);
}
