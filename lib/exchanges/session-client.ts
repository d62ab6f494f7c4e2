import type { ExchangeSession } from './session';

export interface ExchangeSessionsEnv {
  EXCHANGE_SESSIONS: DurableObjectNamespace<ExchangeSession>;
}

/** The session of `account` on `connector`; without an account, the connector's public session (market data). */
export function exchangeSession(env: ExchangeSessionsEnv, connector: string, account?: string): DurableObjectStub<ExchangeSession> {
  // Account and connector names cannot contain ':' (lib/accounts/names.ts), and '' is no account's name.
  return env.EXCHANGE_SESSIONS.get(env.EXCHANGE_SESSIONS.idFromName(`${account ?? ''}:${connector}`));
}
