import type { BotsEnv } from '../../workers/bots/env';
import type { ChainsEnv } from '../../workers/chains/env';
import type { EdgeEnv } from '../../workers/edge/env';
import type { MarketDataEnv } from '../../workers/market-data/env';
import type { TradingEnv } from '../../workers/trading/env';
import type { WebhooksEnv } from '../../workers/webhooks/env';

declare global {
  namespace Cloudflare {
    // The test isolate carries every worker's bindings (tests/support/stack.ts).
    interface Env extends EdgeEnv, BotsEnv, ChainsEnv, TradingEnv, MarketDataEnv, WebhooksEnv {
      TEST_ANVIL_URL: string;
      TEST_SOLANA_URL: string;
      TEST_RATE_LIMITED_RPC_URL: string;
      /** The local exchange itself (tools/exchange/), for test setup the workers must not see. */
      TEST_EXCHANGE_URL: string;
      TEST_JUPITER_URL: string;
    }
  }
}
