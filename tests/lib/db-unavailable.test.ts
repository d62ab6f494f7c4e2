import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
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
