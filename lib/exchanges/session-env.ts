import type { RouterEnv } from '../env';
import type { ExchangeUrlEnv } from './base-urls';

/** What an exchange session reads from its worker's environment. */
export interface ExchangeSessionEnv extends RouterEnv, ExchangeUrlEnv {}
