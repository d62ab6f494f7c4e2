// What the spot and USD-M venues share: their markets, which the market maker moves on lazily, on
// any access, and can be paused; and their orders, found by id or client id.
import { invalidSymbol } from './errors';
import type { SymbolMarket } from './market';
import type { RestingOrder } from './order-book';

/** What a venue's orders have in common: whose, on which symbol, under which ids, and where they are. */
export interface VenueOrder {
  orderId: number;
  owner: string;
  symbol: string;
  clientOrderId: string;
  status: string;
}

export abstract class MarketVenue<Order extends VenueOrder> {
  readonly markets = new Map<string, SymbolMarket>();
  protected readonly orders = new Map<number, Order>();
  private marketMakerPaused = false;

  constructor(
    protected readonly clock: () => number,
    private readonly marketMakerIntervalMs: number | null,
  ) {}

  market(symbol: string | undefined): SymbolMarket {
    const market = symbol === undefined ? undefined : this.markets.get(symbol);
    if (!market) throw invalidSymbol();
    this.refresh(market);
    return market;
  }

  /** Moves the market maker on when its interval has passed. */
  refresh(market: SymbolMarket): void {
    if (this.marketMakerIntervalMs === null || this.marketMakerPaused) return;
    market.refresh(this.clock(), this.marketMakerIntervalMs, (maker, qty, price, tradeId, time) => this.settleMaker(market, maker, qty, price, tradeId, time));
  }

  /** Pauses the market maker (its quotes leave the books, so only users' orders trade) or resumes it. */
  pauseMarketMaker(paused: boolean): void {
    this.marketMakerPaused = paused;
    if (paused) for (const market of this.markets.values()) market.withdrawMarketMaker();
  }

  refreshAll(): void {
    for (const market of this.markets.values()) this.refresh(market);
  }

  findOrder(owner: string, symbol: string, orderId?: number, clientOrderId?: string): Order | undefined {
    const mine = (o: Order | undefined) => (o && o.owner === owner && o.symbol === symbol ? o : undefined);
    if (orderId !== undefined) {
      const order = mine(this.orders.get(orderId));
      return order && (clientOrderId === undefined || order.clientOrderId === clientOrderId) ? order : undefined;
    }
    // The newest order carrying that client id: ids may be reused once the earlier order is closed.
    return [...this.orders.values()].reverse().find((o) => mine(o) && o.clientOrderId === clientOrderId);
  }

  openOrders(owner: string, symbol?: string): Order[] {
    return [...this.orders.values()].filter((o) => o.owner === owner && (symbol === undefined || o.symbol === symbol) && (o.status === 'NEW' || o.status === 'PARTIALLY_FILLED'));
  }

  allOrders(owner: string, symbol: string): Order[] {
    return [...this.orders.values()].filter((o) => o.owner === owner && o.symbol === symbol);
  }

  /** Books a fill against a resting order: the venue's balances or positions, and its events. */
  protected abstract settleMaker(market: SymbolMarket, maker: RestingOrder, qty: bigint, price: bigint, tradeId: number, time: number): void;
}
