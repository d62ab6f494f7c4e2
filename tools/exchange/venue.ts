// What the spot and USD-M venues share: their markets, which the market maker moves on lazily, on
// any access, and can be paused.
import { invalidSymbol } from './errors';
import type { SymbolMarket } from './market';
import type { RestingOrder } from './order-book';

export abstract class MarketVenue {
  readonly markets = new Map<string, SymbolMarket>();
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

  /** Books a fill against a resting order: the venue's balances or positions, and its events. */
  protected abstract settleMaker(market: SymbolMarket, maker: RestingOrder, qty: bigint, price: bigint, tradeId: number, time: number): void;
}
