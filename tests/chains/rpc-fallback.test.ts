import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../support/http';

describe('RPC fallback', () => {
  afterAll(async () => {
    await api('/config/update', { body: { namespace: 'ethereum-optimism', path: 'fallbackNodeURLs', value: [] } });
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
