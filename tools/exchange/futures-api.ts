// Binance USD-M Futures REST API (/fapi/v1, /fapi/v2, /fapi/v3) over the futures venue, with the
// fields CCXT's binanceusdm parses.
import { formatDecimal, mul } from './decimal';
import { BinanceError, illegalChars, mandatory } from './errors';
import { averagePrice, FUTURES_MAKER_COMMISSION, FUTURES_TAKER_COMMISSION, INTEREST_RATE, type FuturesOrder, type FuturesOrderType, type FuturesTimeInForce, type FuturesVenue, type Position, type PositionSide } from './futures';
import type { Params } from './http';
import type { ListenKeys } from './listen-keys';
import type { SymbolMarket } from './market';
import { PERPETUAL_SYMBOLS, type PerpetualRules } from './markets';
import type { Side } from './order-book';
import { selectKlines, type PricePath } from './price-path';
import { owner, pageHistory, type Route, type RouteContext } from './routes';
import { klineParams, ticker24h } from './spot-api';

const f = formatDecimal;
const CLIENT_ORDER_ID = /^[.A-Z:/a-z0-9_-]{1,36}$/;

function symbolInfo(rules: PerpetualRules) {
  const p = (value: bigint) => f(value, rules.pricePrecision);
  const q = (value: bigint) => f(value, rules.quantityPrecision);
  return {
    symbol: rules.symbol,
    pair: rules.symbol,
    contractType: 'PERPETUAL',
    deliveryDate: 4133404800000,
    onboardDate: rules.onboardDate,
    status: 'TRADING',
    maintMarginPercent: '2.5000',
    requiredMarginPercent: '5.0000',
    baseAsset: rules.baseAsset,
    quoteAsset: rules.quoteAsset,
    marginAsset: 'USDT',
    pricePrecision: rules.pricePrecision,
    quantityPrecision: rules.quantityPrecision,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: 'COIN',
    underlyingSubType: [],
    settlePlan: 0,
    triggerProtect: '0.0500',
    liquidationFee: '0.012500',
    marketTakeBound: '0.05',
    maxMoveOrderLimit: 10000,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: p(rules.minPrice), maxPrice: p(rules.maxPrice), tickSize: p(rules.tickSize) },
      { filterType: 'LOT_SIZE', minQty: q(rules.minQty), maxQty: q(rules.maxQty), stepSize: q(rules.stepSize) },
      { filterType: 'MARKET_LOT_SIZE', minQty: q(rules.marketMinQty), maxQty: q(rules.marketMaxQty), stepSize: q(rules.marketStepSize) },
      { filterType: 'MAX_NUM_ORDERS', limit: 200 },
      { filterType: 'MAX_NUM_ALGO_ORDERS', limit: 10 },
      { filterType: 'MIN_NOTIONAL', notional: f(rules.minNotional, 0) },
      { filterType: 'PERCENT_PRICE', multiplierUp: '1.0500', multiplierDown: '0.9500', multiplierDecimal: '4' },
    ],
    orderTypes: ['LIMIT', 'MARKET'],
    timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
  };
}

export function futuresOrderJson(order: FuturesOrder, rules: PerpetualRules) {
  return {
    orderId: order.orderId,
    symbol: order.symbol,
    status: order.status,
    clientOrderId: order.clientOrderId,
    price: f(order.price, rules.pricePrecision),
    avgPrice: f(averagePrice(order), rules.pricePrecision),
    origQty: f(order.origQty, rules.quantityPrecision),
    executedQty: f(order.executedQty, rules.quantityPrecision),
    cumQty: f(order.executedQty, rules.quantityPrecision),
    cumQuote: f(order.cumQuote, rules.pricePrecision),
    timeInForce: order.timeInForce,
    type: order.type,
    reduceOnly: order.reduceOnly,
    closePosition: false,
    side: order.side,
    positionSide: order.positionSide,
    stopPrice: f(0n, rules.pricePrecision),
    workingType: 'CONTRACT_PRICE',
    priceProtect: false,
    origType: order.type,
    priceMatch: 'NONE',
    selfTradePreventionMode: 'EXPIRE_MAKER',
    goodTillDate: 0,
    time: order.time,
    updateTime: order.updateTime,
  };
}

function readNewOrder(params: Params) {
  const symbol = params.string('symbol');
  const side = params.enumeration<Side>('side', ['BUY', 'SELL'], new BinanceError(-1117, 'Invalid side.'));
  if (!side) throw mandatory('side');
  const type = params.enumeration<FuturesOrderType>('type', ['LIMIT', 'MARKET'], new BinanceError(-1116, 'Invalid orderType.'));
  if (!type) throw mandatory('type');
  const positionSide = params.enumeration<PositionSide>('positionSide', ['BOTH', 'LONG', 'SHORT'], new BinanceError(-4006, 'Invalid position side.'));
  const timeInForce = params.enumeration<FuturesTimeInForce>('timeInForce', ['GTC', 'IOC', 'FOK', 'GTX'], new BinanceError(-1115, 'Invalid timeInForce.'));
  const quantity = params.decimal('quantity');
  if (quantity === undefined) throw mandatory('quantity');
  const price = params.decimal('price');
  const reduceOnlyText = params.optional('reduceOnly');
  if (reduceOnlyText !== undefined && reduceOnlyText !== 'true' && reduceOnlyText !== 'false') throw new BinanceError(-1130, "Data sent for parameter 'reduceOnly' is not valid.");
  const newClientOrderId = params.optional('newClientOrderId');
  if (newClientOrderId !== undefined && !CLIENT_ORDER_ID.test(newClientOrderId)) throw illegalChars('newClientOrderId', '^[\\.A-Z\\:/a-z0-9_-]{1,36}$');
  if (type === 'LIMIT') {
    if (!timeInForce) throw mandatory('timeInForce');
    if (price === undefined) throw mandatory('price');
  } else if (price !== undefined) {
    throw new BinanceError(-1106, "Parameter 'price' sent when not required.");
  }
  return { symbol, side, type, positionSide, timeInForce, quantity, price, reduceOnly: reduceOnlyText === 'true', newClientOrderId };
}

function orderReference(params: Params) {
  const orderId = params.integer('orderId');
  const origClientOrderId = params.optional('origClientOrderId');
  if (orderId === undefined && origClientOrderId === undefined) throw new BinanceError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
  return { orderId, origClientOrderId };
}

function depthWeight(params: Params): number {
  const limit = params.integer('limit') ?? 500;
  return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
}

function klineWeight(params: Params): number {
  const limit = params.integer('limit') ?? 500;
  return limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
}

export function futuresRoutes(venue: FuturesVenue, path: PricePath, listenKeys: ListenKeys): Route[] {
  const market = (context: RouteContext) => venue.market(context.params.string('symbol'));
  const rulesOf = (m: SymbolMarket) => m.rules as PerpetualRules;
  const allOrOne = <T>(context: RouteContext, row: (m: SymbolMarket) => T): T | T[] => {
    const symbol = context.params.optional('symbol');
    if (symbol !== undefined) return row(venue.market(symbol));
    venue.refreshAll();
    return [...venue.markets.values()].map(row);
  };
  const premiumIndex = (m: SymbolMarket, now: number) => ({
    symbol: m.rules.symbol,
    markPrice: f(venue.markPrice(m.rules.symbol, now)),
    indexPrice: f(venue.indexPrice(m.rules.symbol, now)),
    estimatedSettlePrice: f(venue.indexPrice(m.rules.symbol, now)),
    lastFundingRate: f(venue.fundingRate(m.rules.symbol, now)),
    interestRate: f(INTEREST_RATE),
    nextFundingTime: venue.nextFundingTime(now),
    time: now,
  });
  const positionRisk = (context: RouteContext, version: 2 | 3) => {
    const { now } = context;
    const me = owner(context);
    const symbol = context.params.optional('symbol');
    if (symbol !== undefined) venue.market(symbol);
    const positions = venue.positions(me).filter((p) => symbol === undefined || p.symbol === symbol);
    return positions
      .filter((p) => version === 2 || p.amount !== 0n)
      .map((p) => positionJson(p, version, me, now));
  };
  const positionJson = (p: Position, version: 2 | 3, me: string, now: number) => {
    const rules = venue.rules(p.symbol);
    const mark = venue.markPrice(p.symbol, now);
    const notional = mul(p.amount, mark);
    const common = {
      symbol: p.symbol,
      positionSide: p.positionSide,
      positionAmt: f(p.amount, rules.quantityPrecision),
      entryPrice: f(p.entryPrice),
      breakEvenPrice: f(p.entryPrice),
      markPrice: f(mark),
      unRealizedProfit: f(venue.unrealizedPnl(p, now)),
      liquidationPrice: '0',
      isolatedMargin: '0.00000000',
      notional: f(notional),
      isolatedWallet: '0',
      updateTime: p.updateTime,
    };
    if (version === 2) {
      return { ...common, leverage: String(venue.leverage(me, p.symbol)), maxNotionalValue: '50000000', marginType: venue.marginType(me, p.symbol) === 'CROSSED' ? 'cross' : 'isolated', isAutoAddMargin: 'false', adlQuantile: 0 };
    }
    const im = venue.positionInitialMargin(me, p, now);
    return { ...common, marginAsset: 'USDT', initialMargin: f(im), maintMargin: f(mul(mul(p.amount < 0n ? -p.amount : p.amount, mark), 4n * 10n ** 15n)), positionInitialMargin: f(im), openOrderInitialMargin: f(venue.openOrderInitialMargin(me, p.symbol)), adl: 0, bidNotional: '0', askNotional: '0' };
  };
  const account = (context: RouteContext, version: 2 | 3) => {
    const me = owner(context);
    const s = venue.summary(me, context.now);
    const { updateTime } = venue.wallet(me);
    const asset = {
      asset: 'USDT',
      walletBalance: f(s.wallet),
      unrealizedProfit: f(s.unrealized),
      marginBalance: f(s.marginBalance),
      maintMargin: f(s.maintMargin),
      initialMargin: f(s.positionMargin + s.orderMargin),
      positionInitialMargin: f(s.positionMargin),
      openOrderInitialMargin: f(s.orderMargin),
      crossWalletBalance: f(s.wallet),
      crossUnPnl: f(s.unrealized),
      availableBalance: f(s.available),
      maxWithdrawAmount: f(s.available),
      marginAvailable: true,
      updateTime,
    };
    const totals = {
      totalInitialMargin: f(s.positionMargin + s.orderMargin),
      totalMaintMargin: f(s.maintMargin),
      totalWalletBalance: f(s.wallet),
      totalUnrealizedProfit: f(s.unrealized),
      totalMarginBalance: f(s.marginBalance),
      totalPositionInitialMargin: f(s.positionMargin),
      totalOpenOrderInitialMargin: f(s.orderMargin),
      totalCrossWalletBalance: f(s.wallet),
      totalCrossUnPnl: f(s.unrealized),
      availableBalance: f(s.available),
      maxWithdrawAmount: f(s.available),
    };
    const positions = venue.positions(me).filter((p) => version === 2 || p.amount !== 0n).map((p) => {
      const mark = venue.markPrice(p.symbol, context.now);
      const im = venue.positionInitialMargin(me, p, context.now);
      const base = { symbol: p.symbol, positionSide: p.positionSide, positionAmt: f(p.amount, venue.rules(p.symbol).quantityPrecision), unrealizedProfit: f(venue.unrealizedPnl(p, context.now)), isolatedMargin: '0', notional: f(mul(p.amount, mark)), isolatedWallet: '0', initialMargin: f(im), maintMargin: '0', updateTime: p.updateTime };
      return version === 2 ? { ...base, positionInitialMargin: f(im), openOrderInitialMargin: '0', leverage: String(venue.leverage(me, p.symbol)), isolated: false, entryPrice: f(p.entryPrice), breakEvenPrice: f(p.entryPrice), maxNotional: '50000000', bidNotional: '0', askNotional: '0' } : base;
    });
    if (version === 2) return { feeTier: 0, canTrade: true, canDeposit: true, canWithdraw: true, updateTime: 0, multiAssetsMargin: false, tradeGroupId: -1, ...totals, assets: [asset], positions };
    return { ...totals, assets: [asset], positions };
  };
  const balance = (context: RouteContext) => {
    const me = owner(context);
    const s = venue.summary(me, context.now);
    return [{ accountAlias: 'SgsR', asset: 'USDT', balance: f(s.wallet), crossWalletBalance: f(s.wallet), crossUnPnl: f(s.unrealized), availableBalance: f(s.available), maxWithdrawAmount: f(s.available), marginAvailable: true, updateTime: venue.wallet(me).updateTime }];
  };
  const orderJson = (order: FuturesOrder) => futuresOrderJson(order, venue.rules(order.symbol));
  const brackets = (rules: PerpetualRules) => {
    const caps = [50_000, 600_000, 3_000_000, 12_000_000, 50_000_000];
    let floor = 0;
    let cum = 0;
    return caps.map((cap, i) => {
      const maintMarginRatio = [0.004, 0.005, 0.01, 0.025, 0.05][i];
      const initialLeverage = Math.max(1, Math.floor(rules.maxLeverage / 2 ** i));
      const row = { bracket: i + 1, initialLeverage, notionalCap: cap, notionalFloor: floor, maintMarginRatio, cum };
      if (i + 1 < caps.length) cum += cap * ([0.005, 0.01, 0.025, 0.05][i] - maintMarginRatio);
      floor = cap;
      return row;
    });
  };

  return [
    { method: 'GET', path: '/fapi/v1/ping', security: 'NONE', weight: 1, handle: () => ({}) },
    { method: 'GET', path: '/fapi/v1/time', security: 'NONE', weight: 1, handle: ({ now }) => ({ serverTime: now }) },
    {
      method: 'GET',
      path: '/fapi/v1/exchangeInfo',
      security: 'NONE',
      weight: 1,
      handle: ({ now }) => ({
        timezone: 'UTC',
        serverTime: now,
        futuresType: 'U_MARGINED',
        rateLimits: [
          { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
          { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
          { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
        ],
        exchangeFilters: [],
        assets: [{ asset: 'USDT', marginAvailable: true, autoAssetExchange: '-10000' }],
        symbols: PERPETUAL_SYMBOLS.map(symbolInfo),
      }),
    },
    {
      method: 'GET',
      path: '/fapi/v1/depth',
      security: 'NONE',
      weight: depthWeight,
      handle: (context) => {
        const m = market(context);
        const limit = context.params.integer('limit') ?? 500;
        if (![5, 10, 20, 50, 100, 500, 1000].includes(limit)) throw new BinanceError(-4021, 'Invalid depth limit.');
        const depth = m.book.depth(limit);
        const rules = rulesOf(m);
        const levels = (side: [bigint, bigint][]) => side.map(([price, qty]) => [f(price, rules.pricePrecision), f(qty, rules.quantityPrecision)]);
        return { lastUpdateId: m.book.updateId, E: context.now, T: context.now, bids: levels(depth.bids), asks: levels(depth.asks) };
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/trades',
      security: 'NONE',
      weight: 5,
      handle: (context) => {
        const m = market(context);
        const rules = rulesOf(m);
        return m.tape.slice(-context.params.limit('limit', 500, 1000)).map((t) => ({ id: t.id, price: f(t.price, rules.pricePrecision), qty: f(t.qty, rules.quantityPrecision), quoteQty: f(mul(t.price, t.qty), 2), time: t.time, isBuyerMaker: t.isBuyerMaker }));
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/aggTrades',
      security: 'NONE',
      weight: 20,
      handle: (context) => {
        const m = market(context);
        const rules = rulesOf(m);
        return pageHistory(m.tape, context.params, 'fromId', (t) => t.id).map((t) => ({ a: t.id, p: f(t.price, rules.pricePrecision), q: f(t.qty, rules.quantityPrecision), f: t.id, l: t.id, T: t.time, m: t.isBuyerMaker }));
      },
    },
    ...['/fapi/v1/klines', '/fapi/v1/continuousKlines', '/fapi/v1/markPriceKlines', '/fapi/v1/indexPriceKlines'].map(
      (klinePath): Route => ({
        method: 'GET',
        path: klinePath,
        security: 'NONE',
        weight: klineWeight,
        handle: (context) => {
          const symbol = context.params.optional('symbol') ?? context.params.string('pair');
          const m = venue.market(symbol);
          const query = klineParams(context.params);
          return selectKlines(path, m.rules, query.interval, context.now, { ...query, limit: Math.min(context.params.limit('limit', 500, 1500), 1500), perpetual: klinePath !== '/fapi/v1/indexPriceKlines' });
        },
      }),
    ),
    { method: 'GET', path: '/fapi/v1/premiumIndex', security: 'NONE', weight: 1, handle: (context) => allOrOne(context, (m) => premiumIndex(m, context.now)) },
    {
      method: 'GET',
      path: '/fapi/v1/fundingRate',
      security: 'NONE',
      weight: 1,
      handle: (context) => {
        const { params } = context;
        const symbol = params.optional('symbol');
        if (symbol !== undefined) venue.market(symbol);
        const startTime = params.integer('startTime');
        const endTime = params.integer('endTime');
        const limit = params.limit('limit', 100, 1000);
        // Past settlements on the 8 h grid come from the price path; settlements this server made are recorded.
        const interval = venue.fundingIntervalMs;
        const last = Math.floor(Math.min(endTime ?? context.now, context.now) / interval) * interval;
        const symbols = symbol !== undefined ? [symbol] : [...venue.markets.keys()];
        const rows: { symbol: string; fundingRate: string; fundingTime: number; markPrice: string }[] = [];
        for (let t = last, n = 0; n < limit && (startTime === undefined || t >= startTime); t -= interval, n++) {
          for (const s of symbols) rows.push({ symbol: s, fundingRate: f(venue.fundingRate(s, t)), fundingTime: t, markPrice: f(venue.markPrice(s, t)) });
        }
        rows.sort((a, b) => a.fundingTime - b.fundingTime);
        return startTime !== undefined ? rows.slice(0, limit) : rows.slice(-limit);
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/fundingInfo',
      security: 'NONE',
      weight: 1,
      handle: () => PERPETUAL_SYMBOLS.map((r) => ({ symbol: r.symbol, adjustedFundingRateCap: '0.02000000', adjustedFundingRateFloor: '-0.02000000', fundingIntervalHours: Math.max(1, Math.round(venue.fundingIntervalMs / 3_600_000)), disclaimer: false })),
    },
    {
      method: 'GET',
      path: '/fapi/v1/ticker/24hr',
      security: 'NONE',
      weight: (params) => (params.has('symbol') ? 1 : 40),
      handle: (context) =>
        allOrOne(context, (m) => {
          const stats = ticker24h(m, path, context.now, true);
          return { symbol: stats.symbol, priceChange: stats.priceChange, priceChangePercent: stats.priceChangePercent, weightedAvgPrice: stats.weightedAvgPrice, lastPrice: stats.lastPrice, lastQty: stats.lastQty, openPrice: stats.openPrice, highPrice: stats.highPrice, lowPrice: stats.lowPrice, volume: stats.volume, quoteVolume: stats.quoteVolume, openTime: stats.openTime, closeTime: stats.closeTime, firstId: stats.firstId, lastId: stats.lastId, count: stats.count };
        }),
    },
    ...['/fapi/v1/ticker/price', '/fapi/v2/ticker/price'].map(
      (tickerPath): Route => ({
        method: 'GET',
        path: tickerPath,
        security: 'NONE',
        weight: (params) => (params.has('symbol') ? 1 : 2),
        handle: (context) => allOrOne(context, (m) => ({ symbol: m.rules.symbol, price: f(m.lastPrice(context.now), rulesOf(m).pricePrecision), time: context.now })),
      }),
    ),
    {
      method: 'GET',
      path: '/fapi/v1/ticker/bookTicker',
      security: 'NONE',
      weight: (params) => (params.has('symbol') ? 2 : 5),
      handle: (context) =>
        allOrOne(context, (m) => {
          const rules = rulesOf(m);
          const bid = m.book.best('BUY');
          const ask = m.book.best('SELL');
          return { symbol: rules.symbol, bidPrice: f(bid?.price ?? 0n, rules.pricePrecision), bidQty: f(bid?.qty ?? 0n, rules.quantityPrecision), askPrice: f(ask?.price ?? 0n, rules.pricePrecision), askQty: f(ask?.qty ?? 0n, rules.quantityPrecision), time: context.now, lastUpdateId: m.book.updateId };
        }),
    },
    {
      method: 'GET',
      path: '/fapi/v1/openInterest',
      security: 'NONE',
      weight: 1,
      handle: (context) => {
        const m = market(context);
        const total = venue.openInterest(m.rules.symbol);
        return { openInterest: f(total, rulesOf(m).quantityPrecision), symbol: m.rules.symbol, time: context.now };
      },
    },
    {
      method: 'POST',
      path: '/fapi/v1/order',
      security: 'SIGNED',
      weight: 0,
      placesOrder: true,
      handle: (context) => orderJson(venue.placeOrder(owner(context), readNewOrder(context.params))),
    },
    {
      method: 'GET',
      path: '/fapi/v1/order',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const { orderId, origClientOrderId } = orderReference(context.params);
        const symbol = market(context).rules.symbol;
        const order = venue.findOrder(owner(context), symbol, orderId, origClientOrderId);
        if (!order) throw new BinanceError(-2013, 'Order does not exist.');
        return orderJson(order);
      },
    },
    {
      method: 'DELETE',
      path: '/fapi/v1/order',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const { orderId, origClientOrderId } = orderReference(context.params);
        return orderJson(venue.cancelOrder(owner(context), market(context).rules.symbol, orderId, origClientOrderId));
      },
    },
    {
      method: 'DELETE',
      path: '/fapi/v1/allOpenOrders',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const symbol = market(context).rules.symbol;
        for (const order of venue.openOrders(owner(context), symbol)) venue.cancelOrder(owner(context), symbol, order.orderId);
        return { code: 200, msg: 'The operation of cancel all open order is done.' };
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/openOrders',
      security: 'SIGNED',
      weight: (params) => (params.has('symbol') ? 1 : 40),
      handle: (context) => {
        const symbol = context.params.optional('symbol');
        if (symbol !== undefined) venue.market(symbol);
        return venue.openOrders(owner(context), symbol).map(orderJson);
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/openOrder',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const { orderId, origClientOrderId } = orderReference(context.params);
        const order = venue.findOrder(owner(context), market(context).rules.symbol, orderId, origClientOrderId);
        if (!order || (order.status !== 'NEW' && order.status !== 'PARTIALLY_FILLED')) throw new BinanceError(-2013, 'Order does not exist.');
        return orderJson(order);
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/allOrders',
      security: 'SIGNED',
      weight: 5,
      handle: (context) => {
        return pageHistory(venue.allOrders(owner(context), market(context).rules.symbol), context.params, 'orderId', (o) => o.orderId).map(orderJson);
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/userTrades',
      security: 'SIGNED',
      weight: 5,
      handle: (context) => {
        const m = market(context);
        const rules = rulesOf(m);
        const orderId = context.params.integer('orderId');
        const trades = venue.tradesOf(owner(context), m.rules.symbol).filter((t) => orderId === undefined || t.orderId === orderId);
        return pageHistory(trades, context.params, 'fromId', (t) => t.id).map((t) => ({ symbol: t.symbol, id: t.id, orderId: t.orderId, side: t.side, price: f(t.price, rules.pricePrecision), qty: f(t.qty, rules.quantityPrecision), realizedPnl: f(t.realizedPnl), quoteQty: f(t.quoteQty), commission: f(t.commission), commissionAsset: 'USDT', time: t.time, positionSide: t.positionSide, buyer: t.side === 'BUY', maker: t.maker }));
      },
    },
    {
      method: 'POST',
      path: '/fapi/v1/leverage',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const symbol = market(context).rules.symbol;
        const leverage = context.params.integer('leverage');
        if (leverage === undefined) throw mandatory('leverage');
        venue.setLeverage(owner(context), symbol, leverage);
        return { leverage, maxNotionalValue: String(brackets(venue.rules(symbol)).find((b) => b.initialLeverage >= leverage)?.notionalCap ?? 50_000), symbol };
      },
    },
    {
      method: 'POST',
      path: '/fapi/v1/marginType',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const marginType = context.params.enumeration('marginType', ['ISOLATED', 'CROSSED'] as const, new BinanceError(-1130, "Data sent for parameter 'marginType' is not valid."));
        if (!marginType) throw mandatory('marginType');
        venue.setMarginType(owner(context), market(context).rules.symbol, marginType);
        return { code: 200, msg: 'success' };
      },
    },
    { method: 'GET', path: '/fapi/v1/positionSide/dual', security: 'SIGNED', weight: 30, handle: (context) => ({ dualSidePosition: venue.dualSidePosition(owner(context)) }) },
    {
      method: 'POST',
      path: '/fapi/v1/positionSide/dual',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const value = context.params.string('dualSidePosition');
        if (value !== 'true' && value !== 'false') throw new BinanceError(-1130, "Data sent for parameter 'dualSidePosition' is not valid.");
        venue.setDualSidePosition(owner(context), value === 'true');
        return { code: 200, msg: 'success' };
      },
    },
    { method: 'GET', path: '/fapi/v1/multiAssetsMargin', security: 'SIGNED', weight: 30, handle: () => ({ multiAssetsMargin: false }) },
    {
      method: 'GET',
      path: '/fapi/v1/income',
      security: 'SIGNED',
      weight: 30,
      handle: (context) => {
        const { params, now } = context;
        const me = owner(context);
        const symbol = params.optional('symbol');
        const incomeType = params.optional('incomeType');
        const startTime = params.integer('startTime');
        const endTime = params.integer('endTime');
        const limit = params.limit('limit', 100, 1000);
        let rows = venue.incomes.filter((i) => i.owner === me && (symbol === undefined || i.symbol === symbol) && (incomeType === undefined || i.incomeType === incomeType));
        // Without a time range Binance returns the last 7 days.
        const from = startTime ?? (endTime === undefined ? now - 7 * 86_400_000 : undefined);
        if (from !== undefined) rows = rows.filter((i) => i.time >= from);
        if (endTime !== undefined) rows = rows.filter((i) => i.time <= endTime);
        rows = startTime !== undefined ? rows.slice(0, limit) : rows.slice(-limit);
        return rows.map((i) => ({ symbol: i.symbol, incomeType: i.incomeType, income: f(i.income), asset: i.asset, info: i.info, time: i.time, tranId: i.tranId, tradeId: i.tradeId }));
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/leverageBracket',
      security: 'SIGNED',
      weight: 1,
      handle: (context) => {
        const symbol = context.params.optional('symbol');
        const rows = PERPETUAL_SYMBOLS.filter((r) => symbol === undefined || r.symbol === symbol).map((r) => ({ symbol: r.symbol, brackets: brackets(r) }));
        if (symbol !== undefined && rows.length === 0) venue.market(symbol);
        return symbol !== undefined ? rows[0] : rows;
      },
    },
    {
      method: 'GET',
      path: '/fapi/v1/commissionRate',
      security: 'SIGNED',
      weight: 20,
      handle: (context) => ({ symbol: market(context).rules.symbol, makerCommissionRate: f(FUTURES_MAKER_COMMISSION, 4), takerCommissionRate: f(FUTURES_TAKER_COMMISSION, 4) }),
    },
    {
      method: 'GET',
      path: '/fapi/v1/symbolConfig',
      security: 'SIGNED',
      weight: 5,
      handle: (context) => {
        const me = owner(context);
        const symbol = context.params.optional('symbol');
        if (symbol !== undefined) venue.market(symbol);
        return PERPETUAL_SYMBOLS.filter((r) => symbol === undefined || r.symbol === symbol).map((r) => ({ symbol: r.symbol, marginType: venue.marginType(me, r.symbol), isAutoAddMargin: 'false', leverage: venue.leverage(me, r.symbol), maxNotionalValue: 'INF' }));
      },
    },
    { method: 'GET', path: '/fapi/v2/account', security: 'SIGNED', weight: 5, handle: (context) => account(context, 2) },
    { method: 'GET', path: '/fapi/v3/account', security: 'SIGNED', weight: 5, handle: (context) => account(context, 3) },
    { method: 'GET', path: '/fapi/v2/balance', security: 'SIGNED', weight: 5, handle: balance },
    { method: 'GET', path: '/fapi/v3/balance', security: 'SIGNED', weight: 5, handle: balance },
    { method: 'GET', path: '/fapi/v2/positionRisk', security: 'SIGNED', weight: 5, handle: (context) => positionRisk(context, 2) },
    { method: 'GET', path: '/fapi/v3/positionRisk', security: 'SIGNED', weight: 5, handle: (context) => positionRisk(context, 3) },
    { method: 'POST', path: '/fapi/v1/listenKey', security: 'USER_STREAM', weight: 1, handle: (context) => ({ listenKey: listenKeys.create(owner(context), 'futures') }) },
    {
      method: 'PUT',
      path: '/fapi/v1/listenKey',
      security: 'USER_STREAM',
      weight: 1,
      handle: (context) => {
        const key = context.params.optional('listenKey') ?? listenKeys.keyOf(owner(context), 'futures');
        if (key === undefined) throw new BinanceError(-1125, 'This listenKey does not exist.');
        listenKeys.keepAlive(owner(context), key);
        return { listenKey: key };
      },
    },
    {
      method: 'DELETE',
      path: '/fapi/v1/listenKey',
      security: 'USER_STREAM',
      weight: 1,
      handle: (context) => {
        const key = context.params.optional('listenKey') ?? listenKeys.keyOf(owner(context), 'futures');
        if (key === undefined) throw new BinanceError(-1125, 'This listenKey does not exist.');
        return listenKeys.close(owner(context), key);
      },
    },
  ];
}
