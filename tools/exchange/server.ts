// A local Binance-compatible exchange for development and tests: Binance's Spot REST API, USD-M
// Futures REST API, WebSocket market streams and user data streams, served under a path prefix equal
// to the published host (https://api.binance.com/api/v3/time → http://127.0.0.1:PORT/api.binance.com/api/v3/time;
// see lib/exchanges/local-urls.ts). State lives in memory; the simulated market is seeded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDecimal } from './decimal';
import { DEV_ACCOUNTS } from './dev-accounts';
import { BinanceError } from './errors';
import { EventBus } from './events';
import { FuturesVenue } from './futures';
import { futuresRoutes } from './futures-api';
import { authenticate, identify, OrderCounter, parseParams, WeightMeter, type Account } from './http';
import { ListenKeys } from './listen-keys';
import { PricePath } from './price-path';
import type { Route } from './routes';
import { SpotVenue } from './spot';
import { spotRoutes } from './spot-api';
import { attachStreams, type StreamConnection } from './streams';
import { walletRoutes } from './wallet-api';

export interface LocalExchangeOptions {
  /** Port to listen on; 0 or absent picks a free one. */
  port?: number;
  /** Seed of the simulated market (price path, market maker); same seed, same prices. */
  seed?: number;
  /** Time between funding settlements (Binance: 8 h); tests make it short. */
  fundingIntervalMs?: number;
  /** Request weight allowed per minute per API (Binance: spot 6000, USD-M 2400). */
  weightLimitPerMinute?: number;
  /** Keep a market maker quoting around the price path (default true); off, the books hold only users' orders. */
  marketMaker?: boolean;
  /** How often the market maker re-quotes (default 1000 ms). */
  marketMakerIntervalMs?: number;
}

export interface LocalExchange {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** REST requests received under the Binance prefixes since start or the last reset. */
  requestCount(): number;
  resetRequestCount(): void;
  /** Open market-stream WebSocket connections (user-data ones left out) and their streams. */
  streamConnections(): StreamConnection[];
  /** Settles funding on every open position now, as the 8-hourly settlement does. */
  settleFunding(): void;
  /** Pauses the market maker (its quotes leave the books until resumed) or resumes it. */
  pauseMarketMaker(paused: boolean): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const SPOT_HOSTS = new Set(['api.binance.com', 'api1.binance.com', 'api2.binance.com', 'api3.binance.com', 'api4.binance.com', 'api-gcp.binance.com']);

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers }).end(JSON.stringify(body));
}

export async function startLocalExchange(options: LocalExchangeOptions = {}): Promise<LocalExchange> {
  const seed = options.seed ?? 1;
  const clock = () => Date.now();
  const events = new EventBus();
  const path = new PricePath(seed);
  const marketMakerIntervalMs = options.marketMaker === false ? null : options.marketMakerIntervalMs ?? 1000;
  const spot = new SpotVenue(path, seed, events, clock, marketMakerIntervalMs);
  const futures = new FuturesVenue(path, seed, events, clock, marketMakerIntervalMs, options.fundingIntervalMs ?? 8 * 3_600_000);
  const listenKeys = new ListenKeys(clock);
  const accounts = new Map<string, Account>();
  for (const account of DEV_ACCOUNTS) {
    accounts.set(account.apiKey, account);
    for (const [asset, amount] of Object.entries(account.spot)) spot.fund(account.apiKey, asset, parseDecimal(amount)!);
    for (const [asset, amount] of Object.entries(account.futures)) futures.fund(account.apiKey, asset, parseDecimal(amount)!, clock());
  }

  const routes = new Map<string, Route>();
  for (const route of [...spotRoutes(spot, path, listenKeys), ...walletRoutes(spot)]) for (const host of SPOT_HOSTS) routes.set(`${route.method} ${host}${route.path}`, route);
  for (const route of futuresRoutes(futures, path, listenKeys)) routes.set(`${route.method} fapi.binance.com${route.path}`, route);
  // binance's loadMarkets asks for coin-margined markets too unless told otherwise: it lists none here.
  routes.set('GET dapi.binance.com/dapi/v1/exchangeInfo', { method: 'GET', path: '/dapi/v1/exchangeInfo', security: 'NONE', weight: 1, handle: ({ now }) => ({ timezone: 'UTC', serverTime: now, rateLimits: [], exchangeFilters: [], symbols: [] }) });

  const meters = {
    spot: new WeightMeter(options.weightLimitPerMinute ?? 6000),
    futures: new WeightMeter(options.weightLimitPerMinute ?? 2400),
  };
  const orderCounters = {
    spot: new OrderCounter([{ header: 'x-mbx-order-count-10s', ms: 10_000 }, { header: 'x-mbx-order-count-1d', ms: 86_400_000 }]),
    futures: new OrderCounter([{ header: 'x-mbx-order-count-10s', ms: 10_000 }, { header: 'x-mbx-order-count-1m', ms: 60_000 }]),
  };
  let requests = 0;
  /** `/__local/orders/hold-next`: the next order is placed, but its answer waits for `/__local/orders/release`. */
  let holdNextOrder = false;
  const heldAnswers: (() => void)[] = [];
  /** Each API key's REST requests (`METHOD host/path`), in order: what one account's session asked, apart from everyone else's. */
  const requestsByKey = new Map<string, string[]>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/__local/')) return control(url, method, res, method === 'POST' ? await readBody(req) : undefined);
    const [, host = '', ...rest] = url.pathname.split('/');
    const publishedPath = `/${rest.join('/')}`;
    const route = routes.get(`${method} ${host}${publishedPath}`);
    const known = SPOT_HOSTS.has(host) || host === 'fapi.binance.com' || host === 'dapi.binance.com';
    if (!known) return send(res, 404, { code: -1000, msg: `No such host prefix: ${host}` });
    requests += 1;
    const keyHeader = req.headers['x-mbx-apikey'];
    if (typeof keyHeader === 'string') requestsByKey.set(keyHeader, [...(requestsByKey.get(keyHeader) ?? []), `${method} ${host}${publishedPath}`]);
    const meter = host === 'fapi.binance.com' ? meters.futures : meters.spot;
    const now = clock();
    const weightHeaders = () => ({ 'x-mbx-used-weight': String(meter.current(now)), 'x-mbx-used-weight-1m': String(meter.current(now)) });
    if (!route) return send(res, 404, { code: -1000, msg: 'Not found' }, weightHeaders());
    try {
      const rawBody = await readBody(req);
      if (rawBody === undefined) throw new BinanceError(-1000, 'Request body too large.', 413);
      const rawQuery = url.search.slice(1);
      const params = parseParams(rawQuery, rawBody);
      meter.spend(typeof route.weight === 'number' ? route.weight : route.weight(params), now);
      const apiKey = req.headers['x-mbx-apikey'];
      const header = Array.isArray(apiKey) ? apiKey[0] : apiKey;
      let account: Account | undefined;
      if (route.security === 'SIGNED') account = authenticate(accounts, header, rawQuery, rawBody, params, now, 'SIGNED');
      else if (route.security !== 'NONE') account = identify(accounts, header);
      const body = route.handle({ params, account, now });
      const orderHeaders = route.placesOrder ? orderCounters[host === 'fapi.binance.com' ? 'futures' : 'spot'].count(account!.apiKey, now) : {};
      const answer = () => send(res, 200, body, { ...weightHeaders(), ...orderHeaders });
      if (route.placesOrder && holdNextOrder) {
        // Accepted and on the book; only its answer waits, as when a connection breaks after the exchange acted.
        holdNextOrder = false;
        heldAnswers.push(answer);
      } else {
        answer();
      }
    } catch (error) {
      if (error instanceof BinanceError) {
        const headers: Record<string, string> = weightHeaders();
        if (error.status === 429) headers['retry-after'] = String(meter.secondsToNextMinute(now));
        return send(res, error.status, { code: error.code, msg: error.msg }, headers);
      }
      console.error('local exchange: unexpected error', error);
      send(res, 500, { code: -1000, msg: 'An unknown error occurred while processing the request.' }, weightHeaders());
    }
  };

  const pauseMarketMaker = (paused: boolean) => {
    spot.pauseMarketMaker(paused);
    futures.pauseMarketMaker(paused);
  };

  const control = ({ pathname, searchParams }: URL, method: string, res: ServerResponse, body?: string): void => {
    if (pathname === '/__local/price' && method === 'POST') return movePrice(res, body);
    if (pathname === '/__local/request-count' && method === 'GET') return send(res, 200, { requests });
    if (pathname === '/__local/requests' && method === 'GET') return send(res, 200, { requests: requestsByKey.get(searchParams.get('apiKey') ?? '') ?? [] });
    if (pathname === '/__local/request-count/reset' && method === 'POST') {
      requests = 0;
      return send(res, 200, { requests });
    }
    if (pathname === '/__local/stream-connections' && method === 'GET') return send(res, 200, { connections: streams.connections() });
    if (pathname === '/__local/stream-connections/drop' && method === 'POST') return send(res, 200, { dropped: streams.dropConnections() });
    if (pathname === '/__local/funding' && method === 'POST') {
      futures.settleFunding(clock());
      return send(res, 200, {});
    }
    if ((pathname === '/__local/market-maker/pause' || pathname === '/__local/market-maker/resume') && method === 'POST') {
      pauseMarketMaker(pathname.endsWith('/pause'));
      return send(res, 200, { paused: pathname.endsWith('/pause') });
    }
    if ((pathname === '/__local/user-data/outage' || pathname === '/__local/user-data/restore') && method === 'POST') {
      streams.userDataOutage(pathname.endsWith('/outage'));
      return send(res, 200, { userDataDown: pathname.endsWith('/outage') });
    }
    if (pathname === '/__local/orders/hold-next' && method === 'POST') {
      holdNextOrder = true;
      return send(res, 200, { holdNext: true });
    }
    if (pathname === '/__local/orders/held' && method === 'GET') return send(res, 200, { held: heldAnswers.length });
    if (pathname === '/__local/orders/release' && method === 'POST') {
      const released = heldAnswers.splice(0);
      for (const answer of released) answer();
      return send(res, 200, { released: released.length });
    }
    send(res, 404, { code: -1000, msg: 'Not found' });
  };

  /** `{symbol: "BTCUSDT", price: "101000"}` (no price: back to the seeded path): the base asset's price path moves there now (spot and USD-M), the market maker re-quotes around it at its next interval. */
  const movePrice = (res: ServerResponse, body?: string): void => {
    let request: { symbol?: unknown; price?: unknown };
    try {
      request = JSON.parse(body ?? '{}') as typeof request;
    } catch {
      return send(res, 400, { code: -1102, msg: 'Body must be JSON: {"symbol": "BTCUSDT", "price": "101000"}' });
    }
    const rules = typeof request.symbol === 'string' ? spot.markets.get(request.symbol)?.rules : undefined;
    if (!rules || rules.quoteAsset !== 'USDT') return send(res, 400, { code: -1121, msg: 'symbol must be a USDT spot symbol, e.g. BTCUSDT' });
    if (request.price === undefined) path.resetPrice(rules.baseAsset);
    const price = request.price === undefined ? path.price(rules, clock()) : Number(request.price);
    if (!(price > 0)) return send(res, 400, { code: -1100, msg: 'price must be a number greater than 0' });
    if (request.price !== undefined) path.movePrice(rules.baseAsset, Number(rules.anchorPrice), clock(), price);
    send(res, 200, { symbol: rules.symbol, price: path.price(rules, clock()) });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('local exchange: request failed', error);
      if (!res.headersSent) send(res, 500, { code: -1000, msg: 'An unknown error occurred while processing the request.' });
    });
  });
  const streams = attachStreams(server, { spot, futures, path, events, listenKeys, accounts, clock });
  const fundingTimer = futures.startFundingClock();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requestCount: () => requests,
    resetRequestCount: () => {
      requests = 0;
    },
    streamConnections: () => streams.connections(),
    settleFunding: () => futures.settleFunding(clock()),
    pauseMarketMaker,
    stop: async () => {
      clearTimeout(fundingTimer());
      await streams.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
