import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';
import type { ExchangeUrlEnv } from '../../lib/exchanges/base-urls';
import type { SignerEnv } from '../../lib/signer/client';

/** EXCHANGE_BASE_URLS points HTTP connectors (Jupiter) at their stand-ins in dev and tests. */
export interface ConnectorsEnv extends RouterEnv, ConfigEnv, SignerEnv, ExchangeUrlEnv {}
