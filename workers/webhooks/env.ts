import type { RouterEnv } from '../../lib/env';
import type { TradeSignal } from '../../schemas/webhooks';

export interface WebhooksEnv extends RouterEnv {
  /** The `trade-signals` queue: one message per accepted delivery. */
  TRADE_SIGNALS: Queue<TradeSignal>;
  /** Exchange orders go through the trading worker (`POST /trading/orders`). */
  TRADING: Fetcher;
  /** DEX swaps go through the connectors worker (`POST /trading/swap/execute`). */
  CONNECTORS: Fetcher;
}
