// WebSocket side of the local exchange, under the same host prefixes as REST:
//   /stream.binance.com/ws[/<stream>|/<listenKey>], /stream.binance.com/stream?streams=a/b (spot market
//   streams, legacy listenKey user data), /fstream.binance.com/{ws,public/ws,market/ws,private/ws}
//   [/<stream>][?listenKey=] and /fstream.binance.com/stream?streams= (USD-M), and the spot WebSocket
//   API's user data subscription (/ws-api.binance.com/ws-api/v3, userDataStream.subscribe[.signature]).
// Market streams: trade, aggTrade, kline_<interval>, ticker, miniTicker, bookTicker, depth[@100ms],
// depth<5|10|20>[@100ms], and markPrice[@1s] on USD-M; payloads as web-socket-streams.md publishes them.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { formatDecimal } from './decimal';
import type { EventBus } from './events';
import type { FuturesVenue } from './futures';
import type { Account } from './http';
import type { ListenKeys } from './listen-keys';
import type { SymbolMarket } from './market';
import { KLINE_INTERVALS, type PerpetualRules } from './markets';
import type { OrderBook } from './order-book';
import { candleOpenTime, type PricePath } from './price-path';
import type { SpotVenue } from './spot';
import { ticker24h } from './spot-api';

type Venue = 'spot' | 'futures';

interface Connection {
  socket: WebSocket;
  venue: Venue;
  combined: boolean;
  streams: Set<string>;
  /** Account whose user data this connection receives, and how it is wrapped. */
  user?: { owner: string; subscriptionId?: number };
}

export interface StreamDependencies {
  spot: SpotVenue;
  futures: FuturesVenue;
  path: PricePath;
  events: EventBus;
  listenKeys: ListenKeys;
  accounts: Map<string, Account>;
  clock: () => number;
}

const TICK_MS = 100;
const STREAM_PATTERN = /^([a-z0-9]+)@(trade|aggTrade|kline_[0-9a-zA-Z]+|ticker|miniTicker|bookTicker|depth(?:5|10|20)?(?:@100ms|@1000ms|@500ms|@250ms)?|markPrice(?:@1s)?)$/;

/** An open market-stream connection, as the control endpoint lists it. */
export interface StreamConnection {
  venue: Venue;
  streams: string[];
}

export function attachStreams(
  server: Server,
  deps: StreamDependencies,
): { connections(): StreamConnection[]; dropConnections(): number; userDataOutage(down: boolean): void; close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const connections = new Set<Connection>();
  // An outage of the user data streams (tests of their fallback): connections refused and open ones dropped.
  let userDataDown = false;
  const emittedUpdateId = new Map<OrderBook, number>();
  let ticks = 0;
  let timer: NodeJS.Timeout | undefined;

  const markets = (venue: Venue) => (venue === 'spot' ? deps.spot.markets : deps.futures.markets);

  const validStream = (venue: Venue, name: string): boolean => {
    const match = STREAM_PATTERN.exec(name);
    if (!match) return false;
    const [, symbol, kind] = match;
    if (!markets(venue).has(symbol.toUpperCase())) return false;
    if (kind.startsWith('kline_')) return kind.slice(6) in KLINE_INTERVALS;
    if (kind.startsWith('markPrice')) return venue === 'futures';
    return true;
  };

  const send = (connection: Connection, stream: string, data: unknown) => {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(JSON.stringify(connection.combined ? { stream, data } : data));
  };

  const publish = (venue: Venue, stream: string, data: unknown) => {
    for (const connection of connections) if (connection.venue === venue && connection.streams.has(stream)) send(connection, stream, data);
  };

  const subscribedTo = (venue: Venue, predicate: (stream: string) => boolean) => {
    for (const connection of connections) if (connection.venue === venue) for (const stream of connection.streams) if (predicate(stream)) return true;
    return false;
  };

  const stopTrades = deps.events.onMarket((event) => {
    const rules = markets(event.venue).get(event.symbol)!.rules;
    const { id, price, qty, time, isBuyerMaker } = event.payload as { id: number; price: bigint; qty: bigint; time: number; isBuyerMaker: boolean };
    const now = deps.clock();
    const lower = event.symbol.toLowerCase();
    const p = formatText(event.venue, rules, price, 'price');
    const q = formatText(event.venue, rules, qty, 'qty');
    publish(event.venue, `${lower}@trade`, event.venue === 'spot' ? { e: 'trade', E: now, s: event.symbol, t: id, p, q, T: time, m: isBuyerMaker, M: true } : { e: 'trade', E: now, T: time, s: event.symbol, t: id, p, q, X: 'MARKET', m: isBuyerMaker });
    publish(event.venue, `${lower}@aggTrade`, { e: 'aggTrade', E: now, s: event.symbol, a: id, p, q, f: id, l: id, T: time, m: isBuyerMaker, ...(event.venue === 'spot' ? { M: true } : {}) });
  });

  const stopUser = deps.events.onUser((event) => {
    for (const connection of connections) {
      if (!connection.user || connection.user.owner !== event.owner || connection.venue !== event.venue) continue;
      if (connection.socket.readyState !== connection.socket.OPEN) continue;
      const data = connection.user.subscriptionId === undefined ? event.payload : { subscriptionId: connection.user.subscriptionId, event: event.payload };
      connection.socket.send(JSON.stringify(data));
    }
  });

  const emitDepth = (venue: Venue, market: SymbolMarket, now: number, everySecond: boolean) => {
    const { book, rules } = market;
    const lower = rules.symbol.toLowerCase();
    const changes = book.takeChanges();
    const previous = emittedUpdateId.get(book) ?? 0;
    if (changes.length > 0 && book.updateId > previous) {
      emittedUpdateId.set(book, book.updateId);
      const level = (side: 'BUY' | 'SELL') =>
        changes.filter((c) => c.side === side).map((c) => [formatText(venue, rules, c.price, 'price'), formatText(venue, rules, book.quantityAt(side, c.price), 'qty')]);
      const diff = { e: 'depthUpdate', E: now, ...(venue === 'futures' ? { T: now } : {}), s: rules.symbol, U: previous + 1, u: book.updateId, ...(venue === 'futures' ? { pu: previous } : {}), b: level('BUY'), a: level('SELL') };
      for (const suffix of ['@100ms', '@250ms', '@500ms', ...(everySecond ? ['', '@1000ms'] : [])]) publish(venue, `${lower}@depth${suffix}`, diff);
      const best = { u: book.updateId, s: rules.symbol, b: formatText(venue, rules, book.best('BUY')?.price ?? 0n, 'price'), B: formatText(venue, rules, book.best('BUY')?.qty ?? 0n, 'qty'), a: formatText(venue, rules, book.best('SELL')?.price ?? 0n, 'price'), A: formatText(venue, rules, book.best('SELL')?.qty ?? 0n, 'qty') };
      publish(venue, `${lower}@bookTicker`, venue === 'spot' ? best : { e: 'bookTicker', u: best.u, E: now, T: now, s: best.s, b: best.b, B: best.B, a: best.a, A: best.A });
    }
    for (const levels of [5, 10, 20]) {
      const streams = [`${lower}@depth${levels}@100ms`, ...(everySecond ? [`${lower}@depth${levels}`] : [])];
      if (!streams.some((s) => subscribedTo(venue, (x) => x === s))) continue;
      const depth = book.depth(levels);
      const side = (rows: [bigint, bigint][]) => rows.map(([p, q]) => [formatText(venue, rules, p, 'price'), formatText(venue, rules, q, 'qty')]);
      const data = venue === 'spot' ? { lastUpdateId: book.updateId, bids: side(depth.bids), asks: side(depth.asks) } : { e: 'depthUpdate', E: now, T: now, s: rules.symbol, U: book.updateId, u: book.updateId, pu: book.updateId, b: side(depth.bids), a: side(depth.asks) };
      for (const stream of streams) publish(venue, stream, data);
    }
  };

  const emitSecondly = (venue: Venue, market: SymbolMarket, now: number) => {
    const { rules } = market;
    const lower = rules.symbol.toLowerCase();
    const perpetual = venue === 'futures';
    for (const interval of Object.keys(KLINE_INTERVALS)) {
      const stream = `${lower}@kline_${interval}`;
      if (!subscribedTo(venue, (s) => s === stream)) continue;
      const open = candleOpenTime(interval, now);
      const row = deps.path.kline(rules, interval, open, now, perpetual);
      publish(venue, stream, { e: 'kline', E: now, s: rules.symbol, k: { t: row[0], T: row[6], s: rules.symbol, i: interval, f: market.tape[0]?.id ?? -1, L: market.tape.at(-1)?.id ?? -1, o: row[1], c: row[4], h: row[2], l: row[3], v: row[5], n: row[8], x: false, q: row[7], V: row[9], Q: row[10], B: '0' } });
    }
    if (subscribedTo(venue, (s) => s === `${lower}@ticker` || s === `${lower}@miniTicker`)) {
      const t = ticker24h(market, deps.path, now, perpetual);
      const bid = market.book.best('BUY');
      const ask = market.book.best('SELL');
      const common = { E: now, s: rules.symbol, c: t.lastPrice, o: t.openPrice, h: t.highPrice, l: t.lowPrice, v: t.volume, q: t.quoteVolume };
      publish(venue, `${lower}@miniTicker`, { e: '24hrMiniTicker', ...common });
      publish(venue, `${lower}@ticker`, { e: '24hrTicker', ...common, p: t.priceChange, P: t.priceChangePercent, w: t.weightedAvgPrice, x: t.openPrice, Q: t.lastQty, b: formatDecimal(bid?.price ?? 0n), B: formatDecimal(bid?.qty ?? 0n), a: formatDecimal(ask?.price ?? 0n), A: formatDecimal(ask?.qty ?? 0n), O: t.openTime, C: t.closeTime, F: t.firstId, L: t.lastId, n: t.count });
    }
    if (venue === 'futures' && subscribedTo(venue, (s) => s.startsWith(`${lower}@markPrice`))) {
      const data = { e: 'markPriceUpdate', E: now, s: rules.symbol, p: formatDecimal(deps.futures.markPrice(rules.symbol, now)), i: formatDecimal(deps.futures.indexPrice(rules.symbol, now)), P: formatDecimal(deps.futures.indexPrice(rules.symbol, now)), r: formatDecimal(deps.futures.fundingRate(rules.symbol, now)), T: deps.futures.nextFundingTime(now) };
      publish(venue, `${lower}@markPrice`, data);
      publish(venue, `${lower}@markPrice@1s`, data);
    }
  };

  const tick = () => {
    ticks += 1;
    const now = deps.clock();
    const everySecond = ticks % (1000 / TICK_MS) === 0;
    for (const venue of ['spot', 'futures'] as const) {
      if (![...connections].some((c) => c.venue === venue)) continue;
      if (venue === 'spot') deps.spot.refreshAll();
      else deps.futures.refreshAll();
      for (const market of markets(venue).values()) {
        emitDepth(venue, market, now, everySecond);
        if (everySecond) emitSecondly(venue, market, now);
      }
    }
  };

  const register = (connection: Connection) => {
    connections.add(connection);
    timer ??= setInterval(tick, TICK_MS);
    connection.socket.on('close', () => {
      connections.delete(connection);
      if (connections.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    });
  };

  const handleStreamMessage = (connection: Connection, text: string) => {
    let message: { method?: unknown; params?: unknown; id?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      return connection.socket.send(JSON.stringify({ code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' }));
    }
    const id = message.id ?? null;
    const params = Array.isArray(message.params) ? message.params : [];
    const reply = (result: unknown) => connection.socket.send(JSON.stringify({ result, id }));
    const fail = (code: number, msg: string) => connection.socket.send(JSON.stringify({ error: { code, msg }, id }));
    switch (message.method) {
      case 'SUBSCRIBE': {
        const invalid = params.find((p) => typeof p !== 'string' || !validStream(connection.venue, p));
        if (invalid !== undefined) return fail(2, `Invalid request: invalid stream name ${JSON.stringify(invalid)}`);
        for (const p of params) connection.streams.add(p as string);
        return reply(null);
      }
      case 'UNSUBSCRIBE':
        for (const p of params) connection.streams.delete(p as string);
        return reply(null);
      case 'LIST_SUBSCRIPTIONS':
        return reply([...connection.streams]);
      case 'SET_PROPERTY':
        if (params[0] !== 'combined') return fail(0, 'Unknown property');
        if (typeof params[1] !== 'boolean') return fail(1, 'Invalid value type: expected Boolean');
        connection.combined = params[1];
        return reply(null);
      case 'GET_PROPERTY':
        if (params[0] !== 'combined') return fail(0, 'Unknown property');
        return reply(connection.combined);
      default:
        return fail(2, `Invalid request: unknown variant ${JSON.stringify(message.method)}, expected one of \`SUBSCRIBE\`, \`UNSUBSCRIBE\`, \`LIST_SUBSCRIPTIONS\`, \`SET_PROPERTY\`, \`GET_PROPERTY\``);
    }
  };

  /** The spot WebSocket API, as far as user data goes: subscribe by signature (what CCXT uses) or after logon. */
  const handleApiMessage = (connection: Connection, text: string) => {
    let message: { id?: unknown; method?: unknown; params?: Record<string, unknown> };
    try {
      message = JSON.parse(text);
    } catch {
      return connection.socket.send(JSON.stringify({ id: null, status: 400, error: { code: -1135, msg: 'Invalid JSON Request' } }));
    }
    const id = message.id ?? null;
    const fail = (status: number, code: number, msg: string) => connection.socket.send(JSON.stringify({ id, status, error: { code, msg } }));
    const ok = (result: unknown) => connection.socket.send(JSON.stringify({ id, status: 200, result }));
    const params = message.params ?? {};
    const signedAccount = (): Account | undefined => {
      const apiKey = String(params.apiKey ?? '');
      const account = deps.accounts.get(apiKey);
      if (!account) {
        fail(401, -2015, 'Invalid API-key, IP, or permissions for action.');
        return undefined;
      }
      const { signature, ...rest } = params;
      const payload = Object.keys(rest)
        .sort()
        .map((k) => `${k}=${String(rest[k])}`)
        .join('&');
      if (typeof signature !== 'string' || createHmac('sha256', account.apiSecret).update(payload).digest('hex') !== signature.toLowerCase()) {
        fail(400, -1022, 'Signature for this request is not valid.');
        return undefined;
      }
      const timestamp = Number(params.timestamp);
      const recvWindow = params.recvWindow === undefined ? 5000 : Number(params.recvWindow);
      const now = deps.clock();
      if (!Number.isFinite(timestamp) || timestamp >= now + 1000 || now - timestamp > recvWindow) {
        fail(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
        return undefined;
      }
      return account;
    };
    switch (message.method) {
      case 'session.logon': {
        const account = signedAccount();
        if (!account) return;
        connection.user = { owner: account.apiKey };
        return ok({ apiKey: account.apiKey, authorizedSince: deps.clock(), connectedSince: deps.clock(), returnRateLimits: false, serverTime: deps.clock(), userDataStream: false });
      }
      case 'userDataStream.subscribe.signature': {
        const account = signedAccount();
        if (!account) return;
        if (connection.user?.subscriptionId !== undefined) return fail(400, -2035, 'User Data Stream subscription already active.');
        connection.user = { owner: account.apiKey, subscriptionId: 0 };
        return ok({ subscriptionId: 0 });
      }
      case 'userDataStream.subscribe': {
        if (!connection.user) return fail(401, -2015, 'Invalid API-key, IP, or permissions for action.');
        if (connection.user.subscriptionId !== undefined) return fail(400, -2035, 'User Data Stream subscription already active.');
        connection.user.subscriptionId = 0;
        return ok({ subscriptionId: 0 });
      }
      case 'userDataStream.unsubscribe':
        if (connection.user) connection.user.subscriptionId = undefined;
        return ok({});
      case 'ping':
        return ok({});
      case 'time':
        return ok({ serverTime: deps.clock() });
      default:
        return fail(400, -1020, 'This operation is not supported.');
    }
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const [, host = '', ...segments] = url.pathname.split('/');
    const venue: Venue | undefined = host === 'stream.binance.com' ? 'spot' : host === 'fstream.binance.com' ? 'futures' : host === 'ws-api.binance.com' ? 'spot' : undefined;
    if (!venue) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    if (userDataDown && wantsUserData(host, url)) {
      socket.write('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection: Connection = { socket: ws, venue, combined: false, streams: new Set() };
      if (host === 'ws-api.binance.com') {
        ws.on('message', (data) => handleApiMessage(connection, String(data)));
        return register(connection);
      }
      const rest = segments.filter((s) => s !== 'public' && s !== 'market' && s !== 'private');
      const listenKey = url.searchParams.get('listenKey') ?? undefined;
      if (rest[0] === 'stream') {
        connection.combined = true;
        for (const name of (url.searchParams.get('streams') ?? '').split('/')) {
          if (validStream(venue, name)) connection.streams.add(name);
          else attachListenKey(connection, name);
        }
      } else if (rest[0] === 'ws' && rest[1]) {
        if (validStream(venue, rest[1])) connection.streams.add(rest[1]);
        else attachListenKey(connection, rest[1]);
      }
      if (listenKey !== undefined) attachListenKey(connection, listenKey);
      ws.on('message', (data) => handleStreamMessage(connection, String(data)));
      register(connection);
    });
  };

  const wantsUserData = (host: string, url: URL) =>
    host === 'ws-api.binance.com' ||
    url.searchParams.has('listenKey') ||
    [...url.pathname.split('/'), ...(url.searchParams.get('streams') ?? '').split('/')].some((part) => part !== '' && deps.listenKeys.resolve(part) !== undefined);

  const attachListenKey = (connection: Connection, key: string) => {
    const entry = deps.listenKeys.resolve(key);
    if (entry && entry.venue === connection.venue) connection.user = { owner: entry.owner };
  };

  server.on('upgrade', onUpgrade);

  return {
    userDataOutage: (down: boolean) => {
      userDataDown = down;
      if (down) for (const connection of connections) if (connection.user) connection.socket.terminate();
    },
    connections: () => [...connections].filter((connection) => !connection.user).map((connection) => ({ venue: connection.venue, streams: [...connection.streams] })),
    /** Cuts every market-stream connection, as a network drop would (no close frame). */
    dropConnections: () => {
      const market = [...connections].filter((connection) => !connection.user);
      for (const connection of market) connection.socket.terminate();
      return market.length;
    },
    close: async () => {
      if (timer) clearInterval(timer);
      stopTrades();
      stopUser();
      server.off('upgrade', onUpgrade);
      for (const connection of connections) connection.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function formatText(venue: Venue, rules: { tickSize: bigint }, value: bigint, kind: 'price' | 'qty'): string {
  if (venue === 'spot') return formatDecimal(value);
  const perpetual = rules as PerpetualRules;
  return formatDecimal(value, kind === 'price' ? perpetual.pricePrecision : perpetual.quantityPrecision);
}
