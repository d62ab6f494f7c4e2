import { neon, Pool } from '@neondatabase/serverless';
import { drizzle as drizzleHttp } from 'drizzle-orm/neon-http';
import { drizzle as drizzleSocket, type NeonDatabase } from 'drizzle-orm/neon-serverless';
import type { RouterEnv } from '../env';
import { ServiceUnavailableError } from '../errors';
import { useLocalNeonProxy } from './local-proxy';
import * as schema from './schema';

type DatabaseEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;

function connectionString(env: DatabaseEnv): string {
  if (!env.DATABASE_URL) throw new ServiceUnavailableError('The database is not configured: set DATABASE_URL');
  if (env.NEON_PROXY_URL) useLocalNeonProxy(env.NEON_PROXY_URL);
  return env.DATABASE_URL;
}

/** Stateless queries over HTTP: one round trip each and nothing to close, the cheapest path in a Worker. */
export function getDb(env: DatabaseEnv) {
  return drizzleHttp(neon(connectionString(env)), { schema });
}

export type Db = ReturnType<typeof getDb>;
export type Transaction = Parameters<Parameters<NeonDatabase<typeof schema>['transaction']>[0]>[0];

/**
 * Runs `work` in one interactive transaction over a WebSocket opened for this call only: a socket
 * must not outlive the request that opened it in Workers.
 */
export async function withTransaction<T>(env: DatabaseEnv, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: connectionString(env) });
  try {
    return await drizzleSocket(pool, { schema }).transaction(work);
  } finally {
    await pool.end();
  }
}
