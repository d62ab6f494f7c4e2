import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '../../lib/db/client';
import trading from '../../workers/trading';

describe('a router whose database cannot be reached', () => {
  it('answers 503 DATABASE_UNAVAILABLE (retry later), not 500 (a bug), and names no host or password', async () => {
    const response = await trading.request('/accounts', {}, { ...env, DATABASE_URL: 'postgres://user:secret@127.0.0.1:1/none' });
    expect(response.status).toBe(503);
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database cannot be reached; retry shortly' });
    expect(JSON.stringify(body)).not.toMatch(/secret|127\.0\.0\.1/);
  });
});

describe('a router whose database connections are cut under parallel load', () => {
  it('answers every request 200 or 503 DATABASE_UNAVAILABLE, never 500', async () => {
    const db = getDb(env);
    let cutting = true;
    let cuts = 0;
    const cutter = (async () => {
      while (cutting) {
        // Every other session of this database ends mid-query, as when Postgres restarts or a proxy drops them.
        await db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
        cuts += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const statuses: string[] = [];
    const lanes = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 25; i++) {
        const response = await trading.request('/accounts', {}, env);
        const text = await response.text();
        statuses.push(response.status === 503 ? `503 ${JSON.parse(text).code}` : response.status === 200 ? '200' : `${response.status} ${text.slice(0, 300)}`);
      }
    });
    await Promise.all(lanes);
    cutting = false;
    await cutter;
    const counts = statuses.reduce<Record<string, number>>((tally, status) => ({ ...tally, [status]: (tally[status] ?? 0) + 1 }), {});
    console.log(`${cuts} rounds of cut sessions; answers ${JSON.stringify(counts)}`);
    expect(statuses.filter((status) => status !== '200' && status !== '503 DATABASE_UNAVAILABLE')).toEqual([]);
  });
});
