import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError, TooManyRequestsError, ValidationError } from '../errors';
import type { ExchangeSession, SessionResult } from './session';

export interface ExchangeSessionsEnv {
  EXCHANGE_SESSIONS: DurableObjectNamespace<ExchangeSession>;
}

/** An HTTP error raised inside the exchange session, keeping its name on this side of the boundary. */
class SessionHttpError extends HttpError {
  constructor(
    statusCode: ContentfulStatusCode,
    message: string,
    code: string | undefined,
    private readonly name_: string,
    extra?: Record<string, unknown>,
  ) {
    super(statusCode, message, code, extra);
  }

  override get errorName(): string {
    return this.name_;
  }
}

/** The session of `account` on `connector`; without an account, the connector's public session (market data). */
export function exchangeSession(env: ExchangeSessionsEnv, connector: string, account?: string): DurableObjectStub<ExchangeSession> {
  // Account and connector names cannot contain ':' (lib/accounts/names.ts), and '' is no account's name.
  return env.EXCHANGE_SESSIONS.get(env.EXCHANGE_SESSIONS.idFromName(`${account ?? ''}:${connector}`));
}

/** The session's answer, or its HTTP error rethrown here. */
export function unwrap<T>(result: SessionResult<T>): T {
  if (result.ok) return result.value;
  const { statusCode, message, code, name, retryAfterSeconds, extra, validation } = result.error;
  if (validation) throw new ValidationError(validation);
  if (statusCode === 429) throw new TooManyRequestsError(message, code, extra, retryAfterSeconds);
  throw new SessionHttpError(statusCode as ContentfulStatusCode, message, code, name, extra);
}
