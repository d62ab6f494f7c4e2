// One symbol's limit order book: price levels in price-time priority, and an update id that moves
// with every change so depth snapshots and diff streams line up as Binance's do.

export type Side = 'BUY' | 'SELL';

export interface RestingOrder {
  orderId: number;
  /** Account key of the owner, or MARKET_MAKER. */
  owner: string;
  side: Side;
  price: bigint;
  remaining: bigint;
}

export const MARKET_MAKER = '__market_maker__';

interface Level {
  price: bigint;
  orders: RestingOrder[];
}

export interface DepthChange {
  side: Side;
  price: bigint;
}

export class OrderBook {
  private readonly bids: Level[] = []; // best (highest) first
  private readonly asks: Level[] = []; // best (lowest) first
  updateId = 1;
  private readonly changed = new Map<string, DepthChange>();

  private levels(side: Side): Level[] {
    return side === 'BUY' ? this.bids : this.asks;
  }

  private touch(side: Side, price: bigint): void {
    this.updateId += 1;
    this.changed.set(`${side}:${price}`, { side, price });
  }

  /** Appends at the back of its price level. */
  add(order: RestingOrder): void {
    const levels = this.levels(order.side);
    const better = (a: bigint, b: bigint) => (order.side === 'BUY' ? a > b : a < b);
    let i = 0;
    while (i < levels.length && better(levels[i].price, order.price)) i++;
    if (i < levels.length && levels[i].price === order.price) levels[i].orders.push(order);
    else levels.splice(i, 0, { price: order.price, orders: [order] });
    this.touch(order.side, order.price);
  }

  remove(order: RestingOrder): void {
    const levels = this.levels(order.side);
    const i = levels.findIndex((level) => level.price === order.price);
    if (i < 0) return;
    levels[i].orders = levels[i].orders.filter((o) => o !== order);
    if (levels[i].orders.length === 0) levels.splice(i, 1);
    this.touch(order.side, order.price);
  }

  /** Takes `qty` from a resting order after a fill; removes it when nothing remains. */
  fill(order: RestingOrder, qty: bigint): void {
    order.remaining -= qty;
    if (order.remaining === 0n) this.remove(order);
    else this.touch(order.side, order.price);
  }

  /** Resting orders a taker on `side` limited to `limit` (null: any price) would meet, best first. */
  *matchable(side: Side, limit: bigint | null): Generator<RestingOrder> {
    const levels = this.levels(side === 'BUY' ? 'SELL' : 'BUY');
    for (const level of [...levels]) {
      if (limit !== null && (side === 'BUY' ? level.price > limit : level.price < limit)) return;
      for (const order of [...level.orders]) if (order.remaining > 0n) yield order;
    }
  }

  best(side: Side): { price: bigint; qty: bigint } | undefined {
    const level = this.levels(side)[0];
    return level && { price: level.price, qty: level.orders.reduce((sum, o) => sum + o.remaining, 0n) };
  }

  depth(limit: number): { bids: [bigint, bigint][]; asks: [bigint, bigint][] } {
    const side = (levels: Level[]) => levels.slice(0, limit).map((level): [bigint, bigint] => [level.price, level.orders.reduce((sum, o) => sum + o.remaining, 0n)]);
    return { bids: side(this.bids), asks: side(this.asks) };
  }

  quantityAt(side: Side, price: bigint): bigint {
    const level = this.levels(side).find((l) => l.price === price);
    return level ? level.orders.reduce((sum, o) => sum + o.remaining, 0n) : 0n;
  }

  ordersOf(owner: string): RestingOrder[] {
    return [...this.bids, ...this.asks].flatMap((level) => level.orders.filter((o) => o.owner === owner));
  }

  /** Levels changed since the last call, for diff-depth streams. */
  takeChanges(): DepthChange[] {
    const changes = [...this.changed.values()];
    this.changed.clear();
    return changes;
  }
}
