import { describe, expect, it } from 'vitest';
import { api, basicAuth, bearerAuth } from '../support/http';

describe('edge authentication', () => {
  it('lets anyone reach health and the docs', async () => {
    for (const path of ['/', '/docs', '/openapi.json', '/docs/json']) {
      const response = await api(path, { auth: null });
      expect(response.status, path).toBe(200);
    }
  });

  it('answers 401 with WWW-Authenticate when credentials are missing', async () => {
    const response = await api('/chains/health', { auth: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await response.json()).toMatchObject({ statusCode: 401, error: 'UnauthorizedError', message: 'Not authenticated', detail: 'Not authenticated' });
  });

  it('answers 401 for a wrong password, a wrong API key and an unknown scheme', async () => {
    for (const auth of [`Basic ${btoa('admin:wrong')}`, 'Bearer wrong-key', `Basic ${btoa('nocolon')}`, 'Digest abc', 'Basic %%%']) {
      const response = await api('/chains/health', { auth });
      expect(response.status, auth).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, message: 'Incorrect username or password' });
    }
  });

  it('accepts HTTP Basic (hummingbot-api clients) and Bearer (Gateway clients)', async () => {
    for (const auth of [basicAuth, bearerAuth]) {
      const response = await api('/chains/health', { auth });
      expect(response.status, auth).toBe(200);
    }
  });

  it('keeps credentials at the edge and gives every answer a request id', async () => {
    const response = await api('/chains/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    const generated = await api('/chains/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
