import type { SettingsVersion } from '../../lib/config/settings-version';
import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';
import type { SignerEnv } from '../../lib/signer/client';

export interface ChainsEnv extends RouterEnv, ConfigEnv, SignerEnv {
  SETTINGS_VERSION: DurableObjectNamespace<SettingsVersion>;
  /** Unlocks `/wallet/show-private-key` (Gateway's passphrase). Unset: that route is refused. */
  GATEWAY_PASSPHRASE?: string;
}
