import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import edge from '../../workers/edge';

describe('a deployed edge with default credentials', () => {
  const production = { ...env, ENVIRONMENT: 'production' };

  it('refuses every request with a clear 503', async () => {
    for (const credentials of [{ USERNAME: 'admin', PASSWORD: 'admin' }, { USERNAME: undefined, PASSWORD: undefined }]) {
      for (const path of ['/', '/chains/health']) {
        const response = await edge.request(path, { headers: { authorization: `Basic ${btoa('admin:admin')}` } }, { ...production, ...credentials });
        expect(response.status).toBe(503);
        const body = await response.json<{ message: string; code: string }>();
        expect(body.code).toBe('DEFAULT_CREDENTIALS');
        expect(body.message).toMatch(/set the USERNAME and PASSWORD secrets/);
      }
    }
  });

  it('serves once real credentials are set', async () => {
    const response = await edge.request('/', {}, { ...production, USERNAME: 'ops', PASSWORD: 'a-long-secret' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
