import { env } from 'cloudflare:test';
import { HttpRequestError } from 'viem';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../lib/app';
import { PASSPHRASE_ATTEMPTS } from '../../lib/wallets/passphrase-attempts';
import edge from '../../workers/edge';
import { api } from '../support/http';

// What must not leak: default keys on a deployed edge, RPC keys inside node URLs, credentials to any
// page that asks, private keys to a passphrase guesser, SQL parameters and signed transactions to logs.

const production = { ...env, ENVIRONMENT: 'production', USERNAME: 'ops', PASSWORD: 'a-long-secret', API_KEY: 'a-long-api-key' };

describe('a deployed edge', () => {
  it('refuses a missing or default API key as it refuses default Basic credentials', async () => {
    for (const API_KEY of [undefined, 'colibri-dev-key']) {
      const response = await edge.request('/', {}, { ...production, API_KEY });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'DEFAULT_CREDENTIALS', message: expect.stringMatching(/set the API_KEY secret/) });
    }
    expect((await edge.request('/', {}, production)).status).toBe(200);
  });

  it('allows CORS only from CORS_ORIGINS, and no origin by default (development keeps localhost)', async () => {
    const preflight = (origin: string, bindings: Record<string, unknown>) =>
      edge.request('/wallet', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } }, bindings);
    const allowed = async (origin: string, bindings: Record<string, unknown>) => (await preflight(origin, bindings)).headers.get('access-control-allow-origin');
    expect(await allowed('http://localhost:3000', production)).toBeNull();
    expect(await allowed('http://127.0.0.1:8501', production)).toBeNull();
    expect(await allowed('https://dash.example.com', production)).toBeNull();
    const configured = { ...production, CORS_ORIGINS: 'https://dash.example.com, https://ops.example.com' };
    expect(await allowed('https://dash.example.com', configured)).toBe('https://dash.example.com');
    expect(await allowed('https://ops.example.com', configured)).toBe('https://ops.example.com');
    expect(await allowed('https://evil.example.com', configured)).toBeNull();
    expect(await allowed('http://localhost:3000', { ...env, ENVIRONMENT: 'development' })).toBe('http://localhost:3000');
  });
});

describe('RPC keys in node URLs', () => {
  const keyedUrls = {
    'ethereum-mainnet': 'https://eth-mainnet.g.alchemy.com/v2/AbCdEf0123456789GhIjKlMnOp',
    'ethereum-base': 'https://base.example-rpc.io/rpc?api-key=s3cr3t-k3y&chain=base',
    'ethereum-polygon': 'https://user:hunter2@polygon.example-rpc.io/9aa3d95b3bc440fa88ea12eaa4456161',
  };
  const secrets = ['AbCdEf0123456789GhIjKlMnOp', 's3cr3t-k3y', 'hunter2', '9aa3d95b3bc440fa88ea12eaa4456161'];

  // The shipped URLs carry no key, so /config shows them as they are: put them back afterwards.
  const shipped: Record<string, string> = {};
  beforeAll(async () => {
    for (const namespace of Object.keys(keyedUrls)) shipped[namespace] = (await (await api(`/config?namespace=${namespace}`)).json<{ nodeURL: string }>()).nodeURL;
  });
  afterAll(async () => {
    for (const [namespace, value] of Object.entries(shipped)) await api('/config/update', { body: { namespace, path: 'nodeURL', value } });
  });

  it('are masked in GET /config, in /config/update answers and in errors', async () => {
    for (const [namespace, value] of Object.entries(keyedUrls)) {
      const updated = await (await api('/config/update', { body: { namespace, path: 'nodeURL', value } })).text();
      for (const secret of secrets) expect(updated).not.toContain(secret);
    }
    const all = await (await api('/config')).text();
    const one = await (await api('/config?namespace=ethereum-mainnet')).json<{ nodeURL: string }>();
    expect(one.nodeURL).toBe('https://eth-mainnet.g.alchemy.com/v2/***');
    expect(await (await api('/config?namespace=ethereum-base')).json()).toMatchObject({ nodeURL: 'https://base.example-rpc.io/rpc?api-key=***&chain=base' });
    expect(await (await api('/config?namespace=ethereum-polygon')).json()).toMatchObject({ nodeURL: 'https://***:***@polygon.example-rpc.io/***' });
    // The RPC cannot be reached from here: whatever the error says, it says it without the key.
    const status = await (await api('/chains/ethereum/status?network=mainnet')).text();
    for (const text of [all, status]) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('/wallet/show-private-key', () => {
  it(`answers 429 with Retry-After after ${PASSPHRASE_ATTEMPTS} wrong passphrases for a wallet, whatever the passphrase then`, async () => {
    const create = async () => (await (await api('/wallet/create', { body: { chain: 'ethereum' } })).json<{ address: string }>()).address;
    const [target, other] = [await create(), await create()];
    const show = (address: string, passphrase: string) => api('/wallet/show-private-key', { body: { chain: 'ethereum', address, passphrase } });
    for (let attempt = 1; attempt <= PASSPHRASE_ATTEMPTS; attempt++) expect((await show(target, `guess-${attempt}`)).status).toBe(401);
    for (const passphrase of ['guess-6', env.GATEWAY_PASSPHRASE!]) {
      const refused = await show(target, passphrase);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'PASSPHRASE_ATTEMPTS_EXCEEDED' });
    }
    // Another wallet is not locked, and a right passphrase clears its count.
    expect((await show(other, 'wrong')).status).toBe(401);
    expect((await show(other, env.GATEWAY_PASSPHRASE!)).status).toBe(200);
  });
});

describe('logs of failed requests', () => {
  it('carry the error, not SQL parameters, signed transactions or URL credentials', async () => {
    const signedTransaction = `0x02f8${'ab'.repeat(120)}`;
    const failures = [
      new DrizzleQueryError('insert into "wallets" ("sealed_key") values ($1)', ['sealed-private-key-material'], new Error('duplicate key value violates unique constraint')),
      new HttpRequestError({ url: 'https://rpc.example.com/v3/9aa3d95b3bc440fa88ea12eaa4456161', body: { method: 'eth_sendRawTransaction', params: [signedTransaction] }, details: 'fetch failed' }),
      new Error(`broadcast of ${signedTransaction} failed`),
    ];
    const app = createApp<object>();
    let failure: Error = failures[0];
    app.openapi(createRoute({ method: 'get', path: '/boom', responses: { 200: { description: 'never', content: { 'application/json': { schema: z.object({}) } } } } }), () => {
      throw failure;
    });
    const lines: string[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      for (failure of failures) expect((await app.request('/boom')).status).toBe(500);
    } finally {
      logged.mockRestore();
    }
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('duplicate key value violates unique constraint');
    expect(lines[1]).toContain('HTTP request failed');
    for (const line of lines) {
      expect(line).not.toContain('sealed-private-key-material');
      expect(line).not.toContain('ab'.repeat(60));
      expect(line).not.toContain('9aa3d95b3bc440fa88ea12eaa4456161');
    }
  });
});
