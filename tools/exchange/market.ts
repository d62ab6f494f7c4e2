// One listed symbol's live market: its order book, the public trade tape, and the deterministic
// market maker that keeps quotes around the seeded price path. Shared by the spot and futures venues;
// what a fill does to an account is the venue's business (the `settleMaker` callback).
import { div, floorTo, fromFloat, mul, SCALE } from './decimal';
import type { EventBus } from './events';
import type { SymbolRules } from './markets';
import { MARKET_MAKER, OrderBook, type RestingOrder, type Side } from './order-book';
import { uniform, type PricePath } from './price-path';

export interface PublicTrade {
  id: number;
  price: bigint;
  qty: bigint;
  time: number;
  isBuyerMaker: boolean;
}

export interface PlannedFill {
  maker: RestingOrder;
  qty: bigint;
  price: bigint;
}

const MARKET_MAKER_LEVELS = 20;
const TAPE_LENGTH = 1000;
/** Base quantity per market-maker level, before the seeded jitter. */
const LEVEL_QTY: Record<string, string> = { BTC: '0.6', ETH: '9', SOL: '125', BNB: '15' };

export type SettleMaker = (maker: RestingOrder, qty: bigint, price: bigint, tradeId: number, time: number) => void;

export class SymbolMarket {
  readonly book = new OrderBook();
  readonly tape: PublicTrade[] = [];
  private nextTradeId: number;
  private epoch = -1;

  constructor(
    readonly rules: SymbolRules,
    private readonly venue: 'spot' | 'futures',
    private readonly path: PricePath,
    private readonly seed: number,
    private readonly events: EventBus,
    private readonly nextOrderId: () => number,
  ) {
    this.nextTradeId = 1000 + Math.floor(uniform(seed, rules.symbol.length, venue.length) * 1_000_000);
  }

  /** The simulated mid price now, rounded to the tick. */
  midPrice(now: number): bigint {
    return this.path.tickPrice(this.rules, now, this.venue === 'futures');
  }

  lastPrice(now: number): bigint {
    return this.tape.at(-1)?.price ?? this.midPrice(now);
  }

  /** Fills a taker would get, best price first, without changing anything. */
  plan(side: Side, limit: bigint | null, qty: bigint | null, quoteBudget: bigint | null = null): PlannedFill[] {
    const fills: PlannedFill[] = [];
    let qtyLeft = qty;
    let budgetLeft = quoteBudget;
    for (const maker of this.book.matchable(side, limit)) {
      let take = maker.remaining;
      if (qtyLeft !== null) take = take < qtyLeft ? take : qtyLeft;
      if (budgetLeft !== null) {
        const affordable = floorTo(div(budgetLeft, maker.price), this.rules.stepSize);
        take = take < affordable ? take : affordable;
      }
      if (take <= 0n) break;
      fills.push({ maker, qty: take, price: maker.price });
      if (qtyLeft !== null) qtyLeft -= take;
      if (budgetLeft !== null) budgetLeft -= mul(take, maker.price);
      if (qtyLeft === 0n) break;
    }
    return fills;
  }

  /** Takes the market maker's quotes off the book (its venue stops refreshing them while paused). */
  withdrawMarketMaker(): void {
    for (const order of this.book.ordersOf(MARKET_MAKER)) this.book.remove(order);
  }

  /** Records a trade on the public tape and the trade stream; returns its id. */
  recordTrade(price: bigint, qty: bigint, takerSide: Side, time: number): number {
    const id = this.nextTradeId++;
    this.tape.push({ id, price, qty, time, isBuyerMaker: takerSide === 'SELL' });
    if (this.tape.length > TAPE_LENGTH) this.tape.splice(0, this.tape.length - TAPE_LENGTH);
    this.events.market({ venue: this.venue, symbol: this.rules.symbol, stream: 'trade', payload: { id, price, qty, time, isBuyerMaker: takerSide === 'SELL' } });
    return id;
  }

  /**
   * Once per market-maker interval: withdraw the maker's quotes, print a trade at the new mid and
   * quote again around it. A new quote that crosses a resting user order trades with it (the user
   * is the maker), which is how resting orders fill as the price walks.
   */
  refresh(now: number, intervalMs: number, settleMaker: SettleMaker): void {
    const epoch = Math.floor(now / intervalMs);
    if (epoch === this.epoch) return;
    const first = this.epoch < 0;
    this.epoch = epoch;
    for (const order of this.book.ordersOf(MARKET_MAKER)) this.book.remove(order);
    const mid = this.midPrice(now);
    const { tickSize, stepSize, minQty } = this.rules;
    if (first) this.seedTape(now, intervalMs);
    else this.recordTrade(mid, floorTo(this.levelQty(epoch, 99) / 10n, stepSize) || minQty, uniform(this.seed, epoch, 3) < 0.5 ? 'BUY' : 'SELL', now);
    for (let k = 0; k < MARKET_MAKER_LEVELS; k++) {
      const offset = (SCALE * BigInt(5 + 10 * k)) / 100_000n; // 0.5 bp, then 1 bp steps
      let bid = floorTo(mid - mul(mid, offset), tickSize);
      let ask = floorTo(mid + mul(mid, offset), tickSize) + tickSize;
      bid -= BigInt(k) * tickSize;
      ask += BigInt(k) * tickSize;
      if (bid <= 0n) continue;
      const qty = floorTo(this.levelQty(epoch, k), stepSize);
      if (qty < minQty) continue;
      this.quote('BUY', bid, qty, now, settleMaker);
      this.quote('SELL', ask, qty, now, settleMaker);
    }
  }

  private levelQty(epoch: number, level: number): bigint {
    const base = fromFloat(Number(LEVEL_QTY[this.rules.baseAsset] ?? '10'), this.rules.stepSize);
    const jitter = 0.5 + uniform(this.seed, epoch, level, this.rules.symbol.length);
    return (base * BigInt(Math.round(jitter * 1000)) * BigInt(5 + level)) / 5000n;
  }

  private quote(side: Side, price: bigint, qty: bigint, now: number, settleMaker: SettleMaker): void {
    let remaining = qty;
    for (const fill of this.plan(side, price, qty)) {
      const tradeId = this.recordTrade(fill.price, fill.qty, side, now);
      settleMaker(fill.maker, fill.qty, fill.price, tradeId, now);
      remaining -= fill.qty;
    }
    if (remaining > 0n) this.book.add({ orderId: this.nextOrderId(), owner: MARKET_MAKER, side, price, remaining });
  }

  /** A few minutes of past trades so `trades` and `aggTrades` have something from the start. */
  private seedTape(now: number, intervalMs: number): void {
    for (let i = 60; i >= 1; i--) {
      const time = now - i * Math.max(intervalMs, 1000);
      const price = this.path.tickPrice(this.rules, time, this.venue === 'futures');
      const qty = floorTo(this.levelQty(i, 98) / 10n, this.rules.stepSize) || this.rules.minQty;
      this.recordTrade(price, qty, uniform(this.seed, i, 4) < 0.5 ? 'BUY' : 'SELL', time);
    }
  }
}
