import { neon } from '@neondatabase/serverless';
import type { RouterEnv } from '../env';
import { useLocalNeonProxy } from './local-proxy';

export interface DatabaseHealth {
  reachable: boolean;
  latencyMs?: number;
  error?: string;
}

const TIMEOUT_MS = 3_000;

/** `select 1` with a deadline; the reason is reported without the connection string. */
export async function checkDatabase(env: Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>): Promise<DatabaseHealth> {
  if (!env.DATABASE_URL) return { reachable: false, error: 'DATABASE_URL is not set' };
  if (env.NEON_PROXY_URL) useLocalNeonProxy(env.NEON_PROXY_URL);
  const started = Date.now();
  try {
    const sql = neon(env.DATABASE_URL, { fetchOptions: { signal: AbortSignal.timeout(TIMEOUT_MS) } });
    await sql`select 1`;
    return { reachable: true, latencyMs: Date.now() - started };
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/postgres(ql)?:\/\/\S+/g, '<database url>') : 'unknown error';
    return { reachable: false, error: reason };
  }
}
