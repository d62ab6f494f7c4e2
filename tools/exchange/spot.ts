// The spot venue: balances (free/locked, exact), orders with Binance's lifecycle, the matching
// engine (price-time priority; LIMIT, MARKET, LIMIT_MAKER; GTC/IOC/FOK; partial fills; maker/taker
// fees charged in the received asset) and the user-data events an order produces.
import { randomBytes } from 'node:crypto';
import { dec, div, formatDecimal, mul, toEightDecimals } from './decimal';
import { BinanceError, cancelUnknownOrder, filterFailure, insufficientBalance, newOrderRejected, unknownOrder } from './errors';
import type { EventBus } from './events';
import { SymbolMarket } from './market';
import { SPOT_ASSETS, SPOT_SYMBOLS, type SymbolRules } from './markets';
import { MARKET_MAKER, type RestingOrder, type Side } from './order-book';
import type { PricePath } from './price-path';
import { MarketVenue } from './venue';

export type OrderStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED';
export type SpotOrderType = 'LIMIT' | 'MARKET' | 'LIMIT_MAKER';
export type TimeInForce = 'GTC' | 'IOC' | 'FOK';

export const SPOT_MAKER_COMMISSION = dec('0.001');
export const SPOT_TAKER_COMMISSION = dec('0.001');

export interface SpotOrder {
  owner: string;
  symbol: string;
  orderId: number;
  clientOrderId: string;
  side: Side;
  type: SpotOrderType;
  timeInForce: TimeInForce;
  price: bigint;
  origQty: bigint;
  origQuoteOrderQty: bigint;
  executedQty: bigint;
  cummulativeQuoteQty: bigint;
  status: OrderStatus;
  time: number;
  updateTime: number;
  workingTime: number;
  /** What is still locked for this order, in `lockAsset`. */
  locked: bigint;
  lockAsset: string;
  resting?: RestingOrder;
}

export interface SpotFill {
  price: bigint;
  qty: bigint;
  commission: bigint;
  commissionAsset: string;
  tradeId: number;
}

export interface SpotTrade extends SpotFill {
  owner: string;
  symbol: string;
  orderId: number;
  quoteQty: bigint;
  time: number;
  isBuyer: boolean;
  isMaker: boolean;
}

export interface NewSpotOrder {
  symbol: string;
  side: Side;
  type: SpotOrderType;
  timeInForce?: TimeInForce;
  quantity?: bigint;
  quoteOrderQty?: bigint;
  price?: bigint;
  newClientOrderId?: string;
}

export interface Balance {
  free: bigint;
  locked: bigint;
}

const REJECT_LIMIT_MAKER = 'Order would immediately match and take.';

export function generateClientOrderId(): string {
  return randomBytes(16).toString('base64').replace(/[^a-zA-Z0-9]/g, '').slice(0, 22).padEnd(22, 'x');
}

export class SpotVenue extends MarketVenue<SpotOrder> {
  private readonly balances = new Map<string, Map<string, Balance>>();
  private readonly trades: SpotTrade[] = [];
  private readonly accountUpdateTime = new Map<string, number>();
  private nextOrderId = 1;
  private nextExecutionId = 1;

  constructor(
    path: PricePath,
    seed: number,
    private readonly events: EventBus,
    clock: () => number,
    marketMakerIntervalMs: number | null,
  ) {
    super(clock, marketMakerIntervalMs);
    for (const rules of SPOT_SYMBOLS) this.markets.set(rules.symbol, new SymbolMarket(rules, 'spot', path, seed, events, () => this.nextOrderId++));
  }

  fund(owner: string, asset: string, amount: bigint): void {
    this.balance(owner, asset).free += amount;
  }

  private balance(owner: string, asset: string): Balance {
    let assets = this.balances.get(owner);
    if (!assets) this.balances.set(owner, (assets = new Map()));
    let balance = assets.get(asset);
    if (!balance) assets.set(asset, (balance = { free: 0n, locked: 0n }));
    return balance;
  }

  balancesOf(owner: string): { asset: string; free: bigint; locked: bigint }[] {
    const assets = this.balances.get(owner) ?? new Map<string, Balance>();
    const names = [...new Set([...SPOT_ASSETS, ...assets.keys()])];
    return names.map((asset) => ({ asset, ...(assets.get(asset) ?? { free: 0n, locked: 0n }) }));
  }

  updateTimeOf(owner: string): number {
    return this.accountUpdateTime.get(owner) ?? 0;
  }

  /** Validates, checks funds, matches and rests or expires an order, as POST /api/v3/order does. */
  placeOrder(owner: string, request: NewSpotOrder): { order: SpotOrder; fills: SpotFill[] } {
    const market = this.market(request.symbol);
    const rules = market.rules;
    const now = this.clock();
    const { side, type } = request;
    const timeInForce = request.timeInForce ?? 'GTC';
    this.checkFilters(market, request, now);
    const clientOrderId = request.newClientOrderId ?? generateClientOrderId();
    if (this.openOrders(owner, request.symbol).some((o) => o.clientOrderId === clientOrderId)) throw newOrderRejected('Duplicate order sent.');

    const limit = type === 'MARKET' ? null : request.price!;
    const plan = market.plan(side, limit, request.quantity ?? null, request.quoteOrderQty !== undefined && side === 'BUY' ? request.quoteOrderQty : null);
    if (type === 'MARKET' && request.quoteOrderQty !== undefined && side === 'SELL') {
      // Sell just enough base to receive quoteOrderQty.
      plan.splice(0, plan.length, ...this.planQuoteSell(market, request.quoteOrderQty));
    }
    if (type === 'LIMIT_MAKER' && plan.length > 0) throw newOrderRejected(REJECT_LIMIT_MAKER);
    const plannedQty = plan.reduce((sum, f) => sum + f.qty, 0n);
    const plannedQuote = plan.reduce((sum, f) => sum + mul(f.qty, f.price), 0n);
    const fok = type === 'LIMIT' && timeInForce === 'FOK' && plannedQty < request.quantity!;

    const lockAsset = side === 'BUY' ? rules.quoteAsset : rules.baseAsset;
    let lock: bigint;
    if (type === 'MARKET') lock = side === 'BUY' ? plannedQuote : plannedQty;
    else lock = side === 'BUY' ? mul(request.price!, request.quantity!) : request.quantity!;
    const funds = this.balance(owner, lockAsset);
    if (funds.free < lock) throw insufficientBalance();

    const order: SpotOrder = {
      owner,
      symbol: rules.symbol,
      orderId: this.nextOrderId++,
      clientOrderId,
      side,
      type,
      timeInForce,
      price: limit ?? 0n,
      origQty: request.quantity ?? (type === 'MARKET' ? plannedQty : 0n),
      origQuoteOrderQty: request.quoteOrderQty ?? 0n,
      executedQty: 0n,
      cummulativeQuoteQty: 0n,
      status: 'NEW',
      time: now,
      updateTime: now,
      workingTime: now,
      locked: 0n,
      lockAsset,
    };
    this.orders.set(order.orderId, order);
    funds.free -= lock;
    funds.locked += lock;
    order.locked = lock;
    this.report(order, 'NEW');

    const fills: SpotFill[] = [];
    if (!fok) {
      for (const fill of plan) {
        const tradeId = market.recordTrade(fill.price, fill.qty, side, now);
        fills.push(this.settle(order, fill.qty, fill.price, false, tradeId, now));
        this.settleMaker(market, fill.maker, fill.qty, fill.price, tradeId, now);
      }
    }
    const remaining = order.origQty - order.executedQty;
    if (type !== 'MARKET' && timeInForce === 'GTC' && remaining > 0n) {
      order.resting = { orderId: order.orderId, owner, side, price: order.price, remaining };
      market.book.add(order.resting);
    } else if (order.status !== 'FILLED') {
      this.close(order, 'EXPIRED', now);
    }
    this.accountChanged(owner, [rules.baseAsset, rules.quoteAsset], now);
    return { order, fills };
  }

  private planQuoteSell(market: SymbolMarket, quoteQty: bigint) {
    const fills = [];
    let quoteLeft = quoteQty;
    for (const fill of market.plan('SELL', null, null)) {
      if (quoteLeft <= 0n) break;
      const wanted = div(quoteLeft, fill.price);
      let qty = (wanted / market.rules.stepSize) * market.rules.stepSize;
      if (qty < wanted) qty += market.rules.stepSize;
      if (qty > fill.qty) qty = fill.qty;
      fills.push({ ...fill, qty });
      quoteLeft -= mul(qty, fill.price);
    }
    return fills;
  }

  private checkFilters(market: SymbolMarket, request: NewSpotOrder, now: number): void {
    const rules = market.rules;
    if (request.price !== undefined) checkPrice(rules, request.price);
    if (request.quantity !== undefined) {
      checkLot(rules, request.quantity, 'LOT_SIZE', rules.minQty, rules.maxQty, rules.stepSize);
      if (request.type === 'MARKET') checkLot(rules, request.quantity, 'MARKET_LOT_SIZE', rules.marketMinQty, rules.marketMaxQty, rules.marketStepSize);
    }
    const notional =
      request.type === 'MARKET'
        ? request.quoteOrderQty ?? mul(market.lastPrice(now), request.quantity!)
        : mul(request.price!, request.quantity!);
    if (notional === 0n && request.type !== 'MARKET') throw newOrderRejected('Price * QTY is zero or less.');
    if (notional < rules.minNotional || (request.type !== 'MARKET' && notional > rules.maxNotional)) throw filterFailure('NOTIONAL');
  }

  /** The taker side of a fill: spend the lock, receive the other asset less the fee. */
  private settle(order: SpotOrder, qty: bigint, price: bigint, isMaker: boolean, tradeId: number, time: number): SpotFill {
    const rules = this.markets.get(order.symbol)!.rules;
    const quote = mul(qty, price);
    const rate = isMaker ? SPOT_MAKER_COMMISSION : SPOT_TAKER_COMMISSION;
    const spent = order.side === 'BUY' ? quote : qty;
    const received = order.side === 'BUY' ? qty : quote;
    const receivedAsset = order.side === 'BUY' ? rules.baseAsset : rules.quoteAsset;
    const commission = toEightDecimals(mul(received, rate));
    const lockBalance = this.balance(order.owner, order.lockAsset);
    lockBalance.locked -= spent;
    order.locked -= spent;
    this.balance(order.owner, receivedAsset).free += received - commission;
    order.executedQty += qty;
    order.cummulativeQuoteQty += quote;
    order.updateTime = time;
    if (order.side === 'BUY' && order.type !== 'MARKET') {
      // Filled below the limit: the difference is no longer needed.
      const release = order.locked - mul(order.price, order.origQty - order.executedQty);
      if (release > 0n) {
        lockBalance.locked -= release;
        lockBalance.free += release;
        order.locked -= release;
      }
    }
    order.status = order.executedQty === order.origQty ? 'FILLED' : 'PARTIALLY_FILLED';
    const fill: SpotFill = { price, qty, commission, commissionAsset: receivedAsset, tradeId };
    this.trades.push({ ...fill, owner: order.owner, symbol: order.symbol, orderId: order.orderId, quoteQty: quote, time, isBuyer: order.side === 'BUY', isMaker });
    if (order.status === 'FILLED') this.release(order);
    this.report(order, 'TRADE', fill, isMaker);
    return fill;
  }

  protected override settleMaker(market: SymbolMarket, maker: RestingOrder, qty: bigint, price: bigint, tradeId: number, time: number): void {
    market.book.fill(maker, qty);
    if (maker.owner === MARKET_MAKER) return;
    const order = this.orders.get(maker.orderId)!;
    this.settle(order, qty, price, true, tradeId, time);
    if (order.status === 'FILLED') order.resting = undefined;
    this.accountChanged(order.owner, [market.rules.baseAsset, market.rules.quoteAsset], time);
  }

  private release(order: SpotOrder): void {
    if (order.locked === 0n) return;
    const balance = this.balance(order.owner, order.lockAsset);
    balance.locked -= order.locked;
    balance.free += order.locked;
    order.locked = 0n;
  }

  private close(order: SpotOrder, status: 'CANCELED' | 'EXPIRED', time: number): void {
    if (order.resting) this.markets.get(order.symbol)!.book.remove(order.resting);
    order.resting = undefined;
    order.status = status;
    order.updateTime = time;
    this.release(order);
    this.report(order, status);
  }

  queryOrder(owner: string, symbol: string, orderId?: number, clientOrderId?: string): SpotOrder {
    this.market(symbol);
    const order = this.findOrder(owner, symbol, orderId, clientOrderId);
    if (!order) throw unknownOrder();
    return order;
  }

  cancelOrder(owner: string, symbol: string, orderId?: number, clientOrderId?: string): SpotOrder {
    this.market(symbol);
    const order = this.findOrder(owner, symbol, orderId, clientOrderId);
    if (!order || (order.status !== 'NEW' && order.status !== 'PARTIALLY_FILLED')) throw new BinanceError(-2011, 'Unknown order sent.');
    const now = this.clock();
    this.close(order, 'CANCELED', now);
    this.accountChanged(owner, [order.lockAsset], now);
    return order;
  }

  cancelAll(owner: string, symbol: string): SpotOrder[] {
    const open = this.openOrders(owner, symbol);
    if (open.length === 0) throw cancelUnknownOrder();
    return open.map((o) => this.cancelOrder(owner, symbol, o.orderId));
  }

  tradesOf(owner: string, symbol: string): SpotTrade[] {
    return this.trades.filter((t) => t.owner === owner && t.symbol === symbol);
  }

  private accountChanged(owner: string, assets: string[], time: number): void {
    this.accountUpdateTime.set(owner, time);
    this.events.user({
      owner,
      venue: 'spot',
      payload: {
        e: 'outboundAccountPosition',
        E: time,
        u: time,
        B: [...new Set(assets)].map((asset) => {
          const b = this.balance(owner, asset);
          return { a: asset, f: formatDecimal(b.free), l: formatDecimal(b.locked) };
        }),
      },
    });
  }

  private report(order: SpotOrder, executionType: string, fill?: SpotFill, isMaker = false): void {
    const now = this.clock();
    this.events.user({
      owner: order.owner,
      venue: 'spot',
      payload: {
        e: 'executionReport',
        E: now,
        s: order.symbol,
        c: order.clientOrderId,
        S: order.side,
        o: order.type,
        f: order.timeInForce,
        q: formatDecimal(order.origQty),
        p: formatDecimal(order.price),
        P: '0.00000000',
        F: '0.00000000',
        g: -1,
        C: '',
        x: executionType,
        X: order.status,
        r: 'NONE',
        i: order.orderId,
        l: formatDecimal(fill?.qty ?? 0n),
        z: formatDecimal(order.executedQty),
        L: formatDecimal(fill?.price ?? 0n),
        n: fill ? formatDecimal(fill.commission) : '0',
        N: fill ? fill.commissionAsset : null,
        T: order.updateTime,
        t: fill ? fill.tradeId : -1,
        I: this.nextExecutionId++,
        w: order.status === 'NEW' || order.status === 'PARTIALLY_FILLED',
        m: isMaker,
        M: false,
        O: order.time,
        Z: formatDecimal(order.cummulativeQuoteQty),
        Y: formatDecimal(fill ? mul(fill.qty, fill.price) : 0n),
        Q: formatDecimal(order.origQuoteOrderQty),
        W: order.workingTime,
        V: 'NONE',
      },
    });
  }
}

export function checkPrice(rules: SymbolRules, price: bigint): void {
  if (price < rules.minPrice || price > rules.maxPrice || price % rules.tickSize !== 0n) throw filterFailure('PRICE_FILTER');
}

export function checkLot(_rules: SymbolRules, qty: bigint, filter: string, min: bigint, max: bigint, step: bigint): void {
  if (qty < min || (max > 0n && qty > max) || (step > 0n && qty % step !== 0n)) throw filterFailure(filter);
}
