// What the venues tell the WebSocket streams: user-data events per account and market changes per
// symbol. Synchronous, in process.

export type UserEvent = { owner: string; venue: 'spot' | 'futures'; payload: Record<string, unknown> };
export type MarketEvent = { venue: 'spot' | 'futures'; symbol: string; stream: 'trade'; payload: Record<string, unknown> };

export class EventBus {
  private readonly userListeners = new Set<(event: UserEvent) => void>();
  private readonly marketListeners = new Set<(event: MarketEvent) => void>();

  onUser(listener: (event: UserEvent) => void): () => void {
    this.userListeners.add(listener);
    return () => this.userListeners.delete(listener);
  }

  onMarket(listener: (event: MarketEvent) => void): () => void {
    this.marketListeners.add(listener);
    return () => this.marketListeners.delete(listener);
  }

  user(event: UserEvent): void {
    for (const listener of this.userListeners) listener(event);
  }

  market(event: MarketEvent): void {
    for (const listener of this.marketListeners) listener(event);
  }
}
