import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';
import type { SignerEnv } from '../../lib/signer/client';

export interface ChainsEnv extends RouterEnv, ConfigEnv, SignerEnv {
  /** Unlocks `/wallet/show-private-key` (Gateway's passphrase). Unset: that route is refused. */
  GATEWAY_PASSPHRASE?: string;
}
