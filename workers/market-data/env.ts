import type { MarketFeed } from '../../lib/market-data/feed';
import type { RouterEnv } from '../../lib/env';
import type { ExchangeUrlEnv } from '../../lib/exchanges/base-urls';
import type { ExchangeSessionsEnv } from '../../lib/exchanges/session-client';

export interface MarketDataEnv extends RouterEnv, ExchangeUrlEnv, ExchangeSessionsEnv {
  /** One Durable Object per WebSocket feed (lib/market-data/feed.ts). */
  MARKET_FEEDS: DurableObjectNamespace<MarketFeed>;
}
