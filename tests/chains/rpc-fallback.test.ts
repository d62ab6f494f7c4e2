import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http';

const CHANGED = ['nodeURL', 'fallbackNodeURLs'] as const;
let original: Record<(typeof CHANGED)[number], unknown>;

describe('RPC fallback', () => {
  beforeAll(async () => {
    original = await (await api('/config?namespace=ethereum-optimism')).json();
  });

  // The files that follow share the database: what this one changes, it puts back.
  afterAll(async () => {
    for (const path of CHANGED) await api('/config/update', { body: { namespace: 'ethereum-optimism', path, value: original[path] } });
    const restored = await (await api('/config?namespace=ethereum-optimism')).json<Record<string, unknown>>();
    expect(restored).toMatchObject(original);
  });

  it('answers from the next RPC in the list when the first is down or rate-limited', async () => {
    for (const primary of ['http://127.0.0.1:1', env.TEST_RATE_LIMITED_RPC_URL]) {
      await api('/config/update', { body: { namespace: 'ethereum-optimism', path: 'nodeURL', value: primary } });
      await api('/config/update', { body: { namespace: 'ethereum-optimism', path: 'fallbackNodeURLs', value: [env.TEST_ANVIL_URL] } });
      const response = await api('/chains/ethereum/status?network=optimism');
      expect(response.status, primary).toBe(200);
      expect(await response.json()).toMatchObject({ chain: 'ethereum', network: 'optimism', currentBlockNumber: expect.any(Number) });
    }
  });

  it('refuses a fallback list that is not URLs', async () => {
    const response = await api('/config/update', { body: { namespace: 'ethereum-optimism', path: 'fallbackNodeURLs', value: ['not a url'] } });
    expect(response.status).toBe(400);
  });
});
