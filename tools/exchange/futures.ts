// The USD-M futures venue: a USDT wallet per account, cross margin, one-way or hedge position mode,
// leverage per symbol, linear perpetuals matched by the shared order book, mark price from the price
// path, funding settled on a clock (8 h by default) and the income history it leaves.
import { randomBytes } from 'node:crypto';
import { absOf, dec, div, formatDecimal, fromFloat, minOf, mul, toEightDecimals } from './decimal';
import { BinanceError } from './errors';
import type { EventBus } from './events';
import { SymbolMarket } from './market';
import { PERPETUAL_SYMBOLS, type PerpetualRules } from './markets';
import { MARKET_MAKER, type RestingOrder, type Side } from './order-book';
import type { PricePath } from './price-path';
import { MarketVenue } from './venue';

export type PositionSide = 'BOTH' | 'LONG' | 'SHORT';
export type FuturesOrderType = 'LIMIT' | 'MARKET';
export type FuturesTimeInForce = 'GTC' | 'IOC' | 'FOK' | 'GTX';
export type FuturesStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED';

export const FUTURES_MAKER_COMMISSION = dec('0.0002');
export const FUTURES_TAKER_COMMISSION = dec('0.0005');
export const INTEREST_RATE = dec('0.0001');
const FUNDING_CLAMP = dec('0.0005');
const DEFAULT_LEVERAGE = 20;
const MARGIN_ASSET = 'USDT';

export interface FuturesOrder {
  owner: string;
  symbol: string;
  orderId: number;
  clientOrderId: string;
  side: Side;
  positionSide: PositionSide;
  type: FuturesOrderType;
  timeInForce: FuturesTimeInForce;
  price: bigint;
  origQty: bigint;
  executedQty: bigint;
  cumQuote: bigint;
  status: FuturesStatus;
  reduceOnly: boolean;
  time: number;
  updateTime: number;
  resting?: RestingOrder;
}

export interface FuturesTrade {
  owner: string;
  symbol: string;
  id: number;
  orderId: number;
  side: Side;
  positionSide: PositionSide;
  price: bigint;
  qty: bigint;
  quoteQty: bigint;
  realizedPnl: bigint;
  commission: bigint;
  maker: boolean;
  time: number;
}

export interface Position {
  symbol: string;
  positionSide: PositionSide;
  /** Signed: negative is short. */
  amount: bigint;
  entryPrice: bigint;
  updateTime: number;
}

export interface Income {
  owner: string;
  symbol: string;
  incomeType: 'TRANSFER' | 'REALIZED_PNL' | 'COMMISSION' | 'FUNDING_FEE';
  income: bigint;
  asset: string;
  info: string;
  time: number;
  tranId: number;
  tradeId: string;
}

export interface FundingRateRecord {
  symbol: string;
  fundingRate: bigint;
  fundingTime: number;
  markPrice: bigint;
}

export interface NewFuturesOrder {
  symbol: string;
  side: Side;
  type: FuturesOrderType;
  positionSide?: PositionSide;
  timeInForce?: FuturesTimeInForce;
  quantity: bigint;
  price?: bigint;
  reduceOnly: boolean;
  newClientOrderId?: string;
}

interface AccountState {
  wallet: bigint;
  walletUpdateTime: number;
  dualSidePosition: boolean;
  leverage: Map<string, number>;
  marginType: Map<string, 'CROSSED' | 'ISOLATED'>;
  positions: Map<string, Position>;
}

export class FuturesVenue extends MarketVenue<FuturesOrder> {
  private readonly accounts = new Map<string, AccountState>();
  private readonly trades: FuturesTrade[] = [];
  readonly incomes: Income[] = [];
  readonly fundingHistory: FundingRateRecord[] = [];
  private nextOrderId = 1;
  private nextTranId = 1;

  constructor(
    private readonly path: PricePath,
    seed: number,
    private readonly events: EventBus,
    clock: () => number,
    marketMakerIntervalMs: number | null,
    readonly fundingIntervalMs: number,
  ) {
    super(clock, marketMakerIntervalMs);
    for (const rules of PERPETUAL_SYMBOLS) this.markets.set(rules.symbol, new SymbolMarket(rules, 'futures', path, seed, events, () => this.nextOrderId++));
  }

  rules(symbol: string): PerpetualRules {
    return this.markets.get(symbol)!.rules as PerpetualRules;
  }

  private account(owner: string): AccountState {
    let account = this.accounts.get(owner);
    if (!account) {
      account = { wallet: 0n, walletUpdateTime: 0, dualSidePosition: false, leverage: new Map(), marginType: new Map(), positions: new Map() };
      this.accounts.set(owner, account);
    }
    return account;
  }

  fund(owner: string, asset: string, amount: bigint, time: number): void {
    const account = this.account(owner);
    account.wallet += amount;
    account.walletUpdateTime = time;
    this.incomes.push({ owner, symbol: '', incomeType: 'TRANSFER', income: amount, asset, info: 'TRANSFER', time, tranId: this.nextTranId++, tradeId: '' });
  }

  markPrice(symbol: string, now: number): bigint {
    return this.path.tickPrice(this.rules(symbol), now, true);
  }

  indexPrice(symbol: string, now: number): bigint {
    return fromFloat(this.path.price(this.rules(symbol), now), 10n ** 10n);
  }

  /** Binance's formula: premium + clamp(interest − premium, ±0.05 %), at 8 decimals. */
  fundingRate(symbol: string, now: number): bigint {
    const index = this.indexPrice(symbol, now);
    const premium = div(this.markPrice(symbol, now) - index, index);
    let adjustment = INTEREST_RATE - premium;
    if (adjustment > FUNDING_CLAMP) adjustment = FUNDING_CLAMP;
    if (adjustment < -FUNDING_CLAMP) adjustment = -FUNDING_CLAMP;
    const rate = premium + adjustment;
    const unit = 10n ** 10n;
    return (rate / unit) * unit;
  }

  nextFundingTime(now: number): number {
    return (Math.floor(now / this.fundingIntervalMs) + 1) * this.fundingIntervalMs;
  }

  /** Starts the funding clock; returns a getter of the current timer so it can be cleared. */
  startFundingClock(): () => NodeJS.Timeout {
    let timer: NodeJS.Timeout;
    const schedule = () => {
      const now = this.clock();
      const next = this.nextFundingTime(now);
      timer = setTimeout(() => {
        this.settleFunding(next);
        schedule();
      }, Math.max(next - now, 1));
      timer.unref();
    };
    schedule();
    return () => timer;
  }

  /** Every open position pays or receives amount × mark price × funding rate (longs pay a positive rate). */
  settleFunding(time: number): void {
    for (const symbol of this.markets.keys()) {
      const rate = this.fundingRate(symbol, time);
      const mark = this.markPrice(symbol, time);
      this.fundingHistory.push({ symbol, fundingRate: rate, fundingTime: time, markPrice: mark });
      for (const [owner, account] of this.accounts) {
        for (const position of account.positions.values()) {
          if (position.symbol !== symbol || position.amount === 0n) continue;
          const payment = toEightDecimals(-mul(mul(position.amount, mark), rate));
          account.wallet += payment;
          account.walletUpdateTime = time;
          this.incomes.push({ owner, symbol, incomeType: 'FUNDING_FEE', income: payment, asset: MARGIN_ASSET, info: 'FUNDING_FEE', time, tranId: this.nextTranId++, tradeId: '' });
          this.accountUpdate(owner, 'FUNDING_FEE', [position], time);
        }
      }
    }
    if (this.fundingHistory.length > 10_000) this.fundingHistory.splice(0, this.fundingHistory.length - 10_000);
  }

  // ---- account views ----

  wallet(owner: string): { wallet: bigint; updateTime: number } {
    const account = this.account(owner);
    return { wallet: account.wallet, updateTime: account.walletUpdateTime };
  }

  dualSidePosition(owner: string): boolean {
    return this.account(owner).dualSidePosition;
  }

  leverage(owner: string, symbol: string): number {
    return this.account(owner).leverage.get(symbol) ?? DEFAULT_LEVERAGE;
  }

  marginType(owner: string, symbol: string): 'CROSSED' | 'ISOLATED' {
    return this.account(owner).marginType.get(symbol) ?? 'CROSSED';
  }

  /** Every position slot of the account's mode, open or flat, as positionRisk lists them. */
  positions(owner: string): Position[] {
    const account = this.account(owner);
    const sides: PositionSide[] = account.dualSidePosition ? ['LONG', 'SHORT'] : ['BOTH'];
    return [...this.markets.keys()].flatMap((symbol) => sides.map((side) => account.positions.get(`${symbol}:${side}`) ?? { symbol, positionSide: side, amount: 0n, entryPrice: 0n, updateTime: 0 }));
  }

  unrealizedPnl(position: Position, now: number): bigint {
    return position.amount === 0n ? 0n : mul(position.amount, this.markPrice(position.symbol, now) - position.entryPrice);
  }

  positionInitialMargin(owner: string, position: Position, now: number): bigint {
    return div(mul(absOf(position.amount), this.markPrice(position.symbol, now)), BigInt(this.leverage(owner, position.symbol)) * 10n ** 18n);
  }

  openOrderInitialMargin(owner: string, symbol?: string): bigint {
    return this.openOrders(owner, symbol)
      .filter((o) => !o.reduceOnly)
      .reduce((sum, o) => sum + div(mul(o.origQty - o.executedQty, o.price), BigInt(this.leverage(owner, o.symbol)) * 10n ** 18n), 0n);
  }

  /** Wallet, unrealized PnL, margins and what is left for new orders (cross margin). */
  summary(owner: string, now: number) {
    const wallet = this.account(owner).wallet;
    const positions = this.positions(owner);
    const unrealized = positions.reduce((sum, p) => sum + this.unrealizedPnl(p, now), 0n);
    const positionMargin = positions.reduce((sum, p) => sum + this.positionInitialMargin(owner, p, now), 0n);
    const maintMargin = positions.reduce((sum, p) => sum + mul(mul(absOf(p.amount), this.markPrice(p.symbol, now)), dec('0.004')), 0n);
    const orderMargin = this.openOrderInitialMargin(owner);
    const marginBalance = wallet + unrealized;
    const available = marginBalance - positionMargin - orderMargin;
    return { wallet, unrealized, positionMargin, orderMargin, maintMargin, marginBalance, available: available > 0n ? available : 0n };
  }

  // ---- settings ----

  setLeverage(owner: string, symbol: string, leverage: number): number {
    const rules = this.rules(this.market(symbol).rules.symbol);
    if (!Number.isInteger(leverage) || leverage < 1 || leverage > rules.maxLeverage) throw new BinanceError(-4028, `Leverage ${leverage} is not valid`);
    this.account(owner).leverage.set(symbol, leverage);
    return leverage;
  }

  setMarginType(owner: string, symbol: string, marginType: 'CROSSED' | 'ISOLATED'): void {
    this.market(symbol);
    if (this.marginType(owner, symbol) === marginType) throw new BinanceError(-4046, 'No need to change margin type.');
    this.account(owner).marginType.set(symbol, marginType);
  }

  setDualSidePosition(owner: string, dual: boolean): void {
    const account = this.account(owner);
    if (account.dualSidePosition === dual) throw new BinanceError(-4059, 'No need to change position side.');
    if (this.openOrders(owner).length > 0) throw new BinanceError(-4067, 'Position side cannot be changed if there exists open orders.');
    if ([...account.positions.values()].some((p) => p.amount !== 0n)) throw new BinanceError(-4068, 'Position side cannot be changed if there exists position.');
    account.dualSidePosition = dual;
    account.positions.clear();
  }

  // ---- orders ----

  placeOrder(owner: string, request: NewFuturesOrder): FuturesOrder {
    const market = this.market(request.symbol);
    const rules = market.rules as PerpetualRules;
    const account = this.account(owner);
    const now = this.clock();
    const positionSide = request.positionSide ?? 'BOTH';
    if (account.dualSidePosition === (positionSide === 'BOTH')) throw new BinanceError(-4061, "Order's position side does not match user's setting.");
    if (account.dualSidePosition && request.reduceOnly) throw new BinanceError(-1106, "Parameter 'reduceonly' sent when not required.");
    const timeInForce = request.type === 'MARKET' ? 'GTC' : request.timeInForce ?? 'GTC';
    this.checkFilters(rules, request, market, now);
    const clientOrderId = request.newClientOrderId ?? `${randomBytes(16).toString('base64').replace(/[^a-zA-Z0-9]/g, '').slice(0, 22)}`;
    if (this.openOrders(owner, request.symbol).some((o) => o.clientOrderId === clientOrderId)) throw new BinanceError(-4116, 'ClientOrderId is duplicated.');

    const position = account.positions.get(`${request.symbol}:${positionSide}`);
    const held = position?.amount ?? 0n;
    const delta = request.side === 'BUY' ? request.quantity : -request.quantity;
    const closing = positionSide === 'LONG' ? request.side === 'SELL' : positionSide === 'SHORT' ? request.side === 'BUY' : request.reduceOnly;
    if (closing && (held === 0n || (held > 0n) === (delta > 0n) || absOf(delta) > absOf(held))) throw new BinanceError(-2022, 'ReduceOnly Order is rejected.');

    const limit = request.type === 'MARKET' ? null : request.price!;
    const plan = market.plan(request.side, limit, request.quantity);
    if (timeInForce === 'GTX' && plan.length > 0) throw new BinanceError(-5022, 'Due to the order could not be executed as maker, the Post Only order will be rejected.');
    const plannedQty = plan.reduce((sum, f) => sum + f.qty, 0n);
    const fok = timeInForce === 'FOK' && plannedQty < request.quantity;
    if (!closing) {
      // Only the part that adds exposure needs margin: in one-way mode an opposite order first closes.
      const reducing = positionSide === 'BOTH' && held !== 0n && (held > 0n) !== (delta > 0n) ? minOf(absOf(held), request.quantity) : 0n;
      const price = request.type === 'MARKET' ? (plan.at(-1)?.price ?? market.lastPrice(now)) : request.price!;
      const required = div(mul(price, request.quantity - reducing), BigInt(this.leverage(owner, request.symbol)) * 10n ** 18n);
      if (required > this.summary(owner, now).available) throw new BinanceError(-2019, 'Margin is insufficient.');
    }

    const order: FuturesOrder = {
      owner,
      symbol: rules.symbol,
      orderId: this.nextOrderId++,
      clientOrderId,
      side: request.side,
      positionSide,
      type: request.type,
      timeInForce,
      price: limit ?? 0n,
      origQty: request.quantity,
      executedQty: 0n,
      cumQuote: 0n,
      status: 'NEW',
      reduceOnly: request.reduceOnly,
      time: now,
      updateTime: now,
    };
    this.orders.set(order.orderId, order);
    this.orderUpdate(order, 'NEW');
    if (!fok) {
      for (const fill of plan) {
        const tradeId = market.recordTrade(fill.price, fill.qty, request.side, now);
        this.settle(order, fill.qty, fill.price, false, tradeId, now);
        this.settleMaker(market, fill.maker, fill.qty, fill.price, tradeId, now);
      }
    }
    const remaining = order.origQty - order.executedQty;
    if (request.type === 'LIMIT' && (timeInForce === 'GTC' || timeInForce === 'GTX') && remaining > 0n) {
      order.resting = { orderId: order.orderId, owner, side: order.side, price: order.price, remaining };
      market.book.add(order.resting);
    } else if (order.status !== 'FILLED') {
      this.close(order, 'EXPIRED', now);
    }
    return order;
  }

  private checkFilters(rules: PerpetualRules, request: NewFuturesOrder, market: SymbolMarket, now: number): void {
    if (request.price !== undefined) {
      if (request.price < rules.minPrice) throw new BinanceError(-4013, 'Price less than min price.');
      if (request.price > rules.maxPrice) throw new BinanceError(-4016, `Limit price can't be higher than ${formatDecimal(rules.maxPrice, rules.pricePrecision)}.`);
      if (request.price % rules.tickSize !== 0n) throw new BinanceError(-4014, 'Price not increased by tick size.');
    }
    const qty = request.quantity;
    const [min, max, step] = request.type === 'MARKET' ? [rules.marketMinQty, rules.marketMaxQty, rules.marketStepSize] : [rules.minQty, rules.maxQty, rules.stepSize];
    if (qty <= 0n) throw new BinanceError(-4003, 'Quantity less than or equal to zero.');
    if (qty < min) throw new BinanceError(-4004, 'Quantity less than min quantity.');
    if (qty > max) throw new BinanceError(-4005, 'Quantity greater than max quantity.');
    if (step > 0n && qty % step !== 0n) throw new BinanceError(-4023, 'Quantity not increased by step size.');
    const price = request.price ?? market.lastPrice(now);
    if (!request.reduceOnly && mul(price, qty) < rules.minNotional) {
      throw new BinanceError(-4164, `Order's notional must be no smaller than ${formatDecimal(rules.minNotional, 0)} (unless you choose reduce only).`);
    }
  }

  /** One side of a fill: position, realized PnL and fee into the wallet, trade and income records. */
  private settle(order: FuturesOrder, qty: bigint, price: bigint, maker: boolean, tradeId: number, time: number): void {
    const account = this.account(order.owner);
    const key = `${order.symbol}:${order.positionSide}`;
    const position = account.positions.get(key) ?? { symbol: order.symbol, positionSide: order.positionSide, amount: 0n, entryPrice: 0n, updateTime: time };
    const delta = order.side === 'BUY' ? qty : -qty;
    let realized = 0n;
    if (position.amount === 0n || (position.amount > 0n) === (delta > 0n)) {
      const size = absOf(position.amount) + qty;
      position.entryPrice = div(mul(absOf(position.amount), position.entryPrice) + mul(qty, price), size);
      position.amount += delta;
    } else {
      const closed = absOf(delta) < absOf(position.amount) ? absOf(delta) : absOf(position.amount);
      realized = mul(closed, price - position.entryPrice) * (position.amount > 0n ? 1n : -1n);
      const before = position.amount;
      position.amount += delta;
      if (position.amount === 0n) position.entryPrice = 0n;
      else if ((before > 0n) !== (position.amount > 0n)) position.entryPrice = price;
    }
    position.updateTime = time;
    account.positions.set(key, position);
    const quote = mul(qty, price);
    const commission = toEightDecimals(mul(quote, maker ? FUTURES_MAKER_COMMISSION : FUTURES_TAKER_COMMISSION));
    account.wallet += realized - commission;
    account.walletUpdateTime = time;
    if (realized !== 0n) this.incomes.push({ owner: order.owner, symbol: order.symbol, incomeType: 'REALIZED_PNL', income: realized, asset: MARGIN_ASSET, info: '', time, tranId: this.nextTranId++, tradeId: String(tradeId) });
    this.incomes.push({ owner: order.owner, symbol: order.symbol, incomeType: 'COMMISSION', income: -commission, asset: MARGIN_ASSET, info: '', time, tranId: this.nextTranId++, tradeId: String(tradeId) });
    order.executedQty += qty;
    order.cumQuote += quote;
    order.updateTime = time;
    order.status = order.executedQty === order.origQty ? 'FILLED' : 'PARTIALLY_FILLED';
    const trade: FuturesTrade = { owner: order.owner, symbol: order.symbol, id: tradeId, orderId: order.orderId, side: order.side, positionSide: order.positionSide, price, qty, quoteQty: quote, realizedPnl: realized, commission, maker, time };
    this.trades.push(trade);
    this.orderUpdate(order, 'TRADE', trade);
    this.accountUpdate(order.owner, 'ORDER', [position], time);
  }

  protected override settleMaker(market: SymbolMarket, maker: RestingOrder, qty: bigint, price: bigint, tradeId: number, time: number): void {
    market.book.fill(maker, qty);
    if (maker.owner === MARKET_MAKER) return;
    const order = this.orders.get(maker.orderId)!;
    this.settle(order, qty, price, true, tradeId, time);
    if (order.status === 'FILLED') order.resting = undefined;
  }

  private close(order: FuturesOrder, status: 'CANCELED' | 'EXPIRED', time: number): void {
    if (order.resting) this.markets.get(order.symbol)!.book.remove(order.resting);
    order.resting = undefined;
    order.status = status;
    order.updateTime = time;
    this.orderUpdate(order, status);
  }

  cancelOrder(owner: string, symbol: string, orderId?: number, clientOrderId?: string): FuturesOrder {
    this.market(symbol);
    const order = this.findOrder(owner, symbol, orderId, clientOrderId);
    if (!order || (order.status !== 'NEW' && order.status !== 'PARTIALLY_FILLED')) throw new BinanceError(-2011, 'Unknown order sent.');
    this.close(order, 'CANCELED', this.clock());
    return order;
  }

  /** Open contracts: the long side of every account's positions. */
  openInterest(symbol: string): bigint {
    let total = 0n;
    for (const account of this.accounts.values()) for (const p of account.positions.values()) if (p.symbol === symbol && p.amount > 0n) total += p.amount;
    return total;
  }

  tradesOf(owner: string, symbol: string): FuturesTrade[] {
    return this.trades.filter((t) => t.owner === owner && t.symbol === symbol);
  }

  // ---- user data events ----

  private orderUpdate(order: FuturesOrder, executionType: string, trade?: FuturesTrade): void {
    const rules = this.rules(order.symbol);
    const now = this.clock();
    this.events.user({
      owner: order.owner,
      venue: 'futures',
      payload: {
        e: 'ORDER_TRADE_UPDATE',
        E: now,
        T: order.updateTime,
        o: {
          s: order.symbol,
          c: order.clientOrderId,
          S: order.side,
          o: order.type,
          f: order.timeInForce,
          q: formatDecimal(order.origQty, rules.quantityPrecision),
          p: formatDecimal(order.price, rules.pricePrecision),
          ap: formatDecimal(averagePrice(order), rules.pricePrecision),
          sp: '0',
          x: executionType,
          X: order.status,
          i: order.orderId,
          l: formatDecimal(trade?.qty ?? 0n, rules.quantityPrecision),
          z: formatDecimal(order.executedQty, rules.quantityPrecision),
          L: formatDecimal(trade?.price ?? 0n, rules.pricePrecision),
          N: MARGIN_ASSET,
          n: formatDecimal(trade?.commission ?? 0n),
          T: order.updateTime,
          t: trade?.id ?? 0,
          b: '0',
          a: '0',
          m: trade?.maker ?? false,
          R: order.reduceOnly,
          wt: 'CONTRACT_PRICE',
          ot: order.type,
          ps: order.positionSide,
          cp: false,
          rp: formatDecimal(trade?.realizedPnl ?? 0n),
          pP: false,
          si: 0,
          ss: 0,
          V: 'EXPIRE_MAKER',
          pm: 'NONE',
          gtd: 0,
        },
      },
    });
  }

  private accountUpdate(owner: string, reason: string, positions: Position[], time: number): void {
    const account = this.account(owner);
    this.events.user({
      owner,
      venue: 'futures',
      payload: {
        e: 'ACCOUNT_UPDATE',
        E: this.clock(),
        T: time,
        a: {
          m: reason,
          B: [{ a: MARGIN_ASSET, wb: formatDecimal(account.wallet), cw: formatDecimal(account.wallet), bc: '0' }],
          P: positions.map((p) => ({
            s: p.symbol,
            pa: formatDecimal(p.amount, this.rules(p.symbol).quantityPrecision),
            ep: formatDecimal(p.entryPrice),
            bep: formatDecimal(p.entryPrice),
            cr: '0',
            up: formatDecimal(this.unrealizedPnl(p, time)),
            mt: this.marginType(owner, p.symbol) === 'CROSSED' ? 'cross' : 'isolated',
            iw: '0',
            ps: p.positionSide,
          })),
        },
      },
    });
  }
}

export function averagePrice(order: { executedQty: bigint; cumQuote: bigint }): bigint {
  return order.executedQty === 0n ? 0n : div(order.cumQuote, order.executedQty);
}
