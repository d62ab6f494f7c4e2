import { describe, expect, it } from 'vitest';
import { api } from '../support/http';

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client passes its limit', async () => {
    // The test configuration allows 200 requests a minute per client (vitest.config.ts).
    const headers = { 'cf-connecting-ip': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 1) statuses.push((await api('/', { auth: null, headers })).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await api('/', { auth: null, headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ statusCode: 429, message: 'Rate limit exceeded, retry in 1 minute' });
    const otherClient = await api('/', { auth: null, headers: { 'cf-connecting-ip': '203.0.113.8' } });
    expect(otherClient.status).toBe(200);
  });
});
