import type { RouterEnv } from '../../lib/env';
import type { ExchangeUrlEnv } from '../../lib/exchanges/base-urls';
import type { ExchangeSessionsEnv } from '../../lib/exchanges/session-client';

export interface TradingEnv extends RouterEnv, ExchangeUrlEnv, ExchangeSessionsEnv {
  /** The chains worker: `/accounts/gateway/*` manage its wallets (one wallet store, not two). */
  CHAINS: Fetcher;
}
