// Telling "the database could not be reached" apart from a query the database refused, so that an
// outage answers 503 (retry later) and not 500 (a bug).

/** SQLSTATE classes of an unreachable or overloaded server: connection exception, insufficient resources, operator intervention. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0)/;
/** What the Neon driver (HTTP and WebSocket) and its pg client say when no connection could be made or kept. */
const UNAVAILABLE_MESSAGE = /Error connecting to database|Connection terminated|ECONNREFUSED|ETIMEDOUT|Network connection lost|WebSocket/i;
/** Causes looked through: drizzle wraps the driver's error once, the driver the network's once more. */
const MAX_CAUSE_DEPTH = 4;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_SQLSTATE.test(code)) return true;
    // A driver error with no SQLSTATE never reached Postgres: the connection itself failed.
    if (current.name === 'NeonDbError' && code === undefined) return true;
    if (UNAVAILABLE_MESSAGE.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
