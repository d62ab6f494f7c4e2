import type { SettingsVersion } from '../../lib/config/settings-version';
import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';
import type { FollowerEnv } from './transaction-follower';

export interface GatewayEnv extends RouterEnv, ConfigEnv, FollowerEnv {
  SETTINGS_VERSION: DurableObjectNamespace<SettingsVersion>;
  /** Gateway's chain, wallet, token and config routes: the same answers as `/chains`, `/wallet`, `/tokens`, `/config`. */
  CHAINS: Fetcher;
  /** The DEX connectors, `/pools`, `/trading/swap` and `/trading/clmm`. */
  CONNECTORS: Fetcher;
}
