import type { RouterEnv } from '../../lib/env';
import type { ExchangeUrlEnv } from '../../lib/exchanges/base-urls';
import type { ExchangeSessionsEnv } from '../../lib/exchanges/session-client';

export interface MarketDataEnv extends RouterEnv, ExchangeUrlEnv, ExchangeSessionsEnv {}
