import type { SettingsVersion } from '../../lib/config/settings-version';
import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';
import type { SignerEnv } from '../../lib/signer/client';

export interface ConnectorsEnv extends RouterEnv, ConfigEnv, SignerEnv {
  SETTINGS_VERSION: DurableObjectNamespace<SettingsVersion>;
}
