import { SELF } from 'cloudflare:test';

export const TEST_CREDENTIALS = { username: 'admin', password: 'test-password', apiKey: 'test-api-key' } as const;

export const basicAuth = `Basic ${btoa(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`)}`;
export const bearerAuth = `Bearer ${TEST_CREDENTIALS.apiKey}`;

// Each test file is its own client to the edge's per-client rate limit.
const clientIp = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** A request to the edge, authenticated unless `auth: null`; JSON bodies are encoded. */
export async function api(path: string, init: { method?: string; body?: unknown; auth?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'cf-connecting-ip': clientIp, ...init.headers };
  if (init.auth !== null) headers.authorization = init.auth ?? basicAuth;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  return SELF.fetch(`http://colibri.test${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
}
