import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';

export interface ChainsEnv extends RouterEnv, ConfigEnv {
  /** Unlocks `/wallet/show-private-key` (Gateway's passphrase). Unset: that route is refused. */
  GATEWAY_PASSPHRASE?: string;
}
