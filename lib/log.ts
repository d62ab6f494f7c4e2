import { maskUrlsInText } from './redact';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Structured one-line JSON logs: what Workers Logs and `wrangler tail` index best. Never pass secrets. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, message, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** Longest error text a log line carries. */
const ERROR_TEXT_MAX = 500;
/** Hex and base64 runs this long are payloads (signed transactions, calldata), not diagnostics. */
const PAYLOAD = /0x[0-9a-fA-F]{130,}|[A-Za-z0-9+/]{120,}={0,2}/g;

function redact(text: string): string {
  const cut = maskUrlsInText(text).replace(PAYLOAD, (payload) => `<${payload.length} characters elided>`);
  return cut.length > ERROR_TEXT_MAX ? `${cut.slice(0, ERROR_TEXT_MAX)}…` : cut;
}

/**
 * An error as a log line may show it: what failed, never what it carried. A failed SQL query is
 * described by the database's own error (drizzle's message repeats the query and its parameters), an
 * RPC error by its short message (viem's full one repeats the request, raw signed transaction included),
 * long hex or base64 payloads are elided from whatever remains, and credentials in URLs masked. The stack keeps only its frames.
 */
export function describeError(error: unknown): { error: string; stack?: string } {
  if (!(error instanceof Error)) return { error: redact(String(error)) };
  const stack = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') || undefined;
  if (error.name === 'DrizzleQueryError' || error.message.startsWith('Failed query:')) {
    return { error: `DrizzleQueryError: ${error.cause === undefined ? 'query failed' : describeError(error.cause).error}`, stack };
  }
  const { shortMessage } = error as { shortMessage?: unknown };
  const message = typeof shortMessage === 'string' ? shortMessage : error.message;
  return { error: redact(`${error.name}: ${message}`), stack };
}
