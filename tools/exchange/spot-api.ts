// Binance Spot REST API (/api/v3/...) over the spot venue, field by field as rest-api.md publishes it.
import { formatDecimal, mul } from './decimal';
import { BinanceError, illegalChars, invalidSymbol, mandatory, notRequired } from './errors';
import type { Params } from './http';
import type { ListenKeys } from './listen-keys';
import type { SymbolMarket } from './market';
import { KLINE_INTERVALS, SPOT_SYMBOLS, type SymbolRules } from './markets';
import type { Side } from './order-book';
import { selectKlines, type PricePath } from './price-path';
import { owner, pageHistory, type Route, type RouteContext } from './routes';
import { SPOT_MAKER_COMMISSION, SPOT_TAKER_COMMISSION, type SpotFill, type SpotOrder, type SpotOrderType, type SpotVenue, type TimeInForce } from './spot';

const f = formatDecimal;
const CLIENT_ORDER_ID = /^[a-zA-Z0-9-_]{1,36}$/;

export function spotSymbolInfo(rules: SymbolRules) {
  return {
    symbol: rules.symbol,
    status: 'TRADING',
    baseAsset: rules.baseAsset,
    baseAssetPrecision: 8,
    quoteAsset: rules.quoteAsset,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET'],
    icebergAllowed: false,
    ocoAllowed: false,
    otoAllowed: false,
    opoAllowed: false,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: false,
    cancelReplaceAllowed: false,
    amendAllowed: false,
    pegInstructionsAllowed: false,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: f(rules.minPrice), maxPrice: f(rules.maxPrice), tickSize: f(rules.tickSize) },
      { filterType: 'LOT_SIZE', minQty: f(rules.minQty), maxQty: f(rules.maxQty), stepSize: f(rules.stepSize) },
      { filterType: 'MARKET_LOT_SIZE', minQty: f(rules.marketMinQty), maxQty: f(rules.marketMaxQty), stepSize: f(rules.marketStepSize) },
      { filterType: 'NOTIONAL', minNotional: f(rules.minNotional), applyMinToMarket: true, maxNotional: f(rules.maxNotional), applyMaxToMarket: false, avgPriceMins: 5 },
      { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'NONE',
    allowedSelfTradePreventionModes: ['NONE'],
  };
}

function depthWeight(params: Params): number {
  const limit = params.integer('limit') ?? 100;
  return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
}

function symbolListWeight(single: number, many: (count: number) => number, all: number) {
  return (params: Params) => {
    if (params.has('symbol')) return single;
    const symbols = params.symbols();
    return symbols ? many(symbols.length) : all;
  };
}

/** The markets a `symbol` / `symbols` parameter selects; all when neither is sent. */
function selectMarkets(venue: SpotVenue, params: Params): { markets: SymbolMarket[]; single: boolean } {
  const symbol = params.optional('symbol');
  if (symbol !== undefined) return { markets: [venue.market(symbol)], single: true };
  const symbols = params.symbols();
  if (symbols) return { markets: symbols.map((s) => venue.market(s)), single: false };
  venue.refreshAll();
  return { markets: [...venue.markets.values()], single: false };
}

export function ticker24h(market: SymbolMarket, path: PricePath, now: number, perpetual = false) {
  const rows = selectKlines(path, market.rules, '1h', now, { limit: 24, perpetual });
  const open = String(path.kline(market.rules, '1m', now - 86_400_000 - (now % 60_000), now, perpetual)[1]);
  const last = market.lastPrice(now);
  const high = rows.reduce((max, r) => Math.max(max, Number(r[2])), Number(f(last)));
  const low = rows.reduce((min, r) => Math.min(min, Number(r[3])), Number(f(last)));
  const volume = rows.reduce((sum, r) => sum + Number(r[5]), 0);
  const quoteVolume = rows.reduce((sum, r) => sum + Number(r[7]), 0);
  const openPrice = Number(open);
  const change = Number(f(last)) - openPrice;
  const tape = market.tape;
  return {
    symbol: market.rules.symbol,
    priceChange: change.toFixed(8),
    priceChangePercent: ((change / openPrice) * 100).toFixed(3),
    weightedAvgPrice: (quoteVolume / volume).toFixed(8),
    lastPrice: f(last),
    lastQty: f(tape.at(-1)?.qty ?? 0n),
    openPrice: open,
    highPrice: high.toFixed(8),
    lowPrice: low.toFixed(8),
    volume: volume.toFixed(8),
    quoteVolume: quoteVolume.toFixed(8),
    openTime: now - 86_400_000,
    closeTime: now,
    firstId: tape[0]?.id ?? -1,
    lastId: tape.at(-1)?.id ?? -1,
    count: tape.length,
  };
}

function bookTicker(market: SymbolMarket) {
  const bid = market.book.best('BUY');
  const ask = market.book.best('SELL');
  return { symbol: market.rules.symbol, bidPrice: f(bid?.price ?? 0n), bidQty: f(bid?.qty ?? 0n), askPrice: f(ask?.price ?? 0n), askQty: f(ask?.qty ?? 0n) };
}

export function klineParams(params: Params) {
  const interval = params.string('interval');
  if (!(interval in KLINE_INTERVALS)) throw new BinanceError(-1120, 'Invalid interval.');
  return { interval, startTime: params.integer('startTime'), endTime: params.integer('endTime'), limit: params.limit('limit', 500, 1000) };
}

export function spotOrderJson(order: SpotOrder) {
  return {
    symbol: order.symbol,
    orderId: order.orderId,
    orderListId: -1,
    clientOrderId: order.clientOrderId,
    ...orderState(order),
    stopPrice: f(0n),
    icebergQty: f(0n),
    time: order.time,
    updateTime: order.updateTime,
    isWorking: true,
    workingTime: order.workingTime,
    selfTradePreventionMode: 'NONE',
  };
}

/** The fields an order's answers share: its amounts and what it is now. */
function orderState(order: SpotOrder) {
  return {
    price: f(order.price),
    origQty: f(order.origQty),
    executedQty: f(order.executedQty),
    origQuoteOrderQty: f(order.origQuoteOrderQty),
    cummulativeQuoteQty: f(order.cummulativeQuoteQty),
    status: order.status,
    timeInForce: order.timeInForce,
    type: order.type,
    side: order.side,
  };
}

function newOrderResponse(order: SpotOrder, fills: SpotFill[], respType: string) {
  const ack = { symbol: order.symbol, orderId: order.orderId, orderListId: -1, clientOrderId: order.clientOrderId, transactTime: order.time };
  if (respType === 'ACK') return ack;
  const result = { ...ack, ...orderState(order), workingTime: order.workingTime, selfTradePreventionMode: 'NONE' };
  if (respType === 'RESULT') return result;
  return { ...result, fills: fills.map((fill) => ({ price: f(fill.price), qty: f(fill.qty), commission: f(fill.commission), commissionAsset: fill.commissionAsset, tradeId: fill.tradeId })) };
}

function cancelResponse(order: SpotOrder, cancelClientId: string, now: number) {
  return {
    symbol: order.symbol,
    origClientOrderId: order.clientOrderId,
    orderId: order.orderId,
    orderListId: -1,
    clientOrderId: cancelClientId,
    transactTime: now,
    ...orderState(order),
    selfTradePreventionMode: 'NONE',
  };
}

/** Reads POST /api/v3/order's parameters with Binance's per-type rules. */
function readNewOrder(params: Params) {
  const symbol = params.string('symbol');
  const side = params.enumeration<Side>('side', ['BUY', 'SELL'], new BinanceError(-1117, 'Invalid side.'));
  if (!side) throw mandatory('side');
  const type = params.enumeration<SpotOrderType>('type', ['LIMIT', 'MARKET', 'LIMIT_MAKER'], new BinanceError(-1116, 'Invalid orderType.'));
  if (!type) throw mandatory('type');
  const timeInForce = params.enumeration<TimeInForce>('timeInForce', ['GTC', 'IOC', 'FOK'], new BinanceError(-1115, 'Invalid timeInForce.'));
  const quantity = params.decimal('quantity');
  const quoteOrderQty = params.decimal('quoteOrderQty');
  const price = params.decimal('price');
  const newClientOrderId = params.optional('newClientOrderId');
  if (newClientOrderId !== undefined && !CLIENT_ORDER_ID.test(newClientOrderId)) throw illegalChars('newClientOrderId', '^[a-zA-Z0-9-_]{1,36}$');
  if (type === 'LIMIT') {
    if (!timeInForce) throw mandatory('timeInForce');
    if (quantity === undefined) throw mandatory('quantity');
    if (price === undefined) throw mandatory('price');
  } else if (type === 'LIMIT_MAKER') {
    if (timeInForce) throw notRequired('timeInForce');
    if (quantity === undefined) throw mandatory('quantity');
    if (price === undefined) throw mandatory('price');
  } else {
    if (timeInForce) throw notRequired('timeInForce');
    if (price !== undefined) throw notRequired('price');
    if (quantity === undefined && quoteOrderQty === undefined) throw new BinanceError(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
    if (quantity !== undefined && quoteOrderQty !== undefined) throw new BinanceError(-1106, "Parameter 'quoteOrderQty' sent when not required.");
  }
  if (type !== 'MARKET' && quoteOrderQty !== undefined) throw notRequired('quoteOrderQty');
  if ((quantity === 0n || quoteOrderQty === 0n || price === 0n)) throw new BinanceError(-1013, 'Invalid quantity.');
  return { symbol, side, type, timeInForce, quantity, quoteOrderQty, price, newClientOrderId };
}

function orderReference(params: Params) {
  const orderId = params.integer('orderId');
  const origClientOrderId = params.optional('origClientOrderId');
  if (orderId === undefined && origClientOrderId === undefined) throw new BinanceError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
  return { orderId, origClientOrderId };
}

function tradeJson(trade: { id: number; price: bigint; qty: bigint; time: number; isBuyerMaker: boolean }) {
  return { id: trade.id, price: f(trade.price), qty: f(trade.qty), quoteQty: f(mul(trade.price, trade.qty)), time: trade.time, isBuyerMaker: trade.isBuyerMaker, isBestMatch: true };
}

export function spotRoutes(venue: SpotVenue, path: PricePath, listenKeys: ListenKeys): Route[] {
  const market = (context: RouteContext) => venue.market(context.params.string('symbol'));
  return [
    { method: 'GET', path: '/api/v3/ping', security: 'NONE', weight: 1, handle: () => ({}) },
    { method: 'GET', path: '/api/v3/time', security: 'NONE', weight: 1, handle: ({ now }) => ({ serverTime: now }) },
    {
      method: 'GET',
      path: '/api/v3/exchangeInfo',
      security: 'NONE',
      weight: 20,
      handle: ({ params, now }) => {
        const symbol = params.optional('symbol');
        const symbols = symbol !== undefined ? [symbol] : params.symbols();
        const listed = symbols ? symbols.map((s) => SPOT_SYMBOLS.find((r) => r.symbol === s) ?? (() => { throw invalidSymbol(); })()) : SPOT_SYMBOLS;
        return {
          timezone: 'UTC',
          serverTime: now,
          rateLimits: [
            { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
            { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
            { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
            { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
          ],
          exchangeFilters: [],
          symbols: listed.map(spotSymbolInfo),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/depth',
      security: 'NONE',
      weight: depthWeight,
      handle: (context) => {
        const m = market(context);
        const depth = m.book.depth(context.params.limit('limit', 100, 5000));
        const levels = (side: [bigint, bigint][]) => side.map(([price, qty]) => [f(price), f(qty)]);
        return { lastUpdateId: m.book.updateId, bids: levels(depth.bids), asks: levels(depth.asks) };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/trades',
      security: 'NONE',
      weight: 25,
      handle: (context) => market(context).tape.slice(-context.params.limit('limit', 500, 1000)).map(tradeJson),
    },
    {
      method: 'GET',
      path: '/api/v3/historicalTrades',
      security: 'MARKET_DATA',
      weight: 25,
      handle: (context) => {
        const tape = market(context).tape;
        const limit = context.params.limit('limit', 500, 1000);
        const fromId = context.params.integer('fromId');
        const selected = fromId === undefined ? tape.slice(-limit) : tape.filter((t) => t.id >= fromId).slice(0, limit);
        return selected.map(tradeJson);
      },
    },
    {
      method: 'GET',
      path: '/api/v3/aggTrades',
      security: 'NONE',
      weight: 4,
      handle: (context) => {
        return pageHistory(market(context).tape, context.params, 'fromId', (t) => t.id).map((t) => ({ a: t.id, p: f(t.price), q: f(t.qty), f: t.id, l: t.id, T: t.time, m: t.isBuyerMaker, M: true }));
      },
    },
    ...['/api/v3/klines', '/api/v3/uiKlines'].map(
      (klinePath): Route => ({
        method: 'GET',
        path: klinePath,
        security: 'NONE',
        weight: 2,
        handle: (context) => {
          const query = klineParams(context.params);
          return selectKlines(path, market(context).rules, query.interval, context.now, query);
        },
      }),
    ),
    {
      method: 'GET',
      path: '/api/v3/avgPrice',
      security: 'NONE',
      weight: 2,
      handle: (context) => {
        const m = market(context);
        return { mins: 5, price: f(m.lastPrice(context.now)), closeTime: context.now };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/ticker/24hr',
      security: 'NONE',
      weight: symbolListWeight(2, (n) => (n <= 20 ? 2 : n <= 100 ? 40 : 80), 80),
      handle: ({ params, now }) => {
        const { markets, single } = selectMarkets(venue, params);
        const rows = markets.map((m) => {
          const stats = ticker24h(m, path, now);
          const { bidPrice, bidQty, askPrice, askQty } = bookTicker(m);
          const prevClosePrice = stats.openPrice;
          const full = { symbol: stats.symbol, priceChange: stats.priceChange, priceChangePercent: stats.priceChangePercent, weightedAvgPrice: stats.weightedAvgPrice, prevClosePrice, lastPrice: stats.lastPrice, lastQty: stats.lastQty, bidPrice, bidQty, askPrice, askQty, openPrice: stats.openPrice, highPrice: stats.highPrice, lowPrice: stats.lowPrice, volume: stats.volume, quoteVolume: stats.quoteVolume, openTime: stats.openTime, closeTime: stats.closeTime, firstId: stats.firstId, lastId: stats.lastId, count: stats.count };
          if (params.optional('type') === 'MINI') return { symbol: full.symbol, openPrice: full.openPrice, highPrice: full.highPrice, lowPrice: full.lowPrice, lastPrice: full.lastPrice, volume: full.volume, quoteVolume: full.quoteVolume, openTime: full.openTime, closeTime: full.closeTime, firstId: full.firstId, lastId: full.lastId, count: full.count };
          return full;
        });
        return single ? rows[0] : rows;
      },
    },
    {
      method: 'GET',
      path: '/api/v3/ticker/price',
      security: 'NONE',
      weight: symbolListWeight(2, () => 4, 4),
      handle: ({ params, now }) => {
        const { markets, single } = selectMarkets(venue, params);
        const rows = markets.map((m) => ({ symbol: m.rules.symbol, price: f(m.lastPrice(now)) }));
        return single ? rows[0] : rows;
      },
    },
    {
      method: 'GET',
      path: '/api/v3/ticker/bookTicker',
      security: 'NONE',
      weight: symbolListWeight(2, () => 4, 4),
      handle: ({ params }) => {
        const { markets, single } = selectMarkets(venue, params);
        const rows = markets.map(bookTicker);
        return single ? rows[0] : rows;
      },
    },
    {
      method: 'POST',
      path: '/api/v3/order',
      security: 'SIGNED',
      weight: 1,
      placesOrder: true,
      handle: (context) => {
        const request = readNewOrder(context.params);
        const { order, fills } = venue.placeOrder(owner(context), request);
        const respType = context.params.enumeration('newOrderRespType', ['ACK', 'RESULT', 'FULL'], new BinanceError(-1130, "Data sent for parameter 'newOrderRespType' is not valid.")) ?? (request.type === 'LIMIT_MAKER' ? 'ACK' : 'FULL');
        return newOrderResponse(order, fills, respType);
      },
    },
    {
      method: 'POST',
      path: '/api/v3/order/test',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        readNewOrder(context.params);
        market(context);
        return {};
      },
    },
    {
      method: 'GET',
      path: '/api/v3/order',
      security: 'SIGNED',
      weight: 4,
      handle: (context) => {
        const { orderId, origClientOrderId } = orderReference(context.params);
        return spotOrderJson(venue.queryOrder(owner(context), context.params.string('symbol'), orderId, origClientOrderId));
      },
    },
    {
      method: 'DELETE',
      path: '/api/v3/order',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const { orderId, origClientOrderId } = orderReference(context.params);
        const order = venue.cancelOrder(owner(context), context.params.string('symbol'), orderId, origClientOrderId);
        return cancelResponse(order, context.params.optional('newClientOrderId') ?? generateCancelId(), context.now);
      },
    },
    {
      method: 'DELETE',
      path: '/api/v3/openOrders',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => venue.cancelAll(owner(context), market(context).rules.symbol).map((order) => cancelResponse(order, generateCancelId(), context.now)),
    },
    {
      method: 'GET',
      path: '/api/v3/openOrders',
      security: 'SIGNED',
      weight: (params) => (params.has('symbol') ? 6 : 80),
      handle: (context) => {
        const symbol = context.params.optional('symbol');
        if (symbol !== undefined) venue.market(symbol);
        return venue.openOrders(owner(context), symbol).map(spotOrderJson);
      },
    },
    {
      method: 'GET',
      path: '/api/v3/allOrders',
      security: 'SIGNED',
      weight: 20,
      handle: (context) => {
        return pageHistory(venue.allOrders(owner(context), market(context).rules.symbol), context.params, 'orderId', (o) => o.orderId).map(spotOrderJson);
      },
    },
    {
      method: 'GET',
      path: '/api/v3/myTrades',
      security: 'SIGNED',
      weight: (params) => (params.has('orderId') ? 5 : 20),
      handle: (context) => {
        const { params } = context;
        const orderId = params.integer('orderId');
        const startTime = params.integer('startTime');
        const endTime = params.integer('endTime');
        if (startTime !== undefined && endTime !== undefined && endTime - startTime > 86_400_000) throw new BinanceError(-1127, 'More than 24 hours between startTime and endTime.');
        const trades = venue.tradesOf(owner(context), market(context).rules.symbol).filter((t) => orderId === undefined || t.orderId === orderId);
        return pageHistory(trades, params, 'fromId', (t) => t.tradeId).map((t) => ({ symbol: t.symbol, id: t.tradeId, orderId: t.orderId, orderListId: -1, price: f(t.price), qty: f(t.qty), quoteQty: f(t.quoteQty), commission: f(t.commission), commissionAsset: t.commissionAsset, time: t.time, isBuyer: t.isBuyer, isMaker: t.isMaker, isBestMatch: true }));
      },
    },
    {
      method: 'GET',
      path: '/api/v3/account',
      security: 'SIGNED',
      weight: 20,
      handle: (context) => {
        const omitZero = context.params.optional('omitZeroBalances') === 'true';
        const balances = venue.balancesOf(owner(context)).filter((b) => !omitZero || b.free + b.locked > 0n);
        const rate = (r: bigint) => Number(r / 10n ** 14n);
        return {
          makerCommission: rate(SPOT_MAKER_COMMISSION),
          takerCommission: rate(SPOT_TAKER_COMMISSION),
          buyerCommission: 0,
          sellerCommission: 0,
          commissionRates: { maker: f(SPOT_MAKER_COMMISSION), taker: f(SPOT_TAKER_COMMISSION), buyer: f(0n), seller: f(0n) },
          canTrade: true,
          canWithdraw: true,
          canDeposit: true,
          brokered: false,
          requireSelfTradePrevention: false,
          preventSor: false,
          updateTime: venue.updateTimeOf(owner(context)),
          accountType: 'SPOT',
          balances: balances.map((b) => ({ asset: b.asset, free: f(b.free), locked: f(b.locked) })),
          permissions: ['SPOT'],
          uid: 100000000 + Number.parseInt(owner(context).slice(0, 6), 36) % 899999999,
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v3/account/commission',
      security: 'SIGNED',
      weight: 20,
      handle: (context) => ({
        symbol: market(context).rules.symbol,
        standardCommission: { maker: f(SPOT_MAKER_COMMISSION), taker: f(SPOT_TAKER_COMMISSION), buyer: f(0n), seller: f(0n) },
        specialCommission: { maker: f(0n), taker: f(0n), buyer: f(0n), seller: f(0n) },
        taxCommission: { maker: f(0n), taker: f(0n), buyer: f(0n), seller: f(0n) },
        discount: { enabledForAccount: false, enabledForSymbol: false, discountAsset: 'BNB', discount: f(0n) },
      }),
    },
    { method: 'POST', path: '/api/v3/userDataStream', security: 'USER_STREAM', weight: 2, handle: (context) => ({ listenKey: listenKeys.create(owner(context), 'spot') }) },
    { method: 'PUT', path: '/api/v3/userDataStream', security: 'USER_STREAM', weight: 2, handle: (context) => listenKeys.keepAlive(owner(context), context.params.string('listenKey')) },
    { method: 'DELETE', path: '/api/v3/userDataStream', security: 'USER_STREAM', weight: 2, handle: (context) => listenKeys.close(owner(context), context.params.string('listenKey')) },
  ];
}

function generateCancelId(): string {
  return `cancel${Math.random().toString(36).slice(2, 18)}`;
}
