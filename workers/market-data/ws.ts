import type { Context } from 'hono';
import type { AppEnv } from '../../lib/env';
import { subscriptionId, type FeedConfig, type FeedMessage, type FeedType } from '../../lib/market-data/feed';
import { marketDataConnector } from '../../lib/exchanges/reads/pair-market';
import type { MarketDataEnv } from './env';

const HEARTBEAT_MS = 30_000;
const MIN_UPDATE_S = 0.25;
const MAX_UPDATE_S = 60;
const FEED_TYPES: FeedType[] = ['candles', 'order_book', 'trades'];

const now = () => Date.now() / 1000;

type Subscribe = { action: 'subscribe'; type?: unknown; connector?: unknown; trading_pair?: unknown; interval?: unknown; max_records?: unknown; depth?: unknown; update_interval?: unknown };

/** The feed a subscribe message asks for; a reason when it is not one. */
function feedConfig(message: Subscribe): FeedConfig | string {
  if (typeof message.type !== 'string' || !FEED_TYPES.includes(message.type as FeedType)) return `Unknown subscription type '${String(message.type)}': use one of ${FEED_TYPES.join(', ')}`;
  if (typeof message.connector !== 'string') return 'connector is required';
  if (typeof message.trading_pair !== 'string' || !/^[A-Za-z0-9.]+-[A-Za-z0-9.]+$/.test(message.trading_pair)) return "trading_pair must be BASE-QUOTE, e.g. 'BTC-USDT'";
  try {
    marketDataConnector(message.connector);
  } catch (error) {
    return (error as Error).message;
  }
  const interval = message.interval === undefined ? '1m' : message.interval;
  if (typeof interval !== 'string') return 'interval must be a string';
  const updateSeconds = typeof message.update_interval === 'number' ? message.update_interval : 1;
  const maxRecords = typeof message.max_records === 'number' && Number.isInteger(message.max_records) ? Math.min(Math.max(message.max_records, 1), 1000) : 100;
  const depth = typeof message.depth === 'number' && Number.isInteger(message.depth) ? Math.min(Math.max(message.depth, 1), 1000) : 10;
  return {
    type: message.type as FeedType,
    connector: message.connector,
    tradingPair: message.trading_pair,
    interval,
    maxRecords,
    depth,
    updateIntervalMs: Math.min(Math.max(updateSeconds, MIN_UPDATE_S), MAX_UPDATE_S) * 1000,
  };
}

/**
 * `GET /ws/market-data`, as Hummingbot API serves it (the edge has authenticated the upgrade): each
 * subscription is a socket to that feed's Durable Object, which holds one upstream (the exchange's
 * stream, or polling) for all its subscribers; this relays what it pushes in Hummingbot API's envelope.
 */
export async function marketDataSocket(c: Context<AppEnv<MarketDataEnv>>): Promise<Response> {
  if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return c.json({ statusCode: 426, error: 'Upgrade Required', message: 'Expected a WebSocket upgrade', detail: 'Expected a WebSocket upgrade' }, 426);
  const { 0: client, 1: server } = new WebSocketPair();
  server.accept();
  const send = (message: Record<string, unknown>) => {
    if (server.readyState === WebSocket.OPEN) server.send(JSON.stringify(message));
  };
  const feeds = new Map<string, WebSocket>();
  send({ type: 'connected', connection_id: crypto.randomUUID(), timestamp: now() });
  const heartbeat = setInterval(() => send({ type: 'heartbeat', timestamp: now() }), HEARTBEAT_MS);

  const subscribe = async (message: Subscribe) => {
    const config = feedConfig(message);
    if (typeof config === 'string') return send({ type: 'error', message: config });
    const id = subscriptionId(config);
    if (feeds.has(id)) return send({ type: 'subscribed', subscription_id: id });
    const feed = c.env.MARKET_FEEDS.get(c.env.MARKET_FEEDS.idFromName(id));
    const response = await feed.fetch(`https://feed.internal/connect?config=${encodeURIComponent(JSON.stringify(config))}`, { headers: { upgrade: 'websocket' } });
    const socket = response.webSocket;
    if (!socket) return send({ type: 'error', message: `Could not subscribe to ${id}` });
    socket.accept();
    feeds.set(id, socket);
    let lastCandle: number | undefined;
    socket.addEventListener('message', (event) => {
      const pushed = JSON.parse(String(event.data)) as FeedMessage;
      if (pushed.kind === 'error') {
        send({ type: 'error', subscription_id: id, message: pushed.message });
        feeds.delete(id);
        socket.close(1000);
        return;
      }
      if (config.type !== 'candles') return send({ type: config.type, subscription_id: id, data: pushed.data, timestamp: now() });
      const rows = pushed.data as { timestamp: number }[];
      const newest = rows[rows.length - 1]?.timestamp;
      if (lastCandle === undefined || newest > lastCandle) send({ type: 'candles', subscription_id: id, data: rows, timestamp: now() });
      else send({ type: 'candle_update', subscription_id: id, data: rows[rows.length - 1], timestamp: now() });
      lastCandle = newest;
    });
    send({ type: 'subscribed', subscription_id: id });
  };

  server.addEventListener('message', (event) => {
    let message: { action?: unknown; subscription_id?: unknown };
    try {
      message = JSON.parse(String(event.data)) as typeof message;
    } catch {
      return send({ type: 'error', message: 'Messages must be JSON' });
    }
    switch (message.action) {
      case 'ping':
        return send({ type: 'pong', timestamp: now() });
      case 'subscribe':
        return void subscribe(message as Subscribe).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
      case 'unsubscribe': {
        const id = String(message.subscription_id);
        const socket = feeds.get(id);
        if (!socket) return send({ type: 'error', message: `No subscription '${id}'` });
        socket.close(1000);
        feeds.delete(id);
        return send({ type: 'unsubscribed', subscription_id: id });
      }
      default:
        return send({ type: 'error', message: `Unknown action '${String(message.action)}': use subscribe, unsubscribe or ping` });
    }
  });
  server.addEventListener('close', () => {
    clearInterval(heartbeat);
    for (const socket of feeds.values()) socket.close(1000);
    feeds.clear();
  });
  return new Response(null, { status: 101, webSocket: client });
}
