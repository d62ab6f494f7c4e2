type Level = 'debug' | 'info' | 'warn' | 'error';

/** Structured one-line JSON logs: what Workers Logs and `wrangler tail` index best. Never pass secrets. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, message, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
